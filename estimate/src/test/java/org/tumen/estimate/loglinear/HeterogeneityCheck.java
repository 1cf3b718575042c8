package org.tumen.estimate.loglinear;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.coverage.SampleCoverage;
import org.tumen.estimate.lcmcr.Lcmcr;
import org.tumen.estimate.lcmcr.LcmcrOptions;

/**
 * The small check of docs/methods.md ("A small check on heterogeneous data"): 40 synthetic
 * four-list tables of N = 2,000 people in two latent classes of catchability (a share of 10–50% at
 * 0.25–0.5 per list, the rest at 0.05–0.15, each list ±20%) with list 2 up to twice as likely for
 * people on list 1; every method's estimate and 95% interval against the known N. Not a unit test;
 * run with
 *
 * <pre>
 * mvn -B -Dtumen.target=target-loglin -Dspotless.check.skip=true -pl estimate -am test \
 *     -Dtest=HeterogeneityCheck -Dsurefire.failIfNoSpecifiedTests=false -Dtumen.heterogeneityCheck=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "tumen.heterogeneityCheck", matches = "true")
class HeterogeneityCheck {
  private static final int N = 2000;
  private static final int SCENARIOS = 40;

  static CaptureTable table(long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double share = 0.1 + 0.4 * rng.nextDouble();
    double low = 0.05 + 0.1 * rng.nextDouble();
    double high = 0.25 + 0.25 * rng.nextDouble();
    double dependence = 1 + rng.nextDouble();
    long[] counts = new long[16];
    for (int person = 0; person < N; person++) {
      boolean easy = rng.nextDouble() < share;
      int pattern = 0;
      for (int i = 0; i < 4; i++) {
        double p = (easy ? high : low) * (0.8 + 0.4 * rng.nextDouble());
        if (i == 1 && (pattern & 1) == 1) {
          p = Math.min(0.95, p * dependence);
        }
        if (rng.nextDouble() < p) {
          pattern |= 1 << i;
        }
      }
      counts[pattern]++;
    }
    counts[0] = 0;
    return new CaptureTable(List.of("l1", "l2", "l3", "l4"), counts);
  }

  @Test
  void coverageOnHeterogeneousTables() {
    List<String> names =
        List.of("loglinear AIC + BCa", "loglinear AIC + profile", "LCMCR (defaults)", "SC");
    List<Function<CaptureTable, PopulationEstimate>> methods =
        List.of(
            t -> LogLinear.select(t, Criterion.AIC, 2, 1000, 1),
            t -> LogLinear.select(t, Criterion.AIC, 2, 0, 1),
            t -> Lcmcr.estimate(t, LcmcrOptions.defaults()),
            t -> recommended(SampleCoverage.estimate(t)));
    List<List<PopulationEstimate>> results = new ArrayList<>();
    names.forEach(n -> results.add(new ArrayList<>()));
    for (int s = 0; s < SCENARIOS; s++) {
      CaptureTable t = table(1000 + s);
      for (int m = 0; m < methods.size(); m++) {
        results.get(m).add(methods.get(m).apply(t));
      }
    }
    for (int m = 0; m < names.size(); m++) {
      List<PopulationEstimate> r = results.get(m);
      long covered =
          r.stream()
              .filter(
                  e -> e.isEstimable() && e.interval().lower() <= N && N <= e.interval().upper())
              .count();
      double[] bias =
          r.stream()
              .filter(PopulationEstimate::isEstimable)
              .mapToDouble(e -> e.estimate() / N - 1)
              .sorted()
              .toArray();
      double[] width =
          r.stream()
              .filter(PopulationEstimate::isEstimable)
              .mapToDouble(e -> (e.interval().upper() - e.interval().lower()) / N)
              .sorted()
              .toArray();
      System.out.printf(
          Locale.ROOT,
          "%-26s covered %d/%d, median relative bias %+.3f, median width/N %.2f%n",
          names.get(m),
          covered,
          r.size(),
          bias[bias.length / 2],
          width[width.length / 2]);
    }
  }

  /** Chao et al. (2001): N at sample coverage of 55% or more, N1 below. */
  private static PopulationEstimate recommended(List<PopulationEstimate> sc) {
    Object c = sc.get(0).diagnostics().convergence().get("sampleCoverage");
    String want = c instanceof Number n && n.doubleValue() >= 0.55 ? "SC-N" : "SC-N1";
    return sc.stream().filter(e -> e.model().equals(want)).findFirst().orElse(sc.get(0));
  }
}
