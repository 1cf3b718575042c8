package org.tumen.estimate.loglinear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.model.Progress;

/**
 * Akaike-weighted model averaging over every hierarchical log-linear model of the search (Buckland,
 * Burnham & Augustin 1997, Biometrics 53:603–618; Burnham & Anderson 2002, "Model Selection and
 * Multimodel Inference", §4.2 and §6.3). Instead of betting on the model with the lowest AIC, each
 * model m gets the weight w_m ∝ exp(−ΔAIC_m / 2), and the estimate carries both the uncertainty
 * within each model and the spread between them.
 *
 * <p>The averaging is on the scale of the log number unseen, θ_m = ln(N̂_m − n), the scale of
 * Chao's (1987) interval, so the interval never falls below the n people observed: θ̄ = Σ w_m θ_m,
 * with the "revised" unconditional variance of Burnham & Anderson (2002, eq. 6.12), Σ w_m (se_m² +
 * (θ_m − θ̄)²), where se_m = SE(N̂_m) / (N̂_m − n) is each model's delta-method standard error on
 * that scale. The estimate is n + e^θ̄ and the 95% interval n + e^(θ̄ ± 1.96 √var). Inestimable
 * models get no weight. One search's fits serve, so it costs what selection costs.
 */
final class ModelAveraging {
  private static final double Z = 1.959963984540054;

  /** Unseen counts below half a person are taken as half a person, so that the log is finite. */
  private static final double MIN_UNSEEN = 0.5;

  /** Models whose weight is below this share of the best model's change nothing and are skipped. */
  private static final double NEGLIGIBLE = 1e-9;

  private ModelAveraging() {}

  static LogLinear.Averaged average(CaptureTable table, int maxOrder, Progress progress) {
    double[] y = LogLinear.counts(table);
    Selection selection = new Selection(table.listCount(), Criterion.AIC, maxOrder);
    Fit[] fits = selection.fitAll(y, progress);
    if (fits == null) {
      // Above six lists the search is stepwise: average over nothing, report the chosen model.
      PopulationEstimate chosen = LogLinear.select(table, Criterion.AIC, maxOrder, 0, 0);
      return new LogLinear.Averaged(chosen, chosen.isEstimable() ? chosen.model() : null);
    }
    return average(table, fits);
  }

  static LogLinear.Averaged average(CaptureTable table, Fit[] fits) {
    long n = table.observed();
    double best = Double.POSITIVE_INFINITY;
    Fit top = null;
    for (Fit f : fits) {
      if (f.estimable() && f.aic() < best) {
        best = f.aic();
        top = f;
      }
    }
    String model = "AIC-average";
    if (top == null) {
      return new LogLinear.Averaged(
          new PopulationEstimate(
              LogLinear.METHOD,
              model,
              table.lists(),
              n,
              null,
              null,
              Diagnostics.inestimable(
                  "no model in the search is estimable: every one has a maximum likelihood"
                      + " estimate that does not exist or is not identifiable",
                  List.of())),
          null);
    }
    List<Fit> kept = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    double total = 0;
    for (Fit f : fits) {
      if (f.estimable()) {
        double w = Math.exp(-(f.aic() - best) / 2);
        if (w >= NEGLIGIBLE) {
          kept.add(f);
          weights.add(w);
          total += w;
        }
      }
    }
    double mean = 0;
    double[] theta = new double[kept.size()];
    double[] se = new double[kept.size()];
    double[] w = new double[kept.size()];
    double sumSquares = 0;
    for (int i = 0; i < theta.length; i++) {
      Fit f = kept.get(i);
      double unseen = Math.max(MIN_UNSEEN, f.estimate() - n);
      theta[i] = Math.log(unseen);
      se[i] = Double.isFinite(f.se()) ? f.se() / unseen : Double.POSITIVE_INFINITY;
      w[i] = weights.get(i) / total;
      mean += w[i] * theta[i];
      sumSquares += w[i] * w[i];
    }
    double variance = 0;
    for (int i = 0; i < theta.length; i++) {
      double d = theta[i] - mean;
      variance += w[i] * (se[i] * se[i] + d * d);
    }
    double sd = Math.sqrt(variance);
    double estimate = n + Math.exp(mean);
    Interval interval =
        new Interval(
            LogLinear.LEVEL,
            n + Math.exp(mean - Z * sd),
            Double.isFinite(sd) ? n + Math.exp(mean + Z * sd) : Double.POSITIVE_INFINITY);
    double topWeight = Math.exp(-(top.aic() - best) / 2) / total;
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("criterion", "aic");
    facts.put("modelsCompared", fits.length);
    facts.put("modelsAveraged", kept.size());
    facts.put("effectiveModels", round(1 / sumSquares));
    facts.put("topModel", top.model().name());
    facts.put("topWeight", round(topWeight));
    facts.put("logUnseenSd", round(sd));
    List<String> warnings = new ArrayList<>();
    warnings.add(
        String.format(
            Locale.ROOT,
            "interval: Akaike-weighted average of %d models (the best, %s, has weight %.2f), with"
                + " the spread between models in the variance",
            kept.size(),
            top.model().name(),
            topWeight));
    if (!Double.isFinite(sd)) {
      warnings.add("the data put no upper limit on the total (the interval is unbounded above)");
    }
    return new LogLinear.Averaged(
        new PopulationEstimate(
            LogLinear.METHOD,
            model,
            table.lists(),
            n,
            estimate,
            interval,
            new Diagnostics(null, null, null, null, facts, warnings, null)),
        top.model().name(),
        heterogeneityBase(table, fits, top));
  }

