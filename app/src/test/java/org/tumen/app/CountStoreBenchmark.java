package org.tumen.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.simulate.Scenario;
import org.tumen.simulate.WitnessSimulator;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Protection;

/**
 * Fills a workspace with about a million stored acts for timing {@code tumen count}
 * (docs/benchmarks.md, "docdedup"). Not a test: run with the shaded jar on the class path.
 *
 * <pre>
 * java -cp app/target/tumen.jar:app/target/test-classes org.tumen.app.CountStoreBenchmark DIR GROUPS COPIES
 * java -cp app/target/tumen.jar:app/target/test-classes org.tumen.app.CountStoreBenchmark more DIR FROM TO
 * </pre>
 *
 * Simulates interviews of {@code GROUPS} travelling groups ({@code tumen simulate}'s witnesses),
 * imports them sealed into a fresh protected workspace at {@code DIR} as {@code tumen document
 * import} does, then copies the stored documentation {@code COPIES - 1} more times inside the
 * database with SQL (every id shifted, every reference suffixed: disjoint populations telling
 * disjoint events), because storing a million acts through the importer takes far longer on this
 * shared machine than the count it is for. The copies leave out the sealed values (testimony and
 * summaries), which counting never reads. All data is synthetic.
 */
final class CountStoreBenchmark {

  private CountStoreBenchmark() {}

  /** Ids of copy k are the original's plus k times this (the originals are far below it). */
  private static final long SHIFT = 10_000_000_000L;

  public static void main(String[] args) throws Exception {
    if (args[0].equals("more")) {
      more(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      return;
    }
    if (args[0].equals("count")) {
      count(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 && args[3].equals("old"));
      return;
    }
    Path ws = Path.of(args[0]);
    int groups = Integer.parseInt(args[1]);
    int copies = Integer.parseInt(args[2]);
    if (Files.exists(ws)) {
      throw new IllegalArgumentException(ws + " exists");
    }
    Path data = Files.createTempDirectory("tumen-countbench").resolve("documentation");
    WitnessSimulator.Summary sim =
        WitnessSimulator.simulate(Scenario.defaults(), groups * 4, 1, groups, data);
    System.out.printf(
        Locale.ROOT,
        "simulated %,d groups: %,d sources, %,d event records, %,d rows%n",
        sim.groups(),
        sim.sources(),
        sim.eventRecords(),
        sim.actRows());
    var process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection.initialise(w, "benchmark passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
      long cpu0 = process.getProcessCpuTime();
      long t0 = System.nanoTime();
      Documentation d =
          new DocumentationImport(Vocabularies.standard(), Gazetteer.standard())
              .read(
                  data.resolve("sources.csv"),
                  data.resolve("people.csv"),
                  data.resolve("acts.csv"),
                  DocumentationImport.Stored.of(w.documentation().loadCodes()));
      w.documentation().save(d);
      System.out.printf(
          Locale.ROOT,
          "imported %,d acts, %,d events, %,d sources in %.1f s wall, %.1f s CPU%n",
          d.acts().size(),
          d.events().size(),
          d.sources().size(),
          (System.nanoTime() - t0) / 1e9,
          (process.getProcessCpuTime() - cpu0) / 1e9);
      try (Connection c = w.dataSource().getConnection();
          Statement s = c.createStatement()) {
        for (int k = 1; k < copies; k++) {
          long t = System.nanoTime();
          copy(s, k);
          System.out.printf(Locale.ROOT, "copy %d in %.1f s%n", k, (System.nanoTime() - t) / 1e9);
        }
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM doc_act")) {
          rs.next();
          System.out.printf(Locale.ROOT, "stored acts: %,d%n", rs.getLong(1));
        }
      }
    }
  }

  /**
   * Adds copies {@code from} to {@code to - 1} to a workspace this benchmark filled: {@code more
   * DIR FROM TO}.
   */
  private static void more(Path dir, int from, int to) throws Exception {
    try (Workspace w = Workspace.open(dir, Optional.empty());
        Connection c = w.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (int k = from; k < to; k++) {
        long t = System.nanoTime();
        copy(s, k);
        System.out.printf(Locale.ROOT, "copy %d in %.1f s%n", k, (System.nanoTime() - t) / 1e9);
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM doc_act")) {
        rs.next();
        System.out.printf(Locale.ROOT, "stored acts: %,d%n", rs.getLong(1));
      }
    }
  }

