package org.tumen.estimate.loglinear;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.special.Gamma;
import org.tumen.estimate.Interval;

/**
 * Profile-likelihood interval for the population size, as Rcapture's {@code closedpCI.t} computes
 * it (Cormack 1992, "Interval estimation for mark–recapture studies of closed populations",
 * Biometrics 48:567; Baillargeon & Rivest 2007 §2.2). For a trial total N the unseen cell gets the
 * count {@code N - n} and the model is refitted to the complete table; the multinomial
 * log-likelihood
 *
 * <pre>l(N) = log N! - log (N-n)! + sum_w y_w log(mu_w / N) + (N - n) log(mu_0 / N)</pre>
 *
 * is maximised over N, and the interval is {@code {N : 2 (l_max - l(N)) <= chi2_1(level)}}, found
 * by Brent root-finding on a continuous N (Rcapture 1.0 searched an integer grid, hence differences
 * in the fifth digit from the 2007 paper).
 *
 * @param maximum the N that maximises the profile likelihood
 * @param interval the interval; the upper bound is +∞ when the likelihood never falls far enough
 */
record Profile(double maximum, Interval interval) {
  private static final double LIMIT = 1e12;

  static Profile of(Fit fit, double[] y, double level) {
    Likelihood l = new Likelihood(fit, y);
    double n = fit.observed();
    double unseen = Math.max(fit.estimate() - n, 1e-3);
    double lo = Math.log(unseen) - 4;
    double hi = Math.log(unseen) + 4;
    double u = 0;
    for (int attempt = 0; attempt < 8; attempt++) {
      u =
          new BrentOptimizer(1e-12, 1e-12)
              .optimize(
                  new MaxEval(500),
                  new UnivariateObjectiveFunction(v -> l.value(n + Math.exp(v))),
                  GoalType.MAXIMIZE,
                  new SearchInterval(lo, hi, Math.log(unseen)))
              .getPoint();
      if (u - lo < 1e-3 && lo > Math.log(1e-6)) {
        lo -= 8;
      } else if (hi - u < 1e-3 && hi < Math.log(LIMIT)) {
        hi += 8;
      } else {
        break;
      }
    }
    double best = n + Math.exp(u);
    double lmax = l.value(best);
    double q = new ChiSquaredDistribution(1).inverseCumulativeProbability(level);
    UnivariateFunction g = t -> 2 * (lmax - l.value(t)) - q;
    BrentSolver solver = new BrentSolver(1e-9, 1e-7);
    double lower;
    double floor = n + 1e-6;
    if (g.value(floor) <= 0) {
      lower = n;
    } else {
      lower = solver.solve(1000, g, floor, best);
    }
    double upper = Double.POSITIVE_INFINITY;
    double step = Math.max(best - n, 1);
    double a = best;
    while (a - n < LIMIT) {
      double b = n + 2 * (a - n) + step;
      if (g.value(b) > 0) {
        upper = solver.solve(1000, g, a, b);
        break;
      }
      a = b;
    }
    return new Profile(best, new Interval(level, lower, Math.max(upper, best)));
  }

  /** The profile log-likelihood, refitting the model with the unseen cell filled in. */
  private static final class Likelihood {
    private final Irls irls = new Irls();
    private final double[] x;
    private final double[] y;
    private final int rows;
    private final int cols;
    private final double n;
    private double[] warm;

    Likelihood(Fit fit, double[] counts) {
      int[] cells = new int[fit.cells().length + 1];
      System.arraycopy(fit.cells(), 0, cells, 1, fit.cells().length);
      rows = cells.length;
      cols = fit.parameters();
      x = Fitter.design(fit.model(), fit.active(), cells);
      y = new double[rows];
      for (int r = 1; r < rows; r++) {
        y[r] = counts[cells[r]];
      }
      n = fit.observed();
      warm = fit.beta().clone();
    }

    double value(double total) {
      double unseen = total - n;
      y[0] = unseen;
      if (!irls.fit(x, rows, cols, y, warm) && !irls.fit(x, rows, cols, y, null)) {
        throw new IllegalStateException("profile fit failed at N = " + total);
      }
      warm = irls.coefficients(cols);
      double l = Gamma.logGamma(total + 1) - Gamma.logGamma(unseen + 1);
      for (int r = 0; r < rows; r++) {
        if (y[r] > 0) {
          l += y[r] * Math.log(irls.mu(r) / total);
        }
      }
      return l;
    }
  }
}
