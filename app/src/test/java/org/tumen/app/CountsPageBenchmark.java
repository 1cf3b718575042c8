package org.tumen.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tumen.document.count.Counter;
import org.tumen.document.count.Dimension;
import org.tumen.document.count.Period;
import org.tumen.document.count.Unit;
import org.tumen.document.event.EventDeduplicator;
import org.tumen.model.documentation.CountingRecords;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.PlaceLevel;
import org.tumen.store.Workspace;

/**
 * Times what the web's counts page does for one account (docs/benchmarks.md, "countweb13"): the
 * counting records of the sources it may see, de-duplicated, and the page's three tables of one
 * unit. Not a test: run with the shaded jar on the class path, on a workspace that {@link
 * CountStoreBenchmark} filled.
 *
 * <pre>
 * java -cp app/target/tumen.jar:CLASSES org.tumen.app.CountsPageBenchmark DIR EVERY RUNS [old]
 * </pre>
 *
 * The account sees every {@code EVERY}-th stored source (by row id); {@code old} reads the whole
 * graph of codes and cuts it instead ({@code loadCodes().toldBy}, the page's path before).
 */
final class CountsPageBenchmark {

  private CountsPageBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int every = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    boolean old = args.length > 3 && args[3].equals("old");
    var process =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Gazetteer g = Gazetteer.standard();
    try (Workspace w = Workspace.open(dir, Optional.empty())) {
      Set<String> visible = new HashSet<>();
      int all = 0;
      try (Connection c = w.dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT ref FROM doc_source ORDER BY id")) {
        while (rs.next()) {
          if (all++ % every == 0) {
            visible.add(rs.getString(1));
          }
        }
      }
      System.out.printf(Locale.ROOT, "the account sees %,d of %,d sources%n", visible.size(), all);
      for (int r = 0; r < runs; r++) {
        long t0 = System.nanoTime();
        long c0 = process.getProcessCpuTime();
        CountingRecords d =
            old
                ? CountingRecords.of(w.documentation().loadCodes().toldBy(visible))
                : w.documentation().loadForCounting(visible);
        long t1 = System.nanoTime();
        long c1 = process.getProcessCpuTime();
        Counter counter = new Counter(d, new EventDeduplicator(g).deduplicate(d), g);
        long total = 0;
        for (List<Dimension> dims :
            List.of(
                List.of(Dimension.actType()),
                List.of(Dimension.period(Period.YEAR)),
                List.of(Dimension.place(PlaceLevel.REGION)))) {
          total = counter.table(Unit.VICTIMS, dims).total().count();
        }
        System.out.printf(
            Locale.ROOT,
            "run %d: read and cut %.2f s wall, %.2f s CPU (%,d acts, %,d events); count %.2f s wall,"
                + " %.2f s CPU (%,d victims)%n",
            r + 1,
            (t1 - t0) / 1e9,
            (c1 - c0) / 1e9,
            d.acts(),
            d.events(),
            (System.nanoTime() - t1) / 1e9,
            (process.getProcessCpuTime() - c1) / 1e9,
            total);
      }
    }
  }
}
