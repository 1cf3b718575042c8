package org.tumen.estimate.lcmcr;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact binomial and multinomial draws whose cost does not grow with the number of trials.
 * commons-rng has no binomial sampler that is cheap to set up for a new (n, p) on every call, and
 * LCMCR needs hundreds of such draws per Gibbs sweep. Public because the sample-coverage bootstrap
 * ({@code org.tumen.estimate.coverage}) draws its resampled tables with it.
 */
public final class Multinomial {
  /**
   * Below this many trials, a multinomial is drawn one trial at a time (cheaper than binomials).
   */
  private static final int ONE_AT_A_TIME = 24;

  /** Below this mean, binomials are drawn by inversion; above, by transformed rejection. */
  private static final double INVERSION_MEAN = 10;

  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private static final double[] SMALL_LOG_FACTORIALS = new double[10];

  static {
    for (int k = 1; k < SMALL_LOG_FACTORIALS.length; k++) {
      SMALL_LOG_FACTORIALS[k] = SMALL_LOG_FACTORIALS[k - 1] + Math.log(k);
    }
  }

  private Multinomial() {}

  /**
   * Draws from Multinomial(n; w / Σw) into {@code out[0..size)}, by conditional binomials (X_k ~
   * Bin(n − Σ_{l<k} X_l, w_k / Σ_{l≥k} w_l)) or, for few trials, one trial at a time.
   *
   * @param weights non-negative, not necessarily normalised; at least one positive when n > 0
   */
  public static void sample(
      UniformRandomProvider rng, long n, double[] weights, int size, long[] out) {
    int last = -1;
    double total = 0;
    for (int k = 0; k < size; k++) {
      out[k] = 0;
      if (weights[k] > 0) {
        last = k;
        total += weights[k];
      }
    }
    if (n <= 0) {
      return;
    }
    if (last < 0 || !(total < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("multinomial weights must be finite with one positive");
    }
    if (n < ONE_AT_A_TIME) {
      for (long i = 0; i < n; i++) {
        double u = rng.nextDouble() * total;
        int k = 0;
        double acc = weights[0];
        while (u >= acc && k < last) {
          acc += weights[++k];
        }
        // Rounding can land u on a zero-weight class just before `last`; step to a real one.
        while (!(weights[k] > 0)) {
          k++;
        }
        out[k]++;
      }
      return;
    }
    long remaining = n;
    // Tail sums from the right, so each conditional probability is a ratio of exact-ish sums
    // rather than total minus a running sum (which cancels badly for tiny weights).
    double tail = 0;
    for (int k = last; k >= 0; k--) {
      tail += weights[k] > 0 ? weights[k] : 0;
    }
    for (int k = 0; k < last && remaining > 0; k++) {
      double w = weights[k] > 0 ? weights[k] : 0;
      long x = w == 0 ? 0 : binomial(rng, remaining, Math.min(1.0, w / tail));
      out[k] = x;
      remaining -= x;
      tail -= w;
      if (!(tail > 0)) {
        break;
      }
    }
    out[last] += remaining;
  }

  /**
   * One Binomial(n, p) draw. Small means by sequential inversion (BINV, Kachitvichyanukul &
   * Schmeiser 1988, CACM 31(2):216–222); larger means by Hörmann's transformed rejection with
   * squeeze (BTRS, Hörmann 1993, J. Statist. Comput. Simul. 46:101–110), both exact.
   */
  public static long binomial(UniformRandomProvider rng, long n, double p) {
    if (n <= 0 || !(p > 0)) {
      return 0;
    }
    if (p >= 1) {
      return n;
    }
    if (p > 0.5) {
      return n - binomial(rng, n, 1 - p);
    }
    return n * p < INVERSION_MEAN ? inversion(rng, n, p) : transformedRejection(rng, n, p);
  }

  private static long inversion(UniformRandomProvider rng, long n, double p) {
    double q = 1 - p;
    double s = p / q;
    double a = (n + 1) * s;
    double first = Math.exp(n * Math.log1p(-p));
    while (true) {
      double r = first;
      double u = rng.nextDouble();
      long x = 0;
      while (u > r && x <= n) {
        u -= r;
        x++;
        r *= a / x - s;
      }
      if (x <= n) {
        return x;
      }
    }
  }

  private static long transformedRejection(UniformRandomProvider rng, long n, double p) {
    double spq = Math.sqrt(n * p * (1 - p));
    double b = 1.15 + 2.53 * spq;
    double a = -0.0873 + 0.0248 * b + 0.01 * p;
    double c = n * p + 0.5;
    double vr = 0.92 - 4.2 / b;
    double alpha = (2.83 + 5.1 / b) * spq;
    double lpq = Math.log(p / (1 - p));
    double m = Math.floor((n + 1) * p);
    double h = Double.NaN; // ln m! + ln (n − m)!, needed only when the quick acceptance fails
    while (true) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble();
      double us = 0.5 - Math.abs(u);
      double k = Math.floor((2 * a / us + b) * u + c);
      if (k < 0 || k > n) {
        continue;
      }
      if (us >= 0.07 && v <= vr) {
        return (long) k;
      }
      if (Double.isNaN(h)) {
        h = logFactorial(m) + logFactorial(n - m);
      }
      // Hörmann's step 3: accept if ln(v·α/(a/us² + b)) ≤ ln f(k)/f(m) for the binomial pmf f.
      double lhs = Math.log(v * alpha / (a / (us * us) + b));
      double rhs = h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq;
      if (lhs <= rhs) {
        return (long) k;
      }
    }
  }

  /**
   * ln k!: exact below 10, else Stirling's series with three correction terms, ln k! = (k + ½) ln(k
   * + 1) − (k + 1) + ½ ln 2π + 1/(12(k+1)) − 1/(360(k+1)³) + 1/(1260(k+1)⁵), as in Hörmann (1993);
   * its error there is below 1e-13, far under the acceptance test's resolution.
   */
  static double logFactorial(double k) {
    if (k < SMALL_LOG_FACTORIALS.length) {
      return SMALL_LOG_FACTORIALS[(int) k];
    }
    double k1 = k + 1;
    double k1sq = k1 * k1;
    double series = (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / k1sq) / k1sq) / k1;
    return (k + 0.5) * Math.log(k1) - k1 + HALF_LOG_TWO_PI + series;
  }
}
