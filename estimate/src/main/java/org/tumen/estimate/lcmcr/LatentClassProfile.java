package org.tumen.estimate.lcmcr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.hipparchus.special.Gamma;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.Method;
import org.tumen.estimate.PopulationEstimate;

/**
 * The profile likelihood of the total N under a finite latent-class model: C classes of people,
 * lists independent within a class, each class with its own chance on each list (Agresti 1994,
 * Biometrics 50:494; Pledger 2000, Biometrics 56:434, model M_th with a two-point mixture). This is
 * the maximum-likelihood version of the model LCMCR puts a Dirichlet-process prior on.
 *
 * <p>For each N of a grid on the log number unseen, from 0.005 n to {@link #CAP} n, EM (Dempster,
 * Laird &amp; Rubin 1977) fits the class weights and chances to the full table with N − n people in
 * the empty cell. A mixture's likelihood has local maxima, so every grid point keeps the best of
 * four fits: two walks that carry the fit of the neighbouring point upward and downward, and two
 * random starts. The log-likelihood of N is the multinomial one, log N!/(N − n)! + Σ_h y_h log π_h
 * (Sanathanan 1972). The ends of the 95% interval are where the likelihood-ratio statistic crosses
 * χ²₁(0.95) = 3.84; the maximum and the two ends are then found again between grid points (golden
 * section and bisection on the log number unseen, EM started from the neighbouring grid fits);
 * where the profile stays within that of its maximum up to the top of the grid, the data put no
 * upper limit on N (Link 2003, Biometrics 59:1123), and the upper end is infinite.
 */
public final class LatentClassProfile {
  /** The top of the grid, as a multiple of the people observed. */
  static final double CAP = 20;

  static final int GRID = 72;
  private static final double LOW = 0.005;
  private static final int MAX_ITERATIONS = 3000;
  private static final int RANDOM_STARTS = 2;
  private static final double CHI2_95 = 3.841458820694124;

  /**
   * The profile's maximum and the ends of its 95% likelihood-ratio interval.
   *
   * @param estimate the N of highest profile likelihood
   * @param lower the lower end
   * @param upper the upper end, infinite when the profile does not fall far enough below the top of
   *     the grid
   * @param weightOfHardest the fitted weight of the class with the lowest mean chance, at the
   *     maximum
   * @param chanceOfHardest that class's mean chance over the lists
   * @param deviance the Poisson deviance of the observed cells at the maximum, 2 Σ y_h log(y_h /
   *     μ_h) with μ_h = n π_h / (1 − π_0), comparable with a log-linear model's
   */
  record Result(
      double estimate,
      double lower,
      double upper,
      double weightOfHardest,
      double chanceOfHardest,
      double deviance) {}

  /** The two-class model's name in results. */
  public static final String MODEL = "2-class ML";

  /**
   * Three classes are fitted from this many lists up: with binary lists, K lists identify a
   * three-class model generically only when they can be grouped into three blocks whose Kruskal
   * ranks add up to 2 × 3 + 2 (Allman, Matias &amp; Rhodes 2009, Annals of Statistics 37:3099,
   * Corollary 5): at four lists the best grouping (2, 2, 4 states) gives 2 + 2 + 3 = 7 &lt; 8, at
   * five (2, 4, 4) 2 + 3 + 3 = 8.
   */
  static final int LISTS_FOR_THREE_CLASSES = 5;

  /**
   * The latent-class model's maximum-likelihood estimate of N with its profile-likelihood interval,
   * or no number below four lists (with three, two classes have eight parameters and the table
   * seven cells). From five lists up the number of classes, two or three, is the one of lower AIC
   * (Pledger 2000 chose among mixtures the same way): a two-class model fitted to a population of
   * three classes is sure of a total that is too low (docs/methods.md, "How many hidden groups"),
   * and the table says when it is. The diagnostics carry the deviance of the observed cells and an
   * AIC on Rcapture's scale (−2 log L of the Poisson model of the observed cells + 2 p, p = C K +
   * C: the total, the C − 1 weights and each class's chance on each list), so that it compares with
   * a log-linear model's.
   */
  public static PopulationEstimate estimate(CaptureTable table, long seed) {
    long observed = table.observed();
    if (table.listCount() < 4 || observed == 0) {
      return new PopulationEstimate(
          Method.LATENT,
          MODEL,
          table.lists(),
          observed,
          null,
          null,
          Diagnostics.inestimable(
              observed == 0
                  ? "no one is on any list"
                  : "a two-class model needs four lists or more: with three it has more parameters"
                      + " than the table has cells",
              List.of()));
    }
    LatentClassProfile profile = new LatentClassProfile(table, 2);
    Result r = profile.profile(seed);
    double aic = profile.aic(r);
    Map<String, Object> facts = new LinkedHashMap<>();
    if (table.listCount() >= LISTS_FOR_THREE_CLASSES) {
      LatentClassProfile three = new LatentClassProfile(table, 3);
      Result r3 = three.profile(seed);
      double aic3 = three.aic(r3);
      facts.put("aicTwoClasses", Math.round(aic * 100) / 100.0);
      facts.put("aicThreeClasses", Math.round(aic3 * 100) / 100.0);
      if (aic3 < aic) {
        profile = three;
        r = r3;
        aic = aic3;
      }
    }
    int df = (1 << table.listCount()) - 1 - profile.parameters();
    facts.put("hardestClassWeight", Math.round(r.weightOfHardest() * 1e4) / 1e4);
    facts.put("hardestClassMeanChance", Math.round(r.chanceOfHardest() * 1e4) / 1e4);
    List<String> warnings =
        Double.isInfinite(r.upper())
            ? List.of(
                String.format(
                    Locale.ROOT,
                    "the profile likelihood stays within %.2f of its maximum up to %.0f times the"
                        + " people observed: the data put no upper limit on the total under this"
                        + " model",
                    CHI2_95 / 2,
                    CAP))
            : List.of();
    return new PopulationEstimate(
        Method.LATENT,
        profile.classes + "-class ML",
        table.lists(),
        observed,
        r.estimate(),
        new Interval(0.95, Math.min(r.lower(), r.estimate()), Math.max(r.upper(), r.estimate())),
        new Diagnostics(
            r.deviance(), df, aic, null, null, null, List.of(), null, facts, warnings, null));
  }

