package org.tumen.document;

import java.util.List;
import org.tumen.document.count.Counter;
import org.tumen.document.count.Dimension;
import org.tumen.document.count.Period;
import org.tumen.document.count.Unit;
import org.tumen.document.event.EventClusters;
import org.tumen.document.event.EventDeduplicator;
import org.tumen.document.event.IndexedClusters;
import org.tumen.model.documentation.CountingRecords;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.PlaceLevel;

/**
 * Times de-duplication and counting on simulated witnesses; run by hand (docs/benchmarks.md), never
 * as a test. Argument: the number of travelling groups (110,000 give about a million act records).
 */
public final class CountingBenchmark {

  private CountingBenchmark() {}

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();

  private static long processCpu0;

  /**
   * Wall and CPU seconds since the marks: on a shared machine CPU time is the steadier figure. The
   * main thread's CPU, and the whole process's (de-duplication scores on two threads; it includes
   * the garbage collector).
   */
  private static String since(long wall, long cpu) {
    String out =
        String.format(
            "%.1f s wall, %.1f s CPU (main thread), %.1f s CPU (process)",
            (System.nanoTime() - wall) / 1e9,
            (CPU.getCurrentThreadCpuTime() - cpu) / 1e9,
            (PROCESS.getProcessCpuTime() - processCpu0) / 1e9);
    processCpu0 = PROCESS.getProcessCpuTime();
    return out;
  }

  public static void main(String[] args) {
    int groups = Integer.parseInt(args[0]);
    long w = System.nanoTime();
    long c0 = CPU.getCurrentThreadCpuTime();
    SimulatedWitnesses.Result sim = new SimulatedWitnesses(1, 0.6).generate(groups);
    Documentation d = sim.documentation();
    System.out.printf(
        "simulated and checked: %,d sources, %,d event records, %,d act records in %s%n",
        d.sources().size(), d.events().size(), d.acts().size(), since(w, c0));
    w = System.nanoTime();
    c0 = CPU.getCurrentThreadCpuTime();
    processCpu0 = PROCESS.getProcessCpuTime();
    Gazetteer g = Gazetteer.standard();
    if (args.length > 1 && args[1].equals("columns")) {
      // the path of tumen count: columns (there read from the store), de-duplication and merge by
      // number
      CountingRecords r = CountingRecords.of(d);
      System.out.printf("columns of the graph in %s%n", since(w, c0));
      w = System.nanoTime();
      c0 = CPU.getCurrentThreadCpuTime();
      IndexedClusters ic = new EventDeduplicator(g).deduplicate(r);
      System.out.printf(
          "de-duplicated (columns): %,d events, %,d review pairs in %s%n",
          ic.count(), ic.reviewSize(), since(w, c0));
      w = System.nanoTime();
      c0 = CPU.getCurrentThreadCpuTime();
      Counter byNumber = new Counter(r, ic, g);
      System.out.printf(
          "merged (columns) into %,d counted acts in %s%n", byNumber.size(), since(w, c0));
      tables(byNumber);
      return;
    }
    EventClusters clusters = new EventDeduplicator(g).deduplicate(d);
    System.out.printf(
        "de-duplicated: %,d events, %,d review pairs in %s%n",
        clusters.clusters().size(), clusters.review().size(), since(w, c0));
    w = System.nanoTime();
    c0 = CPU.getCurrentThreadCpuTime();
    Counter c = new Counter(d, clusters, g);
    System.out.printf("merged into %,d counted acts in %s%n", c.size(), since(w, c0));
    tables(c);
  }

  private static void tables(Counter c) {
    long w = System.nanoTime();
    long c0 = CPU.getCurrentThreadCpuTime();
    List<List<Dimension>> tables =
        List.of(
            List.of(Dimension.actType()),
            List.of(Dimension.period(Period.MONTH)),
            List.of(Dimension.period(Period.QUARTER)),
            List.of(Dimension.period(Period.YEAR)),
            List.of(Dimension.place(PlaceLevel.DISTRICT)),
            List.of(Dimension.perpetratorType()));
    for (Unit u : Unit.values()) {
      for (List<Dimension> dims : tables) {
        c.table(u, dims);
      }
    }
    System.out.printf(
        "%d tables (4 units x 6 dimensions) in %s; acts counted: %,d%n",
        4 * tables.size(), since(w, c0), c.table(Unit.ACTS, List.of()).total().count());
  }
}
