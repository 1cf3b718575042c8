package org.tumen.estimate.loglinear;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.PopulationEstimate;

/**
 * The speed figures of docs/benchmarks.md (not a unit test; skipped unless {@code
 * -Dtumen.benchmark=true}): exhaustive order-2 search at six lists and the selection-aware BCa
 * bootstrap at five, on synthetic tables of 5,000 people with two latent classes of catchability
 * and one dependent pair (seeded, so every run sees the same tables). Prints wall and process CPU
 * time; run with
 *
 * <pre>
 * mvn -B -Dtumen.target=target-loglin -Dspotless.check.skip=true -pl estimate -am test \
 *     -Dtest=LogLinearBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dtumen.benchmark=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "tumen.benchmark", matches = "true")
class LogLinearBenchmark {

  /** Synthetic: 5,000 people, 30% easy to find; list 2 twice as likely for those on list 1. */
  static CaptureTable table(int k, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    long[] counts = new long[1 << k];
    for (int person = 0; person < 5000; person++) {
      boolean easy = rng.nextDouble() < 0.3;
      int pattern = 0;
      for (int i = 0; i < k; i++) {
        double p = (easy ? 0.35 : 0.12) + 0.02 * i;
        if (i == 1 && (pattern & 1) == 1) {
          p = Math.min(0.9, 2 * p);
        }
        if (rng.nextDouble() < p) {
          pattern |= 1 << i;
        }
      }
      counts[pattern]++;
    }
    counts[0] = 0;
    List<String> lists = new ArrayList<>();
    for (int i = 1; i <= k; i++) {
      lists.add("list" + i);
    }
    return new CaptureTable(lists, counts);
  }

  @Test
  void exhaustiveSearchAtSixLists() {
    CaptureTable t = table(6, 6);
    time("warm-up K=6", () -> LogLinear.select(t, Criterion.AIC, 2, 0, 1));
    for (int run = 1; run <= 3; run++) {
      time(
          "exhaustive order-2 search, K=6, 32,768 models, run " + run,
          () -> LogLinear.select(t, Criterion.AIC, 2, 0, 1));
    }
  }

  @Test
  void bcaBootstrapWithSelectionAtFiveLists() {
    CaptureTable t = table(5, 5);
    for (int run = 1; run <= 2; run++) {
      long seed = run;
      time(
          "BCa with selection, K=5, 1,024 models x 1,000 replicates, run " + run,
          () -> LogLinear.select(t, Criterion.AIC, 2, 1000, seed));
    }
  }

  private static void time(String label, java.util.function.Supplier<PopulationEstimate> task) {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    PopulationEstimate e = task.get();
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s: %.2f s wall, %.2f s CPU (%d processors); %s N=%.1f [%.1f, %.1f]%n",
        label,
        wall,
        cpu,
        Runtime.getRuntime().availableProcessors(),
        e.model(),
        e.estimate(),
        e.interval().lower(),
        e.interval().upper());
  }
}