  /**
   * The interactions to fit a heterogeneity column beside: the top model's, unless they hold every
   * pair of lists that share people and the table has fewer than two contrasts to fit the column on
   * ({@link #capturesSeen}); then the lowest-AIC estimable model among {@code fits} that {@link
   * #identifiesHeterogeneity}, null when none does.
   */
  static String heterogeneityBase(CaptureTable table, Fit[] fits, Fit top) {
    if (table.listCount() > 8) {
      return top.model()
          .name(); // the pair bits fill a long up to eight lists; averaging stops at six
    }
    long sharing = sharingPairs(table);
    if (capturesSeen(table) - 3 >= 2 || identifiesHeterogeneity(top.model(), sharing)) {
      return top.model().name();
    }
    Fit best = null;
    for (Fit f : fits) {
      if (f.estimable()
          && identifiesHeterogeneity(f.model(), sharing)
          && (best == null || f.aic() < best.aic())) {
        best = f;
      }
    }
    return best == null ? null : best.model().name();
  }

  /**
   * The number of different capture counts c among the cells with people in them. Beside an
   * interaction for every pair of lists that share people the heterogeneity column is fitted only
   * by its departure from a parabola over these c (three coefficients), so it rests on capturesSeen
   * − 3 contrasts. With two or more (five lists that all meet, c = 1..5) one of them checks the
   * column's shape against the others; with one (lists that see different parts of the population,
   * where nobody can be on more than four of five) the column is fitted to that one contrast
   * exactly, and nothing in the table tests what it then says about c = 0.
   */
  static int capturesSeen(CaptureTable table) {
    int k = table.listCount();
    boolean[] seen = new boolean[k + 1];
    int out = 0;
    for (int p = 1; p < 1 << k; p++) {
      int c = Integer.bitCount(p);
      if (table.count(p) > 0 && !seen[c]) {
        seen[c] = true;
        out++;
      }
    }
    return out;
  }

  /**
   * Whether a heterogeneity column (a function of the number of captures c alone, as Rcapture's Mth
   * models add) can be told apart from the model's interactions. With an interaction for every pair
   * of lists that share people, the pair columns sum to c(c − 1)/2 on every cell with people in it
   * (a pair that shares no one adds 0 there), and with the intercept and the capture effects (which
   * sum to c) the model already holds every quadratic in c: the heterogeneity column is then fitted
   * only by how far it bends away from a parabola over c = 1..K, and what it says about c = 0, the
   * people no list saw, swings with the table (docs/methods.md, "The gamma model beside every
   * pair"). One pair left out breaks the parabola, and the people on both lists of that pair
   * identify the term.
   *
   * @param sharing bit (i·K + j) set for lists i &lt; j that share people in the table
   */
  static boolean identifiesHeterogeneity(Model model, long sharing) {
    int k = model.lists();
    long covered = 0;
    for (int t : model.terms()) {
      for (int i = 0; i < k; i++) {
        for (int j = i + 1; j < k; j++) {
          if ((t >> i & 1) == 1 && (t >> j & 1) == 1) {
            covered |= 1L << (i * k + j);
          }
        }
      }
    }
    return (sharing & ~covered) != 0;
  }

  /** Bit (i·K + j) for each pair of lists i &lt; j that share someone in the table. */
  static long sharingPairs(CaptureTable table) {
    int k = table.listCount();
    long out = 0;
    for (int p = 1; p < 1 << k; p++) {
      if (table.count(p) == 0) {
        continue;
      }
      for (int i = 0; i < k; i++) {
        for (int j = i + 1; j < k; j++) {
          if ((p >> i & 1) == 1 && (p >> j & 1) == 1) {
            out |= 1L << (i * k + j);
          }
        }
      }
    }
    return out;
  }

  private static double round(double x) {
    return Math.round(x * 1e4) / 1e4;
  }
}
