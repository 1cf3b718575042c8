package org.tumen.estimate.loglinear;

/**
 * Iteratively reweighted least squares for a Poisson log-linear model, as R's {@code glm.fit} does
 * it (McCullagh & Nelder 1989, §2.5): start from {@code mu = y + 0.1}, solve the weighted normal
 * equations {@code (X'WX) beta = X'Wz} with {@code W = diag(mu)} and working response {@code z =
 * eta + (y - mu)/mu}, stop when the deviance changes by less than 1e-10 relative (glm: 1e-8).
 *
 * <p>The problems are tiny and dense (at most 2^K rows, a few dozen columns) and are solved
 * hundreds of thousands of times in a model search or a bootstrap, so this class owns reusable work
 * arrays and solves the normal equations with an in-place Cholesky factorisation instead of
 * allocating matrix objects. An instance is not thread-safe: use one per thread.
 */
final class Irls {
  static final int MAX_ITERATIONS = 100;
  static final double TOLERANCE = 1e-10;
  static final double GLM_TOLERANCE = 1e-8;

  private double[] eta = new double[0];
  private double[] mu = new double[0];
  private double[] z = new double[0];
  private double[] a = new double[0];
  private double[] b = new double[0];
  private double[] beta = new double[0];
  private double[] previous = new double[0];
  private double[] glmWeights = new double[0];
  private boolean glmStopped;
  private int iterations;
  private double deviance;

  /**
   * Fits {@code y ~ X} (row-major, {@code rows x cols}); returns false when the weighted normal
   * equations are numerically singular or the fit does not converge.
   *
   * @param start coefficients to start from (a warm start), or null for glm's start
   */
  boolean fit(double[] x, int rows, int cols, double[] y, double[] start) {
    ensure(rows, cols);
    if (start != null) {
      System.arraycopy(start, 0, beta, 0, cols);
      linearPredictor(x, rows, cols, beta);
    } else {
      for (int i = 0; i < rows; i++) {
        mu[i] = y[i] + 0.1;
        eta[i] = Math.log(mu[i]);
      }
    }
    double dev = deviance(y, rows);
    boolean haveBeta = start != null;
    glmStopped = false;
    for (iterations = 1; iterations <= MAX_ITERATIONS; iterations++) {
      for (int i = 0; i < rows; i++) {
        z[i] = eta[i] + (y[i] - mu[i]) / mu[i];
      }
      if (!glmStopped) {
        System.arraycopy(mu, 0, glmWeights, 0, rows);
      }
      System.arraycopy(beta, 0, previous, 0, cols);
      if (!normalEquations(x, rows, cols, mu, z, 1e-13) || !choleskySolve(cols, b)) {
        return false;
      }
      System.arraycopy(b, 0, beta, 0, cols);
      linearPredictor(x, rows, cols, beta);
      double next = deviance(y, rows);
      // Step halving when a step overshoots, as glm.fit does for non-finite deviances.
      for (int h = 0; haveBeta && !(next <= dev * (1 + 1e-12) + 1e-12) && h < 40; h++) {
        for (int j = 0; j < cols; j++) {
          beta[j] = 0.5 * (beta[j] + previous[j]);
        }
        linearPredictor(x, rows, cols, beta);
        next = deviance(y, rows);
      }
      if (!Double.isFinite(next)) {
        return false;
      }
      haveBeta = true;
      glmStopped |= Math.abs(next - dev) / (Math.abs(next) + 0.1) < GLM_TOLERANCE;
      boolean converged = Math.abs(next - dev) / (Math.abs(next) + 0.1) < TOLERANCE;
      dev = next;
      if (converged) {
        deviance = dev;
        return true;
      }
    }
    deviance = dev;
    return false;
  }

  /**
   * Whether the rows with positive {@code y} have full column rank: a Cholesky factorisation of
   * their cross-product, far cheaper than an SVD. True means the Poisson MLE exists and is
   * identifiable (no direction can be zero on all positive cells), so no linear program is needed.
   */
  boolean positiveRowsHaveFullRank(double[] x, int rows, int cols, double[] y) {
    ensure(rows, cols);
    for (int i = 0; i < rows; i++) {
      z[i] = y[i] > 0 ? 1 : 0;
      eta[i] = 0;
    }
    return normalEquations(x, rows, cols, z, eta, 1e-10);
  }

  /** Coefficient {@code j} of the last fit. */
  double beta(int j) {
    return beta[j];
  }

  /** A copy of the first {@code cols} coefficients. */
  double[] coefficients(int cols) {
    return java.util.Arrays.copyOf(beta, cols);
  }

  /** Fitted mean of row {@code i}. */
  double mu(int i) {
    return mu[i];
  }

