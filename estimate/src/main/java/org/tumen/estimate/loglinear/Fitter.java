package org.tumen.estimate.loglinear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hipparchus.special.Gamma;

/**
 * Fits one model to one table: drops the cells of parameters that are −∞ (extended MLE), checks
 * existence and identifiability, runs IRLS, and for Chao's lower bound refits without negative eta
 * parameters (Rcapture). The estimate is {@code n + exp(intercept)} (Fienberg 1972; Cormack 1989).
 *
 * <p>An instance holds one thread's work arrays; the verdict cache may be shared between threads.
 */
final class Fitter {
  /**
   * Outcomes of {@link Existence} by model and support; only tables of up to 6 lists are cached.
   */
  record Key(Model model, long support, long keptCells, long activeColumns) {}

  private final Irls irls = new Irls();
  private final Map<Key, Existence.Outcome> verdicts;
  private double[] x = new double[0];
  private double[] yv = new double[0];

  Fitter(Map<Key, Existence.Outcome> verdicts) {
    this.verdicts = verdicts;
  }

  Fitter() {
    this(new ConcurrentHashMap<>());
  }

  /**
   * @param y counts indexed by capture pattern, {@code y[0]} ignored
   * @param start coefficients of all the model's columns to warm-start from, or null
   */
  Fit fit(Model model, double[] y, double[] start) {
    int k = model.lists();
    int patterns = 1 << k;
    long n = 0;
    for (int p = 1; p < patterns; p++) {
      n += (long) y[p];
    }
    int cols = model.columns();
    boolean[] active = new boolean[cols];
    Arrays.fill(active, true);
    List<String> warnings = new ArrayList<>();
    boolean[] keep = new boolean[patterns];
    Arrays.fill(keep, 1, patterns, true);
    for (int c = 1; c < cols; c++) {
      int m = model.dropMask(c);
      if (m == 0) {
        continue;
      }
      double total = 0;
      for (int p = 1; p < patterns; p++) {
        if ((p & m) == m) {
          total += y[p];
        }
      }
      if (total == 0) {
        active[c] = false;
        for (int p = 1; p < patterns; p++) {
          if ((p & m) == m) {
            keep[p] = false;
          }
        }
        warnings.add(
            Integer.bitCount(m) == 1
                ? "list " + (Integer.numberOfTrailingZeros(m) + 1) + " is empty: left out"
                : "no one is on all of lists "
                    + Model.termName(m)
                    + ": that interaction is −∞ (extended MLE), its cells are left out");
      }
    }
    int etaFrom = model.firstEta();
    int etaTo = etaFrom + model.heterogeneity().columns(k);
    int zeroEtas = 0;
    if (model.heterogeneity() == Heterogeneity.CHAO) {
      // Column (c - j)+ is non-zero only for people seen more than j times; if there are none its
      // eta would run to −∞, which the lower-bound model forbids (eta >= 0): set it to zero.
      for (int c = etaFrom; c < etaTo; c++) {
        int above = c - etaFrom + 2;
        double seen = 0;
        for (int p = 1; p < patterns; p++) {
          seen += Integer.bitCount(p) > above ? y[p] : 0;
        }
        if (seen == 0) {
          active[c] = false;
          zeroEtas++;
        }
      }
    }
    while (true) {
      int[] cells = cells(keep);
      int rows = cells.length;
      int p = 0;
      int[] colIndex = new int[cols];
      for (int c = 0; c < cols; c++) {
        if (active[c]) {
          colIndex[p++] = c;
        }
      }
      build(model, cells, colIndex, p, y);
      Existence.Outcome outcome = outcome(model, keep, y, active, rows, p);
      if (outcome.verdict() == Existence.Verdict.NO_MLE) {
        return inestimable(
            model,
            n,
            warnings,
            active,
            cells,
            "the maximum likelihood estimate does not exist: the observed zeros let the number"
                + " unseen grow without bound (Fienberg–Rinaldo linear-programming check)");
      }
      if (outcome.verdict() == Existence.Verdict.NOT_IDENTIFIABLE) {
        return inestimable(
            model,
            n,
            warnings,
            active,
            cells,
            "not identifiable: the observed cells cannot determine the number unseen under this"
                + " model (the design matrix is not of full column rank)");
      }
      if (outcome.reduces()) {
        List<String> zeroed = new ArrayList<>();
        for (int r : outcome.zeroRows()) {
          keep[cells[r]] = false;
          zeroed.add(Model.termName(cells[r]));
        }
        if (!zeroed.isEmpty()) {
          warnings.add(
              "the estimate lies on the boundary: histories "
                  + String.join(", ", zeroed)
                  + " are fitted as exactly zero (extended MLE, Fienberg & Rinaldo 2012)");
        }
        List<String> redundant = new ArrayList<>();
        for (int c : outcome.redundantColumns()) {
          active[colIndex[c]] = false;
          redundant.add(model.columnName(colIndex[c]));
        }
        if (!redundant.isEmpty()) {
          warnings.add(
              "the remaining cells do not determine "
                  + String.join(", ", redundant)
                  + ": left out of the fit");
        }
        continue;
      }
      double[] warm = null;
      if (start != null) {
        warm = new double[p];
        for (int j = 0; j < p; j++) {
          warm[j] = start[colIndex[j]];
        }
      }
      if (!irls.fit(x, rows, p, yv, warm) && (warm == null || !irls.fit(x, rows, p, yv, null))) {
        return inestimable(
            model,
            n,
            warnings,
            active,
            cells,
            "the fit did not converge in " + Irls.MAX_ITERATIONS + " iterations");
      }
      if (model.heterogeneity() == Heterogeneity.CHAO) {
        int negative = 0;
        for (int j = 0; j < p; j++) {
          if (colIndex[j] >= etaFrom && colIndex[j] < etaTo && irls.beta(j) < 0) {
            active[colIndex[j]] = false;
            negative++;
          }
        }
        if (negative > 0) {
          zeroEtas += negative;
          continue;
        }
      }
      if (zeroEtas > 0) {
        warnings.add(
            zeroEtas
                + " eta parameter"
                + (zeroEtas == 1 ? " has" : "s have")
                + " been set to zero in the Chao model (a negative eta contradicts heterogeneity;"
                + " Rcapture's refit)");
      }
      return finish(model, n, warnings, active, cells, rows, p);
    }
  }

