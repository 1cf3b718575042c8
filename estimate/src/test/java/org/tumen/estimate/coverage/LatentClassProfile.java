package org.tumen.estimate.coverage;

import java.util.Random;
import org.hipparchus.special.Gamma;
import org.tumen.estimate.CaptureTable;

/**
 * A measurement, not an estimator of Tumen's: the profile likelihood of the total N under a finite
 * latent-class model with C classes (lists independent within a class; Agresti 1994, Coull &amp;
 * Agresti 1999), the model the latent-class family of the coverage study draws from. For each N on
 * a grid of 50 points from 1.02 n to 10 n, EM fits the class weights and list chances on the full
 * table with N − n people in the empty cell, from five starts (walks upward and downward from the
 * neighbouring point's fit, and three random ones), keeping the best. The 95% interval is the set
 * of grid points whose likelihood-ratio statistic is at most 3.84; an upper end at 10 n means the
 * profile is flat above (no upper limit from the data).
 */
final class LatentClassProfile {
  static final int GRID = 50;
  static final double LOW = 1.02;
  static final double HIGH = 10;
  private static final int MAX_ITERATIONS = 5000;
  private static final int RESTARTS = 3;

  /** The grid point of highest likelihood and the ends of the likelihood-ratio interval. */
  record Result(double estimate, double lower, double upper, boolean flatAbove) {}

  private final int k;
  private final int classes;
  private final double[] y;
  private final long n;

  LatentClassProfile(CaptureTable t, int classes) {
    this.k = t.listCount();
    this.classes = classes;
    this.y = new double[1 << k];
    long seen = 0;
    for (int h = 1; h < y.length; h++) {
      y[h] = t.count(h);
      seen += t.count(h);
    }
    this.n = seen;
  }

  Result profile(long seed) {
    double[] grid = new double[GRID];
    double[] ll = new double[GRID];
    for (int i = 0; i < GRID; i++) {
      grid[i] = n * Math.exp(Math.log(LOW) + (Math.log(HIGH) - Math.log(LOW)) * i / (GRID - 1));
      ll[i] = Double.NEGATIVE_INFINITY;
    }
    Random rng = new Random(seed);
    // Two walks that carry each fit to the next grid point, then fresh random starts at every
    // point: EM on a mixture finds local maxima, and a jagged profile would misplace the ends.
    for (int pass = 0; pass < 2 + RESTARTS; pass++) {
      double[] w = new double[classes];
      double[][] p = new double[classes][k];
      for (int s = 0; s < GRID; s++) {
        if (s == 0 || pass >= 2) {
          start(w, p, rng);
        }
        int i = pass == 1 ? GRID - 1 - s : s;
        ll[i] = Math.max(ll[i], fit(grid[i], w, p));
      }
    }
    int best = 0;
    for (int i = 1; i < GRID; i++) {
      best = ll[i] > ll[best] ? i : best;
    }
    int lo = best;
    int hi = best;
    for (int i = 0; i < GRID; i++) {
      if (2 * (ll[best] - ll[i]) <= 3.841) {
        lo = Math.min(lo, i);
        hi = Math.max(hi, i);
      }
    }
    return new Result(grid[best], grid[lo], grid[hi], hi == GRID - 1);
  }

  private void start(double[] w, double[][] p, Random rng) {
    for (int c = 0; c < classes; c++) {
      w[c] = 1.0 / classes;
      for (int j = 0; j < k; j++) {
        p[c][j] = 0.02 + 0.48 * rng.nextDouble();
      }
    }
  }

  /** EM at a fixed N from (and into) w and p; the full log-likelihood of N at the fit. */
  private double fit(double total, double[] w, double[][] p) {
    double[] full = y.clone();
    full[0] = total - n;
    double last = Double.NEGATIVE_INFINITY;
    double[][] joint = new double[y.length][classes];
    double[] cell = new double[y.length];
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double ll = cells(w, p, joint, cell, full);
      double[] size = new double[classes];
      double[][] hits = new double[classes][k];
      for (int h = 0; h < y.length; h++) {
        for (int c = 0; c < classes; c++) {
          double share = full[h] * joint[h][c] / cell[h];
          size[c] += share;
          for (int j = 0; j < k; j++) {
            if ((h >> j & 1) == 1) {
              hits[c][j] += share;
            }
          }
        }
      }
      for (int c = 0; c < classes; c++) {
        w[c] = Math.max(1e-9, size[c] / total);
        for (int j = 0; j < k; j++) {
          p[c][j] = Math.min(1 - 1e-6, Math.max(1e-6, hits[c][j] / size[c]));
        }
      }
      if (ll - last < 1e-12 * Math.abs(ll)) {
        break;
      }
      last = ll;
    }
    cells(w, p, joint, cell, full);
    double ll =
        Gamma.logGamma(total + 1) - Gamma.logGamma(total - n + 1) + full[0] * Math.log(cell[0]);
    for (int h = 1; h < y.length; h++) {
      ll += y[h] * Math.log(cell[h]);
    }
    return ll;
  }

  private double cells(double[] w, double[][] p, double[][] joint, double[] cell, double[] full) {
    double ll = 0;
    for (int h = 0; h < y.length; h++) {
      cell[h] = 0;
      for (int c = 0; c < classes; c++) {
        double f = w[c];
        for (int j = 0; j < k; j++) {
          f *= (h >> j & 1) == 1 ? p[c][j] : 1 - p[c][j];
        }
        joint[h][c] = f;
        cell[h] += f;
      }
      ll += full[h] * Math.log(cell[h]);
    }
    return ll;
  }
}
