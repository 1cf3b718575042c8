package org.tumen.estimate.lcmcr;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tumen.estimate.CaptureTable;

/**
 * Timed runs of one LCMCR chain on published 4-, 5- and 6-list tables, for docs/benchmarks.md: the
 * 20,000 sweeps with K = 10 that R's LCMCR runs by default. Reports wall time and the thread's CPU
 * time (the machine is shared, so CPU time is the steadier figure). Not part of the test suite
 * (speed is never asserted): run with {@code -Dtumen.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "tumen.benchmark", matches = "true")
class LcmcrBenchmark {
  private static final int SWEEPS = 20_000;
  private static final int CLASSES = 10;

  @Test
  void twentyThousandSweeps() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String[] files = {"kosovo_1999.csv", "new_orleans_5lists.csv", "uk_modern_slavery_2013.csv"};
    for (String file : files) {
      CaptureTable table = MseData.table(file);
      int size = 1 << table.listCount();
      int distinct = 0;
      for (int p = 1; p < size; p++) {
        distinct += table.count(p) > 0 ? 1 : 0;
      }
      int[] patterns = new int[distinct];
      long[] counts = new long[distinct];
      for (int p = 1, i = 0; p < size; p++) {
        if (table.count(p) > 0) {
          patterns[i] = p;
          counts[i++] = table.count(p);
        }
      }
      int repeats = 13; // the first 3 warm the JIT and are not counted
      double bestWall = Double.MAX_VALUE;
      double bestCpu = Double.MAX_VALUE;
      double sumCpu = 0;
      for (int r = 0; r < repeats; r++) {
        long wall0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        GibbsChain chain =
            new GibbsChain(
                table.listCount(),
                patterns,
                counts,
                CLASSES,
                RandomSource.XO_SHI_RO_256_PP.create((long) r));
        long sink = 0;
        for (int s = 0; s < SWEEPS; s++) {
          chain.sweep();
          sink += chain.populationSize();
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        if (sink < 0) {
          throw new AssertionError("unreachable: keeps the sweeps from being optimised away");
        }
        if (r >= 3) {
          bestWall = Math.min(bestWall, wall);
          bestCpu = Math.min(bestCpu, cpu);
          sumCpu += cpu;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "LCMCR %s (%d lists, %d patterns, %d people, K=%d): 20,000 sweeps: best wall %.3f s,"
              + " best CPU %.3f s, mean CPU %.3f s (%.1f µs/sweep)%n",
          file,
          table.listCount(),
          distinct,
          table.observed(),
          CLASSES,
          bestWall,
          bestCpu,
          sumCpu / (repeats - 3),
          bestCpu * 1e6 / SWEEPS);
    }
  }
}
