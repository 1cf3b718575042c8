package org.tumen.estimate.lcmcr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Moments of the log-space draws against closed forms: for X ~ Gamma(a), E[ln X] = ψ(a) and Var[ln
 * X] = ψ'(a); for V ~ Beta(a, b), E[ln V] = ψ(a) − ψ(a + b) and E[ln(1 − V)] = ψ(b) − ψ(a + b).
 * Shapes as small as 0.001 make the draws themselves underflow (e^{−1000}), so only a log-space
 * sampler can pass; 5 standard errors leave room for nothing but a wrong distribution.
 */
class VariatesTest {
  private static final int DRAWS = 100_000;

  @ParameterizedTest(name = "Gamma({0})")
  @CsvSource({"0.001", "0.05", "0.7", "1", "3.5", "250"})
  void logGammaHasTheRightMeanAndVariance(double shape) {
    Variates v = new Variates(RandomSource.XO_SHI_RO_256_PP.create(Double.doubleToLongBits(shape)));
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < DRAWS; i++) {
      double x = v.logGamma(shape);
      assertThat(x).isFinite();
      sum += x;
      sumSq += x * x;
    }
    double mean = sum / DRAWS;
    double variance = sumSq / DRAWS - mean * mean;
    double trigamma = Gamma.trigamma(shape);
    assertThat(mean).isCloseTo(Gamma.digamma(shape), within(5 * Math.sqrt(trigamma / DRAWS)));
    assertThat(variance).isCloseTo(trigamma, within(0.05 * trigamma));
  }

  @ParameterizedTest(name = "Beta({0}, {1})")
  @CsvSource({"1, 0.001", "1, 0.3", "0.002, 40", "2, 2", "500, 1.5"})
  void logBetaHasTheRightMeans(double a, double b) {
    Variates v = new Variates(RandomSource.XO_SHI_RO_256_PP.create(31L));
    double[] logV = new double[1];
    double[] logComplement = new double[1];
    double sumV = 0;
    double sumC = 0;
    for (int i = 0; i < DRAWS; i++) {
      v.logBeta(a, b, logV, logComplement, 0);
      assertThat(logV[0]).isFinite().isLessThanOrEqualTo(0);
      assertThat(logComplement[0]).isFinite().isLessThanOrEqualTo(0);
      sumV += logV[0];
      sumC += logComplement[0];
    }
    double psiAb = Gamma.digamma(a + b);
    double seV = Math.sqrt((Gamma.trigamma(a) - Gamma.trigamma(a + b)) / DRAWS);
    double seC = Math.sqrt((Gamma.trigamma(b) - Gamma.trigamma(a + b)) / DRAWS);
    assertThat(sumV / DRAWS).isCloseTo(Gamma.digamma(a) - psiAb, within(5 * seV));
    assertThat(sumC / DRAWS).isCloseTo(Gamma.digamma(b) - psiAb, within(5 * seC));
  }

  @ParameterizedTest(name = "NegBin({0}, odds {1})")
  @CsvSource({"1, 0.5", "400, 0.25", "5000, 3"})
  void negativeBinomialHasTheRightMean(long size, double odds) {
    // Failures before the size-th success: mean size·odds, variance size·odds·(1 + odds).
    Variates v = new Variates(RandomSource.XO_SHI_RO_256_PP.create(size));
    int n = 50_000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += v.negativeBinomial(size, odds);
    }
    double se = Math.sqrt(size * odds * (1 + odds) / n);
    assertThat(sum / n).isCloseTo(size * odds, within(5 * se));
  }
}
