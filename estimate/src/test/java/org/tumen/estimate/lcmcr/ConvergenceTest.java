package org.tumen.estimate.lcmcr;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Checks of R̂ and ESS against cases whose answers are known in closed form. */
class ConvergenceTest {
  private static double[][] ar1(long seed, int chains, int length, double phi, double[] shift) {
    UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
    ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] x = new double[chains][length];
    for (int c = 0; c < chains; c++) {
      double v = normal.sample() / Math.sqrt(1 - phi * phi);
      for (int i = 0; i < length; i++) {
        v = phi * v + normal.sample();
        x[c][i] = v + shift[c];
      }
    }
    return x;
  }

  @Test
  void independentDrawsHaveRhatOneAndFullEss() {
    double[][] x = ar1(1, 4, 2_000, 0, new double[4]);
    assertThat(Convergence.rhat(x)).isBetween(0.995, 1.01);
    assertThat(Convergence.ess(x)).isBetween(0.85 * 8_000, 1.15 * 8_000);
  }

  /** AR(1) with φ = 0.9: integrated autocorrelation time (1 + φ)/(1 − φ) = 19. */
  @Test
  void autocorrelatedDrawsHaveTheTheoreticalEss() {
    double[][] x = ar1(2, 4, 20_000, 0.9, new double[4]);
    double expected = 80_000 / 19.0;
    assertThat(Convergence.ess(x)).isBetween(0.8 * expected, 1.2 * expected);
    assertThat(Convergence.rhat(x)).isLessThan(1.01);
  }

  @Test
  void chainsStuckInDifferentPlacesHaveLargeRhat() {
    double[][] x = ar1(3, 3, 1_000, 0.5, new double[] {0, 0, 1.5});
    assertThat(Convergence.rhat(x)).isGreaterThan(1.1);
  }

  @Test
  void aTrendWithinChainsIsCaughtBySplitting() {
    // Every chain drifts the same way: whole-chain R̂ would miss it, split-R̂ must not.
    double[][] x = ar1(4, 3, 1_000, 0, new double[3]);
    for (double[] chain : x) {
      for (int i = 0; i < chain.length; i++) {
        chain[i] += 3.0 * i / chain.length;
      }
    }
    assertThat(Convergence.rhat(x)).isGreaterThan(1.1);
  }

  @Test
  void differentSpreadsAreCaughtByFolding() {
    // Equal medians, different scales: bulk R̂ misses it, folded R̂ (Vehtari et al. 2021) sees it.
    double[][] x = ar1(5, 2, 2_000, 0, new double[2]);
    for (int i = 0; i < x[1].length; i++) {
      x[1][i] *= 4;
    }
    assertThat(Convergence.rhat(x)).isGreaterThan(1.1);
  }
}