  /**
   * Times each step of {@code tumen count} (the default tables: the four units by act type) in one
   * warm process, {@code repeats} times; with {@code old}, reads the whole graph as before.
   */
  private static void count(Path dir, int repeats, boolean old) throws Exception {
    var process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Gazetteer g = Gazetteer.standard();
    try (Workspace w = Workspace.open(dir, Optional.empty())) {
      for (int r = 0; r < repeats; r++) {
        long[] mark = {System.nanoTime(), process.getProcessCpuTime()};
        java.util.function.Consumer<String> step =
            what -> {
              long t = System.nanoTime();
              long cpu = process.getProcessCpuTime();
              System.out.printf(
                  Locale.ROOT,
                  "  %s: %.2f s wall, %.2f s CPU%n",
                  what,
                  (t - mark[0]) / 1e9,
                  (cpu - mark[1]) / 1e9);
              mark[0] = t;
              mark[1] = cpu;
            };
        long t0 = System.nanoTime();
        long c0 = process.getProcessCpuTime();
        org.tumen.document.count.Counter counter;
        if (old) {
          Documentation d = w.documentation().loadCodes();
          step.accept(String.format(Locale.ROOT, "read the graph (%,d acts)", d.acts().size()));
          var clusters = new org.tumen.document.event.EventDeduplicator(g).deduplicate(d);
          step.accept("de-duplicate");
          counter = new org.tumen.document.count.Counter(d, clusters, g);
        } else {
          org.tumen.model.documentation.CountingRecords d = w.documentation().loadForCounting();
          step.accept(
              String.format(
                  Locale.ROOT, "read the columns (%,d acts, %,d events)", d.acts(), d.events()));
          var clusters = new org.tumen.document.event.EventDeduplicator(g).deduplicate(d);
          step.accept(String.format(Locale.ROOT, "de-duplicate (%,d events)", clusters.count()));
          counter = new org.tumen.document.count.Counter(d, clusters, g);
        }
        step.accept(String.format(Locale.ROOT, "merge (%,d counted acts)", counter.size()));
        long acts = 0;
        for (org.tumen.document.count.Unit u : org.tumen.document.count.Unit.values()) {
          var t = counter.table(u, java.util.List.of(org.tumen.document.count.Dimension.actType()));
          if (u == org.tumen.document.count.Unit.ACTS) {
            acts = t.total().count();
          }
        }
        step.accept(String.format(Locale.ROOT, "4 tables by act type (acts: %,d)", acts));
        System.out.printf(
            Locale.ROOT,
            "run %d: %.2f s wall, %.2f s CPU%n",
            r + 1,
            (System.nanoTime() - t0) / 1e9,
            (process.getProcessCpuTime() - c0) / 1e9);
      }
    }
  }

  private static void copy(Statement s, int k) throws java.sql.SQLException {
    String off = Long.toString(k * SHIFT);
    String base = "< " + SHIFT;
    String suffix = "'-c" + k + "'";
    s.execute(
        "INSERT INTO person (id, wrapped_key, forgotten_at, created_at) SELECT id + "
            + off
            + ", wrapped_key, forgotten_at, created_at FROM person WHERE id "
            + base
            + " AND (id IN (SELECT person_id FROM doc_person)"
            + " OR id IN (SELECT key_person_id FROM doc_source))");
    s.execute(
        "INSERT INTO doc_person (person_id, ref) SELECT person_id + "
            + off
            + ", ref || "
            + suffix
            + " FROM doc_person WHERE person_id "
            + base);
    s.execute(
        "INSERT INTO doc_source (id, ref, kind, interviewer, source_day, source_precision,"
            + " language, place_code, place_approximate, holder, reliability, has_text,"
            + " key_person_id, created_at) SELECT id + "
            + off
            + ", ref || "
            + suffix
            + ", kind, interviewer, source_day, source_precision, language, place_code,"
            + " place_approximate, holder, reliability, FALSE, key_person_id + "
            + off
            + ", created_at FROM doc_source WHERE id "
            + base);
    s.execute(
        "INSERT INTO doc_consent (source_id, position, consent_use, given_on, withdrawn_on,"
            + " partners) SELECT source_id + "
            + off
            + ", position, consent_use, given_on, withdrawn_on, partners FROM doc_consent"
            + " WHERE source_id "
            + base);
    s.execute(
        "INSERT INTO doc_event (id, ref, event_type, start_day, start_precision, end_day,"
            + " end_precision, place_code, place_approximate, has_summary, next_event_id,"
            + " chain_person_id, created_at) SELECT id + "
            + off
            + ", ref || "
            + suffix
            + ", event_type, start_day, start_precision, end_day, end_precision, place_code,"
            + " place_approximate, FALSE, next_event_id + "
            + off
            + ", chain_person_id + "
            + off
            + ", created_at FROM doc_event WHERE id "
            + base);
    s.execute(
        "INSERT INTO doc_chain (event_id, position, next_event_id, person_id) SELECT event_id + "
            + off
            + ", position, next_event_id + "
            + off
            + ", person_id + "
            + off
            + " FROM doc_chain WHERE event_id "
            + base);
    s.execute(
        "INSERT INTO doc_information (id, ref, source_id, event_id, passage_kind, passage_start,"
            + " passage_end, reliability, observation) SELECT id + "
            + off
            + ", ref || "
            + suffix
            + ", source_id + "
            + off
            + ", event_id + "
            + off
            + ", passage_kind, passage_start, passage_end, reliability, observation"
            + " FROM doc_information WHERE id "
            + base);
    s.execute(
        "INSERT INTO doc_act (id, ref, event_id, victim_person_id, victim_group_ref, victim_count,"
            + " act_type, start_day, start_precision, end_day, end_precision, place_code,"
            + " place_approximate, perpetrator_person_id, institution_type, institution_state,"
            + " institution_unit, degree, information_id, created_at) SELECT id + "
            + off
            + ", ref || "
            + suffix
            + ", event_id + "
            + off
            + ", victim_person_id + "
            + off
            + ", CASE WHEN victim_group_ref IS NULL THEN NULL ELSE victim_group_ref || "
            + suffix
            + " END, victim_count, act_type, start_day, start_precision, end_day, end_precision,"
            + " place_code, place_approximate, perpetrator_person_id + "
            + off
            + ", institution_type, institution_state, institution_unit, degree, information_id + "
            + off
            + ", created_at FROM doc_act WHERE id "
            + base);
    s.execute(
        "INSERT INTO doc_involvement (act_id, position, perpetrator_person_id, institution_type,"
            + " institution_state, institution_unit, degree) SELECT act_id + "
            + off
            + ", position, perpetrator_person_id + "
            + off
            + ", institution_type, institution_state, institution_unit, degree"
            + " FROM doc_involvement WHERE act_id "
            + base);
    s.execute(
        "INSERT INTO doc_act_information (act_id, position, information_id) SELECT act_id + "
            + off
            + ", position, information_id + "
            + off
            + " FROM doc_act_information WHERE act_id "
            + base);
  }
}
