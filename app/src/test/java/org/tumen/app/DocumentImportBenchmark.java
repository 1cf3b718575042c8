package org.tumen.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Import speed of documentation (docs/benchmarks.md, "Import of documentation"): simulated
 * interviews (sources, people, acts tables as {@code tumen simulate} writes them) read and stored
 * sealed into a fresh protected workspace, several times in one warm process; each run is one
 * transaction, as {@code tumen document import}. Not a test: run with the shaded jar on the class
 * path.
 *
 * <pre>
 * java -cp app/target/tumen.jar:app/target/test-classes org.tumen.app.DocumentImportBenchmark GROUPS [REPEATS] [JDBC-URL-PREFIX]
 * </pre>
 *
 * With a PostgreSQL URL prefix ({@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}) each
 * run goes into a fresh schema {@code docsim_bench_N}, dropped afterwards.
 */
final class DocumentImportBenchmark {

  private DocumentImportBenchmark() {}

  /**
   * An experiment, H2 only: the documentation tables without their foreign keys (as the record
   * table of list import has none), to see what the keys and their indexes cost.
   */
  private static void dropForeignKeys(Workspace w) throws java.sql.SQLException {
    try (var c = w.dataSource().getConnection();
        var s = c.createStatement()) {
      java.util.List<String[]> fks = new java.util.ArrayList<>();
      try (var rs =
          s.executeQuery(
              "SELECT TABLE_NAME, CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                  + " WHERE CONSTRAINT_TYPE = 'FOREIGN KEY' AND TABLE_NAME LIKE 'DOC_%'")) {
        while (rs.next()) {
          fks.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] fk : fks) {
        s.execute("ALTER TABLE " + fk[0] + " DROP CONSTRAINT " + fk[1]);
      }
      System.out.println("dropped " + fks.size() + " foreign keys");
    }
  }

  /**
   * An experiment (H2 and PostgreSQL): the documentation tables without their unique constraints
   * (the {@code ref} columns), to see what refusing a stored id by index costs.
   */
  private static void dropUniqueConstraints(Workspace w, boolean postgres)
      throws java.sql.SQLException {
    try (var c = w.dataSource().getConnection();
        var s = c.createStatement()) {
      java.util.List<String[]> unique = new java.util.ArrayList<>();
      try (var rs =
          s.executeQuery(
              "SELECT TABLE_NAME, CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                  + " WHERE CONSTRAINT_TYPE = 'UNIQUE' AND UPPER(TABLE_NAME) LIKE 'DOC\\_%'"
                  + (postgres ? " AND TABLE_SCHEMA = CURRENT_SCHEMA()" : ""))) {
        while (rs.next()) {
          unique.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] u : unique) {
        s.execute("ALTER TABLE " + u[0] + " DROP CONSTRAINT " + u[1]);
      }
      System.out.println("dropped " + unique.size() + " unique constraints");
    }
  }

  /**
   * CPU seconds (user + system) used so far by the PostgreSQL server processes that serve
   * connections named {@code application}: the server runs on this machine, and its share of an
   * import is not in the Java process's CPU. Reads /proc; clock ticks of 1/100 s (Linux's USER_HZ).
   */
  private static double serverCpu(String url, String application) throws Exception {
    double seconds = 0;
    try (var c = java.sql.DriverManager.getConnection(url);
        var ps =
            c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
      ps.setString(1, application);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          Path stat = Path.of("/proc", Integer.toString(rs.getInt(1)), "stat");
          if (!Files.exists(stat)) {
            continue;
          }
          String line = Files.readString(stat);
          String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
          // utime and stime: fields 14 and 15 of the line, 12 and 13 after the command
          seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        }
      }
    }
    return seconds;
  }

  /**
   * The collectors' pause time so far: with the parallel collector each pause keeps every core
   * busy, so it is most of the difference between the process's CPU and the importing thread's.
   */
  private static long collectorMillis() {
    long millis = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      millis += Math.max(0, gc.getCollectionTime());
    }
    return millis;
  }

  /** The CPU of the Java threads other than this one (H2's, the driver's; not the JIT's). */
  private static long otherThreadsCpu(java.lang.management.ThreadMXBean threads) {
    long self = Thread.currentThread().getId();
    long nanos = 0;
    for (long id : threads.getAllThreadIds()) {
      if (id != self) {
        nanos += Math.max(0, threads.getThreadCpuTime(id));
      }
    }
    return nanos;
  }

  /** An experiment: SQL statements (separated by ';') run before or after the import. */
  private static void execute(Workspace w, String statements) throws java.sql.SQLException {
    if (statements == null || statements.isBlank()) {
      return;
    }
    try (var c = w.dataSource().getConnection();
        var s = c.createStatement()) {
      for (String sql : statements.split(";")) {
        s.execute(sql);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int groups = Integer.parseInt(args[0]);
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String pg = args.length > 2 ? args[2] : null;
    // Two benchmarks at once (an A/B of two builds) need schemas of their own.
    String schema = System.getProperty("bench.schema", "docsim_bench_");
    Path tmp = Files.createTempDirectory("tumen-docbench");
    Path data = tmp.resolve("documentation");
    WitnessSimulator.Summary sim =
        WitnessSimulator.simulate(Scenario.defaults(), groups * 4, 1, groups, data);
    System.out.printf(
        Locale.ROOT,
        "simulated %,d groups: %,d sources, %,d people, %,d event records, %,d rows%n",
        sim.groups(),
        sim.sources(),
        sim.people(),
        sim.eventRecords(),
        sim.actRows());
    var process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // The importing thread's own CPU leaves out the JIT compilers and the collector, which on a
    // shared machine are most of the difference between runs.
    var threads = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < repeats; r++) {
      Path ws = tmp.resolve("ws-" + r);
      String application = schema + r;
      Optional<String> url =
          pg == null
              ? Optional.empty()
              : Optional.of(
                  pg + "&currentSchema=" + schema + r + "&ApplicationName=" + application);
      if (pg != null) {
        try (var c = java.sql.DriverManager.getConnection(pg);
            var s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + schema + r + " CASCADE");
          s.execute("CREATE SCHEMA " + schema + r);
        }
      }
      try (Workspace w = Workspace.open(ws, url)) {
        // The Argon2id cost is paid once per command, not per act: leave it out here.
        Protection.initialise(w, "benchmark passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
        if (Boolean.getBoolean("bench.dropForeignKeys") && pg == null) {
          dropForeignKeys(w);
        }
        if (Boolean.getBoolean("bench.dropUnique")) {
          dropUniqueConstraints(w, pg != null);
        }
        execute(w, System.getProperty("bench.before"));
        double server0 = pg == null ? 0 : serverCpu(pg, application);
        long gc0 = collectorMillis();
        long others0 = otherThreadsCpu(threads);
        long cpu0 = process.getProcessCpuTime();
        long main0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Documentation d =
            new DocumentationImport(Vocabularies.standard(), Gazetteer.standard())
                .read(
                    data.resolve("sources.csv"),
                    data.resolve("people.csv"),
                    data.resolve("acts.csv"),
                    DocumentationImport.Stored.of(w.documentation().loadCodes()));
        long t1 = System.nanoTime();
        // bench.plainSave: the web's save, as every build before import13d stored an import
        int sealed =
            Boolean.getBoolean("bench.plainSave")
                ? w.documentation().save(d)
                : w.documentation().saveImport(d);
        execute(w, System.getProperty("bench.after"));
        long t2 = System.nanoTime();
        long cpu = process.getProcessCpuTime() - cpu0;
        long mainCpu = threads.getCurrentThreadCpuTime() - main0;
        long gc = collectorMillis() - gc0;
        long others = otherThreadsCpu(threads) - others0;
        double server = pg == null ? 0 : serverCpu(pg, application) - server0;
        double seconds = (t2 - t0) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "run %d: %,d acts, %,d events, %,d sources (%,d sealed): read %.2f s, store %.2f s,"
                + " total %.2f s wall (%.2f s process CPU, %.2f s of it the importing thread's):"
                + " %,.0f acts/s wall, %,.0f acts/s of the thread's CPU; collector pauses %.2f s; other Java threads' CPU %.2f s (the rest of the process's is the JIT's, the collector's and the VM's)%s%n",
            r + 1,
            d.acts().size(),
            d.events().size(),
            d.sources().size(),
            sealed,
            (t1 - t0) / 1e9,
            (t2 - t1) / 1e9,
            seconds,
            cpu / 1e9,
            mainCpu / 1e9,
            d.acts().size() / seconds,
            d.acts().size() / (mainCpu / 1e9),
            gc / 1e3,
            others / 1e9,
            pg == null ? "" : String.format(Locale.ROOT, "; server CPU %.2f s", server));
      }
      if (pg != null) {
        try (var c = java.sql.DriverManager.getConnection(pg);
            var s = c.createStatement()) {
          s.execute("DROP SCHEMA IF EXISTS " + schema + r + " CASCADE");
        }
      }
    }
  }
}
