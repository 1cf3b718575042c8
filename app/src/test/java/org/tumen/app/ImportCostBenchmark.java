package org.tumen.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.tumen.model.Progress;
import org.tumen.store.Workspace;
import org.tumen.store.identity.FieldSealer;
import org.tumen.store.identity.IdentityDocument;
import org.tumen.store.identity.PlaintextCodec;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Protection;
import org.tumen.store.protect.TinkCodec;

/**
 * The cost of encryption at import (docs/benchmarks.md): the same synthetic list imported into a
 * fresh workspace with the plaintext codec and with the Tink codec, alternately, several times
 * (wall time, and the CPU time of the whole process: the import reads, seals and writes on three
 * threads); then the codec alone on one thread (a data key per person, one sealed document and one
 * blind index per record), without the database. Run with the shaded jar on the class path:
 *
 * <pre>
 * java -cp app/target/tumen.jar:app/target/test-classes org.tumen.app.ImportCostBenchmark LIST.csv [REPEATS]
 * </pre>
 */
final class ImportCostBenchmark {

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final String DOCUMENT =
      IdentityDocument.encode(
          List.of("full_name", "sex", "birth_date", "birthplace", "note"),
          List.of("김영희", "여", "1975-03-09", "함경북도", "synthetic"));

  private ImportCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path list = Path.of(args[0]);
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path tmp = Files.createTempDirectory("tumen-bench");
    long rows = 0;
    for (int r = 0; r < repeats; r++) {
      for (boolean sealed : new boolean[] {false, true}) {
        Path ws = tmp.resolve((sealed ? "tink-" : "plain-") + r);
        try (Workspace w = Workspace.open(ws, Optional.empty())) {
          if (sealed) {
            // The Argon2id cost is paid once per command, not per record: leave it out here.
            Protection.initialise(
                w, "benchmark passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
          } else {
            w.useCodec(new PlaintextCodec()); // the baseline: chosen explicitly, as it must be
          }
          long t0 = System.nanoTime();
          long c0 = PROCESS.getProcessCpuTime();
          rows = w.importer().importList("bench", list, null, Map.of(), Progress.NONE).records();
          double s = (System.nanoTime() - t0) / 1e9;
          double cpu = (PROCESS.getProcessCpuTime() - c0) / 1e9;
          System.out.printf(
              "import %-9s run %d: %,d records in %.2f s wall = %,.0f records/s;"
                  + " process CPU %.2f s = %,.0f records/CPU-s%n",
              sealed ? "tink" : "plaintext", r + 1, rows, s, rows / s, cpu, rows / cpu);
        }
      }
    }
    try (Workspace w = Workspace.open(tmp.resolve("codec"), Optional.empty())) {
      TinkCodec codec =
          Protection.initialise(w, "benchmark passphrase".toCharArray(), new Argon2Cost(64, 1, 1))
              .codec();
      for (int r = 0; r < repeats; r++) {
        long t0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        for (long p = 1; p <= rows; p++) {
          long id = 1000 * (p / 500) + 2 * (p % 500); // ids come in blocks, as the store's do
          FieldSealer s = codec.sealerFor(id, codec.newPersonKey(id));
          s.seal("record", id + 1, IdentityDocument.FIELD, DOCUMENT);
          codec.blindIndex("name", "김영희");
          codec.evict(id);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf(
            "codec alone run %d: %,d persons (key + 1 document + 1 blind index) in %.2f s wall ="
                + " %.1f µs per record; CPU %.1f µs per record%n",
            r + 1, rows, s, s * 1e6 / rows, cpu * 1e6 / rows);
      }
    }
    try (Stream<Path> files = Files.walk(tmp)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
