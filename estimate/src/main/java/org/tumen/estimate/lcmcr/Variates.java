package org.tumen.estimate.lcmcr;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The continuous draws of the LCMCR sampler on one random stream. Shapes change every sweep, so the
 * Gamma sampler is inlined rather than building a commons-rng sampler object per draw.
 */
final class Variates {
  /** commons-rng's large-mean Poisson sampler accepts means up to about 2^30. */
  private static final double MAX_POISSON_MEAN = 1.0e9;

  private final UniformRandomProvider rng;
  private final NormalizedGaussianSampler normal;

  Variates(UniformRandomProvider rng) {
    this.rng = rng;
    this.normal = ZigguratSampler.NormalizedGaussian.of(rng);
  }

  UniformRandomProvider rng() {
    return rng;
  }

  /** Uniform on (0, 1], so that its logarithm is finite. */
  double openUniform() {
    return ((rng.nextLong() >>> 11) + 1) * 0x1.0p-53;
  }

  /**
   * Gamma(shape, 1) for shape ≥ 1 by Marsaglia & Tsang (2000), "A simple method for generating
   * gamma variables", ACM TOMS 26(3):363–372, with their squeeze.
   */
  double gamma(double shape) {
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / Math.sqrt(9.0 * d);
    while (true) {
      double x;
      double v;
      do {
        x = normal.sample();
        v = 1.0 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = openUniform();
      double x2 = x * x;
      if (u < 1.0 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  /**
   * ln of a Gamma(shape, 1) draw, for any shape > 0. Below shape 1 it uses Gamma(a) = Gamma(a + 1)
   * · U^{1/a} (Marsaglia & Tsang 2000, §6) in logs: with a small shape the draw itself can be far
   * below the smallest double (e.g. a = 0.001 gives e^{−1000}), while its logarithm is harmless.
   */
  double logGamma(double shape) {
    if (shape >= 1) {
      return Math.log(gamma(shape));
    }
    return Math.log(gamma(shape + 1)) + Math.log(openUniform()) / shape;
  }

  /** Beta(a, b) for a, b ≥ 1 as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
  double beta(double a, double b) {
    double x = gamma(a);
    return x / (x + gamma(b));
  }

  /**
   * Draws V ~ Beta(a, b) for any positive shapes and stores ln V in {@code logV[k]} and ln(1 − V)
   * in {@code logComplement[k]}: both from ln X and ln Y (X ~ Gamma(a), Y ~ Gamma(b)) by ln V = ln
   * X − ln(X + Y), so neither rounds to −∞ when V is within 1e-16 of 0 or 1.
   */
  void logBeta(double a, double b, double[] logV, double[] logComplement, int k) {
    double lx = logGamma(a);
    double ly = logGamma(b);
    double hi = Math.max(lx, ly);
    double lse = hi + Math.log(Math.exp(lx - hi) + Math.exp(ly - hi));
    logV[k] = lx - lse;
    logComplement[k] = ly - lse;
  }

  /**
   * NegativeBinomial(size, success probability) as a Poisson–Gamma mixture: Poisson(G · odds) with
   * G ~ Gamma(size) and odds = (1 − success) / success, passed as {@code failureOdds}.
   */
  long negativeBinomial(long size, double failureOdds) {
    double mean = gamma(size) * failureOdds;
    if (!(mean > 0)) {
      return 0;
    }
    if (mean < MAX_POISSON_MEAN) {
      return PoissonSampler.of(rng, mean).sample();
    }
    // Beyond commons-rng's range the Poisson's relative sd is below 3e-5: its normal limit is
    // indistinguishable there, and such a draw already says the data do not bound N.
    return Math.round(mean + Math.sqrt(mean) * normal.sample());
  }
}