  private Existence.Outcome outcome(
      Model model, boolean[] keep, double[] y, boolean[] active, int rows, int p) {
    if (irls.positiveRowsHaveFullRank(x, rows, p, yv)) {
      return Existence.Outcome.ESTIMABLE;
    }
    if (model.lists() > 6 || active.length > 64) {
      return Existence.check(x, rows, p, yv);
    }
    long support = 0;
    long kept = 0;
    for (int c = 1; c < keep.length; c++) {
      kept |= keep[c] ? 1L << c : 0;
      support |= keep[c] && y[c] > 0 ? 1L << c : 0;
    }
    long activeColumns = 0;
    for (int c = 0; c < active.length; c++) {
      activeColumns |= active[c] ? 1L << c : 0;
    }
    return verdicts.computeIfAbsent(
        new Key(model, support, kept, activeColumns), key -> Existence.check(x, rows, p, yv));
  }

  private static int[] cells(boolean[] keep) {
    int rows = 0;
    for (boolean b : keep) {
      rows += b ? 1 : 0;
    }
    int[] cells = new int[rows];
    for (int c = 1, r = 0; c < keep.length; c++) {
      if (keep[c]) {
        cells[r++] = c;
      }
    }
    return cells;
  }

  private void build(Model model, int[] cells, int[] colIndex, int p, double[] y) {
    int rows = cells.length;
    if (x.length < rows * p) {
      x = new double[rows * p];
    }
    if (yv.length < rows) {
      yv = new double[rows];
    }
    for (int r = 0; r < rows; r++) {
      yv[r] = y[cells[r]];
      for (int j = 0; j < p; j++) {
        x[r * p + j] = model.value(colIndex[j], cells[r]);
      }
    }
  }

  private Fit finish(
      Model model, long n, List<String> warnings, boolean[] active, int[] cells, int rows, int p) {
    double[] beta = irls.coefficients(p);
    double unseen = Math.exp(beta[0]);
    double var0 = irls.variance(x, rows, p, 0);
    // Rcapture (Baillargeon & Rivest 2007, eq. 2): var(N) = exp(b0) + exp(2 b0) var(b0).
    double se = Math.sqrt(unseen + unseen * unseen * var0);
    double loglik = 0;
    for (int r = 0; r < rows; r++) {
      double mu = irls.mu(r);
      double y = yv[r];
      loglik += (y > 0 ? y * Math.log(mu) : 0) - mu - Gamma.logGamma(y + 1);
    }
    double aic = -2 * loglik + 2 * p;
    double bic = aic + (Math.log(n) - 2) * p;
    return new Fit(
        model,
        null,
        warnings,
        active,
        cells,
        beta,
        n,
        n + unseen,
        se,
        irls.deviance(),
        rows - p,
        aic,
        bic,
        irls.iterations());
  }

  private static Fit inestimable(
      Model model, long n, List<String> warnings, boolean[] active, int[] cells, String why) {
    return new Fit(
        model,
        why,
        warnings,
        active,
        cells,
        null,
        n,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        0,
        Double.NaN,
        Double.NaN,
        0);
  }

  /** The design of the last fit's active columns for the given cells (used by the profile). */
  static double[] design(Model model, boolean[] active, int[] cells) {
    int p = 0;
    for (boolean a : active) {
      p += a ? 1 : 0;
    }
    double[] d = new double[cells.length * p];
    for (int r = 0; r < cells.length; r++) {
      int j = 0;
      for (int c = 0; c < active.length; c++) {
        if (active[c]) {
          d[r * p + j++] = model.value(c, cells[r]);
        }
      }
    }
    return d;
  }
}