  double deviance() {
    return deviance;
  }

  int iterations() {
    return iterations;
  }

  /**
   * Element {@code (j, j)} of {@code (X'WX)^-1}: the variance of coefficient j. Returns NaN if the
   * information matrix is singular.
   */
  double variance(double[] x, int rows, int cols, int j) {
    for (int i = 0; i < rows; i++) {
      z[i] = 0;
    }
    // R's glm reports the covariance of its last weighted least-squares step, whose weights are the
    // means at the start of the iteration where it stopped; use the same weights to match it.
    if (!normalEquations(x, rows, cols, glmStopped ? glmWeights : mu, z, 1e-13)) {
      return Double.NaN;
    }
    // Solve L v = e_j; the variance is |v|^2 restricted to the rows from j on.
    double[] v = b;
    java.util.Arrays.fill(v, 0, cols, 0);
    v[j] = 1;
    for (int r = 0; r < cols; r++) {
      double s = v[r];
      for (int c = 0; c < r; c++) {
        s -= a[r * cols + c] * v[c];
      }
      v[r] = s / a[r * cols + r];
    }
    // (X'WX)^-1 = L^-T L^-1, so element (j,j) = |L^-1 e_j|^2.
    double sum = 0;
    for (int r = 0; r < cols; r++) {
      sum += v[r] * v[r];
    }
    return sum;
  }

  private void ensure(int rows, int cols) {
    if (eta.length < rows) {
      glmWeights = new double[rows];
      eta = new double[rows];
      mu = new double[rows];
      z = new double[rows];
    }
    if (beta.length < cols) {
      beta = new double[cols];
      previous = new double[cols];
      b = new double[cols];
      a = new double[cols * cols];
    }
  }

  private void linearPredictor(double[] x, int rows, int cols, double[] coef) {
    for (int i = 0, o = 0; i < rows; i++, o += cols) {
      double s = 0;
      for (int j = 0; j < cols; j++) {
        s += x[o + j] * coef[j];
      }
      eta[i] = s;
      mu[i] = Math.exp(s);
    }
  }

  private double deviance(double[] y, int rows) {
    double d = 0;
    for (int i = 0; i < rows; i++) {
      d += y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) - (y[i] - mu[i]) : mu[i];
    }
    return 2 * d;
  }

  /**
   * Builds {@code X'WX} (lower triangle, factorised in place by Cholesky) and {@code X'Wz}; false
   * if the matrix is not numerically positive definite.
   */
  private boolean normalEquations(
      double[] x, int rows, int cols, double[] weights, double[] work, double tolerance) {
    java.util.Arrays.fill(a, 0, cols * cols, 0);
    java.util.Arrays.fill(b, 0, cols, 0);
    for (int i = 0, o = 0; i < rows; i++, o += cols) {
      double w = weights[i];
      double wz = w * work[i];
      for (int r = 0; r < cols; r++) {
        double xr = x[o + r];
        if (xr == 0) {
          continue;
        }
        double wxr = w * xr;
        b[r] += xr * wz;
        int ar = r * cols;
        for (int c = 0; c <= r; c++) {
          a[ar + c] += wxr * x[o + c];
        }
      }
    }
    double maxDiagonal = 0;
    for (int r = 0; r < cols; r++) {
      maxDiagonal = Math.max(maxDiagonal, a[r * cols + r]);
    }
    for (int r = 0; r < cols; r++) {
      for (int c = 0; c <= r; c++) {
        double s = a[r * cols + c];
        for (int m = 0; m < c; m++) {
          s -= a[r * cols + m] * a[c * cols + m];
        }
        if (r == c) {
          if (!(s > tolerance * maxDiagonal)) {
            return false;
          }
          a[r * cols + r] = Math.sqrt(s);
        } else {
          a[r * cols + c] = s / a[c * cols + c];
        }
      }
    }
    return true;
  }

  /** Solves {@code L L' x = rhs} in place with the factor left by {@link #normalEquations}. */
  private boolean choleskySolve(int cols, double[] rhs) {
    for (int r = 0; r < cols; r++) {
      double s = rhs[r];
      for (int c = 0; c < r; c++) {
        s -= a[r * cols + c] * rhs[c];
      }
      rhs[r] = s / a[r * cols + r];
    }
    for (int r = cols - 1; r >= 0; r--) {
      double s = rhs[r];
      for (int c = r + 1; c < cols; c++) {
        s -= a[c * cols + r] * rhs[c];
      }
      rhs[r] = s / a[r * cols + r];
    }
    for (int r = 0; r < cols; r++) {
      if (!Double.isFinite(rhs[r])) {
        return false;
      }
    }
    return true;
  }
}