  /** The total, the C − 1 weights and C chances on each list. */
  private int parameters() {
    return classes * k + classes;
  }

  /** AIC on Rcapture's scale: −2 log L of the Poisson model of the observed cells + 2 p. */
  private double aic(Result r) {
    return r.deviance() - 2 * saturatedLogLikelihood() + 2 * parameters();
  }

  /**
   * Σ (y log y − y − log y!) over the observed cells: the Poisson log-likelihood of a perfect fit.
   */
  private double saturatedLogLikelihood() {
    double s = 0;
    for (int h = 1; h < y.length; h++) {
      if (y[h] > 0) {
        s += y[h] * Math.log(y[h]) - y[h] - Gamma.logGamma(y[h] + 1);
      }
    }
    return s;
  }

  private final int k;
  private final int classes;
  private final double[] y;
  private final long n;

  /** The empty cell and the cells with people in them: the only ones EM and the likelihood need. */
  private final int[] used;

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
    this.used =
        java.util.stream.IntStream.range(0, y.length).filter(h -> h == 0 || y[h] > 0).toArray();
  }

  Result profile(long seed) {
    double[] grid = new double[GRID];
    double[] ll = new double[GRID];
    double[][] bestW = new double[GRID][];
    double[][][] bestP = new double[GRID][][];
    double logLow = Math.log(LOW * n);
    double logHigh = Math.log(CAP * n);
    for (int i = 0; i < GRID; i++) {
      grid[i] = n + Math.exp(logLow + (logHigh - logLow) * i / (GRID - 1));
      ll[i] = Double.NEGATIVE_INFINITY;
    }
    Random rng = new Random(seed);
    for (int pass = 0; pass < 2 + RANDOM_STARTS; pass++) {
      double[] w = new double[classes];
      double[][] p = new double[classes][k];
      for (int s = 0; s < GRID; s++) {
        if (s == 0 || pass >= 2) {
          start(w, p, rng);
        }
        int i = pass == 1 ? GRID - 1 - s : s;
        double l = fit(grid[i], w, p);
        if (l > ll[i]) {
          ll[i] = l;
          bestW[i] = w.clone();
          bestP[i] = new double[classes][];
          for (int c = 0; c < classes; c++) {
            bestP[i][c] = p[c].clone();
          }
        }
      }
    }
    int best = 0;
    for (int i = 1; i < GRID; i++) {
      best = ll[i] > ll[best] ? i : best;
    }
    // The grid's steps are 12% of the number unseen: wider than the whole interval of a large,
    // well-fitted table. The maximum and the two ends are therefore found again between grid
    // points, each N fitted by EM from the fits of the grid points on either side.
    Warm warm = new Warm(grid, bestW, bestP);
    double[] peak = refineMaximum(best, grid, ll, warm);
    double estimate = peak[0];
    double top = peak[1];
    double lower = grid[0];
    for (int i = best; i > 0; i--) {
      if (2 * (top - ll[i - 1]) > CHI2_95) {
        double inside = i == best ? estimate : grid[i];
        lower = refineCrossing(inside, grid[i - 1], top, warm);
        break;
      }
    }
    double upper = Double.POSITIVE_INFINITY;
    for (int i = best; i < GRID - 1; i++) {
      if (2 * (top - ll[i + 1]) > CHI2_95) {
        double inside = i == best ? estimate : grid[i];
        upper = refineCrossing(inside, grid[i + 1], top, warm);
        break;
      }
    }
    int hardest = 0;
    double[] mean = new double[classes];
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < k; j++) {
        mean[c] += bestP[best][c][j] / k;
      }
      hardest = mean[c] < mean[hardest] ? c : hardest;
    }
    double[][] joint = new double[y.length][classes];
    double[] cell = new double[y.length];
    cells(bestW[best], bestP[best], joint, cell, y);
    double deviance = 0;
    for (int h = 1; h < y.length; h++) {
      if (y[h] > 0) {
        deviance += 2 * y[h] * Math.log(y[h] / (n * cell[h] / (1 - cell[0])));
      }
    }
    return new Result(estimate, lower, upper, bestW[best][hardest], mean[hardest], deviance);
  }

  /** The fits at the grid points, to start EM from at any N between them. */
  private record Warm(double[] grid, double[][] w, double[][][] p) {}

  /** Steps of golden-section search for the maximum, and of bisection for each end. */
  private static final int REFINE_STEPS = 12;

  /** The log-likelihood at N, the better of EM from the grid fits just below and above it. */
  private double fitBetween(double total, Warm warm) {
    int above = 0;
    while (above < warm.grid().length - 1 && warm.grid()[above] < total) {
      above++;
    }
    double best = Double.NEGATIVE_INFINITY;
    for (int i : new int[] {Math.max(0, above - 1), above}) {
      double[] w = warm.w()[i].clone();
      double[][] p = new double[classes][];
      for (int c = 0; c < classes; c++) {
        p[c] = warm.p()[i][c].clone();
      }
      best = Math.max(best, fit(total, w, p));
    }
    return best;
  }

  /**
   * {N, log L} at the maximum, by golden-section search on the log number unseen between the grid
   * points beside the best one (the grid's best if nothing between them is higher).
   */
  private double[] refineMaximum(int best, double[] grid, double[] ll, Warm warm) {
    double a = Math.log(grid[Math.max(0, best - 1)] - n);
    double b = Math.log(grid[Math.min(grid.length - 1, best + 1)] - n);
    double ratio = (Math.sqrt(5) - 1) / 2;
    double c = b - ratio * (b - a);
    double d = a + ratio * (b - a);
    double fc = fitBetween(n + Math.exp(c), warm);
    double fd = fitBetween(n + Math.exp(d), warm);
    for (int s = 0; s < REFINE_STEPS; s++) {
      if (fc > fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - ratio * (b - a);
        fc = fitBetween(n + Math.exp(c), warm);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + ratio * (b - a);
        fd = fitBetween(n + Math.exp(d), warm);
      }
    }
    double x = fc > fd ? c : d;
    double fx = Math.max(fc, fd);
    return fx > ll[best] ? new double[] {n + Math.exp(x), fx} : new double[] {grid[best], ll[best]};
  }

  /**
   * Where 2 (top − log L) reaches 3.84 between a point inside the interval and a grid point outside
   * it, by bisection on the log number unseen.
   */
  private double refineCrossing(double inside, double outside, double top, Warm warm) {
    double in = Math.log(inside - n);
    double out = Math.log(outside - n);
    for (int s = 0; s < REFINE_STEPS; s++) {
      double mid = (in + out) / 2;
      if (2 * (top - fitBetween(n + Math.exp(mid), warm)) > CHI2_95) {
        out = mid;
      } else {
        in = mid;
      }
    }
    return n + Math.exp((in + out) / 2);
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
    double[] size = new double[classes];
    double[][] hits = new double[classes][k];
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double ll = cells(w, p, joint, cell, full);
      java.util.Arrays.fill(size, 0);
      for (double[] row : hits) {
        java.util.Arrays.fill(row, 0);
      }
      for (int h : used) {
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
          p[c][j] = Math.min(1 - 1e-6, Math.max(1e-6, hits[c][j] / Math.max(1e-300, size[c])));
        }
      }
      if (ll - last < 1e-11 * Math.abs(ll)) {
        break;
      }
      last = ll;
    }
    cells(w, p, joint, cell, full);
    double ll =
        Gamma.logGamma(total + 1) - Gamma.logGamma(total - n + 1) + full[0] * Math.log(cell[0]);
    for (int h : used) {
      if (h > 0) {
        ll += y[h] * Math.log(cell[h]);
      }
    }
    return ll;
  }

  private double cells(double[] w, double[][] p, double[][] joint, double[] cell, double[] full) {
    double ll = 0;
    for (int h : used) {
      cell[h] = 0;
      for (int c = 0; c < classes; c++) {
        double f = w[c];
        for (int j = 0; j < k; j++) {
          f *= (h >> j & 1) == 1 ? p[c][j] : 1 - p[c][j];
        }
        joint[h][c] = f;
        cell[h] += f;
      }
      if (full[h] > 0) {
        ll += full[h] * Math.log(cell[h]);
      }
    }
    return ll;
  }
}
