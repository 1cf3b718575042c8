package org.tumen.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tumen.model.Progress;
import org.tumen.simulate.Scenario;
import org.tumen.simulate.SimulationSummary;
import org.tumen.simulate.Simulator;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Protection;
import org.tumen.store.records.StoredList;

/**
 * What {@code record.name_index} tells someone who has the database but not the keys (issue 12,
 * finding 13; docs/threat-model.md, "Blind indexes"): the simulator's lists are imported into a
 * protected workspace through the real importer and codec; then the records are grouped by their
 * stored blind index, as an attacker would, and each pair sharing a bucket is checked, with the
 * keys, for whether its names are identical (the same normalised key the index was taken of). Run:
 *
 * <pre>
 * java -cp app/target/tumen.jar:app/target/test-classes org.tumen.app.BlindIndexLeakage POPULATION...
 * </pre>
 */
final class BlindIndexLeakage {

  /**
   * @param records records with a name (and so a blind index)
   * @param sharingPairs pairs of records whose stored indexes are equal: what the attacker sees
   * @param identicalPairs those whose names are identical
   * @param chanceExpected pairs of different names expected to share a bucket by chance: (pairs of
   *     different names) / 2^bits
   */
  record Result(
      long records, long sharingPairs, long identicalPairs, double chanceExpected, int bits) {
    double identicalShare() {
      return sharingPairs == 0 ? 0 : (double) identicalPairs / sharingPairs;
    }
  }

  private BlindIndexLeakage() {}

  static Result measure(int population, long seed, Path dir) throws Exception {
    SimulationSummary sim =
        Simulator.simulate(
            Scenario.defaults(), population, seed, dir.resolve("lists"), Progress.NONE);
    try (Workspace ws = Workspace.open(dir.resolve("ws"), Optional.empty())) {
      Protection p =
          Protection.initialise(ws, "synthetic passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
      for (SimulationSummary.ListSummary l : sim.lists()) {
        ws.importer().importList(l.name(), l.file(), null, Map.of(), Progress.NONE);
      }
      Map<Long, String> bucketOf = new HashMap<>();
      int bits = 0;
      try (Connection c = ws.dataSource().getConnection();
          PreparedStatement ps =
              c.prepareStatement("SELECT id, name_index FROM record WHERE name_index IS NOT NULL");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byte[] b = rs.getBytes(2);
          bits = b.length * 8;
          bucketOf.put(rs.getLong(1), java.util.HexFormat.of().formatHex(b));
        }
      }
      Map<Long, String> nameOf = new HashMap<>();
      for (StoredList l : ws.records().lists()) {
        List<String> fields = l.fields();
        ws.records()
            .forEachRecord(
                l.name(),
                "measure blind-index leakage (synthetic)",
                r -> nameOf.put(r.id(), nameKey(fields, r.values())));
      }
      Map<String, Map<String, Long>> byBucket = new HashMap<>();
      Map<String, Long> byName = new HashMap<>();
      bucketOf.forEach(
          (id, bucket) -> {
            String name = nameOf.get(id);
            byBucket.computeIfAbsent(bucket, k -> new HashMap<>()).merge(name, 1L, Long::sum);
            byName.merge(name, 1L, Long::sum);
          });
      long sharing = 0;
      long identical = 0;
      for (Map<String, Long> names : byBucket.values()) {
        long n = names.values().stream().mapToLong(Long::longValue).sum();
        sharing += n * (n - 1) / 2;
        for (long k : names.values()) {
          identical += k * (k - 1) / 2;
        }
      }
      long n = bucketOf.size();
      long sameName = byName.values().stream().mapToLong(k -> k * (k - 1) / 2).sum();
      double chance = (n * (n - 1) / 2.0 - sameName) / Math.pow(2, bits);
      return new Result(n, sharing, identical, chance, bits);
    }
  }

  /**
   * The key the importer indexes (store/imports/RowSealer.blindKey), recomputed from the values.
   */
  static String nameKey(List<String> fields, List<String> values) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      String f = fields.get(i);
      if ((f.equals("full_name") || f.equals("surname") || f.equals("given_name"))
          && !values.get(i).isBlank()) {
        String s =
            Normalizer.normalize(values.get(i), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        out.append(out.length() == 0 ? "" : "|").append(s.replaceAll("\\s+", ""));
      }
    }
    return out.toString();
  }

  public static void main(String[] args) throws Exception {
    System.out.println(
        "population\trecords\tbits\tpairs sharing a bucket\tidentical names\tshare\tchance expected");
    for (String a : args) {
      Path dir = Files.createTempDirectory("tumen-leak");
      Result r = measure(Integer.parseInt(a), 1, dir);
      System.out.printf(
          Locale.ROOT,
          "%s\t%d\t%d\t%d\t%d\t%.3f\t%.1f%n",
          a,
          r.records(),
          r.bits(),
          r.sharingPairs(),
          r.identicalPairs(),
          r.identicalShare(),
          r.chanceExpected());
    }
  }
}
