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
        top.model().name());
  }

  private static double round(double x) {
    return Math.round(x * 1e4) / 1e4;
  }
}
