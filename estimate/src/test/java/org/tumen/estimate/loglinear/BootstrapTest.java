package org.tumen.estimate.loglinear;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.MseData;
import org.tumen.estimate.PopulationEstimate;

class BootstrapTest {

  @Test
  void sameSeedSameIntervalAndItContainsTheEstimate() {
    CaptureTable t = MseData.table("hepatitis_a_taiwan");
    PopulationEstimate a = LogLinear.select(t, Criterion.AIC, 2, 200, 7);
    PopulationEstimate b = LogLinear.select(t, Criterion.AIC, 2, 200, 7);
    assertThat(a.interval()).isEqualTo(b.interval());
    assertThat(a.interval().lower()).isLessThanOrEqualTo(a.estimate());
    assertThat(a.interval().upper()).isGreaterThanOrEqualTo(a.estimate());
    assertThat(a.interval().lower()).isGreaterThanOrEqualTo(t.observed());
    assertThat(a.diagnostics().warnings()).anyMatch(w -> w.contains("BCa bootstrap of 200"));
  }

  /**
   * Regression: seeding each replicate's xoroshiro generator with the raw state {seed, b} made its
   * first uniforms about 1e-14, so the first cells of every replicate were drawn from the far lower
   * tail and the replicate totals all fell short. Replicate totals must now average the observed.
   */
  @Test
  void replicateStreamsStartUniform() {
    double sum = 0;
    int n = 2000;
    for (int b = 0; b < n; b++) {
      UniformRandomProvider rng =
          RandomSource.XO_RO_SHI_RO_128_PP.create(Bootstrap.streamSeed(1, b));
      sum += rng.nextDouble();
    }
    assertThat(sum / n).isBetween(0.47, 0.53);
  }

  /** The bootstrap distribution is centred on the estimate for a well-determined model. */
  @Test
  void replicatesAreCentredOnTheEstimate() {
    CaptureTable t = MseData.table("diabetes_italy");
    double[] y = LogLinear.counts(t);
    Selection selection = new Selection(4, Criterion.AIC, 1);
    Fit best = selection.select(y).best();
    double[] stars = Bootstrap.replicates(selection, y, best.estimate(), 400, 3);
    double mean = java.util.Arrays.stream(stars).average().orElseThrow();
    // Mt on diabetes: SE about 20, so the mean of 400 replicates is within a few units.
    assertThat(mean).isBetween(best.estimate() - 10, best.estimate() + 10);
  }
}
