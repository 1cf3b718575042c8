package org.tumen.estimate.loglinear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.Method;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.model.Progress;

/**
 * Log-linear multiple systems estimation (Fienberg 1972; Cormack 1989; Rcapture, Baillargeon &
 * Rivest 2007): the public way in. Every result is a {@link PopulationEstimate} with method {@code
 * loglinear}; a model whose estimate does not exist or is not identifiable comes back with no
 * number and the reason in {@code diagnostics.inestimable}.
 */
public final class LogLinear {
  /** The method name in every result. */
  public static final Method METHOD = Method.LOGLINEAR;

  static final double LEVEL = 0.95;

  private LogLinear() {}

  /**
   * Fits one model and gives its estimate with Rcapture's profile-likelihood 95% interval.
   *
   * @param model in DESIGN.md's notation, e.g. {@code Mt+[1,2]}, {@code Mth-chao}
   * @throws org.tumen.model.BadInputException for a malformed model or one naming a missing list
   */
  public static PopulationEstimate fit(CaptureTable table, String model) {
    Model m = Model.parse(model, table.listCount());
    double[] y = counts(table);
    Fit fit = new Fitter().fit(m, y, null);
    return withProfile(table, fit, y, Map.of());
  }

  /**
   * Chooses a hierarchical interaction model by AIC or BIC (exhaustive for up to 6 lists, stepwise
   * above) and gives its estimate. With {@code bootstrapReplicates > 0} the interval is a BCa
   * bootstrap interval that repeats the selection in every replicate (Chan, Silverman & Vincent
   * 2021), so it accounts for the uncertainty of the choice; otherwise it is the profile-likelihood
   * interval of the chosen model, which does not.
   *
   * @param maxOrder highest interaction order searched: 1 (independence only), 2, or 3 (up to 5
   *     lists)
   */
  public static PopulationEstimate select(
      CaptureTable table, Criterion criterion, int maxOrder, int bootstrapReplicates, long seed) {
    return select(table, criterion, maxOrder, bootstrapReplicates, seed, Progress.NONE);
  }

  /**
   * As {@link #select(CaptureTable, Criterion, int, int, long)}, telling {@code progress} of each
   * bootstrap replicate done (the long part: each replicate repeats the model search).
   */
  public static PopulationEstimate select(
      CaptureTable table,
      Criterion criterion,
      int maxOrder,
      int bootstrapReplicates,
      long seed,
      Progress progress) {
    double[] y = counts(table);
    Selection selection = new Selection(table.listCount(), criterion, maxOrder);
    Selection.Result chosen = selection.select(y);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("criterion", criterion.name().toLowerCase(java.util.Locale.ROOT));
    extra.put("modelsCompared", chosen.compared());
    extra.put("search", chosen.exhaustive() ? "exhaustive" : "stepwise");
    Fit fit = chosen.best();
    if (fit == null) {
      return new PopulationEstimate(
          METHOD,
          "none",
          table.lists(),
          table.observed(),
          null,
          null,
          new Diagnostics(
              null,
              null,
              null,
              null,
              extra,
              List.of(),
              "no model in the search is estimable: every one has a maximum likelihood estimate"
                  + " that does not exist or is not identifiable"));
    }
    if (bootstrapReplicates <= 0 || !fit.estimable()) {
      return withProfile(table, fit, y, extra);
    }
    Bootstrap.Result boot =
        Bootstrap.bca(selection, y, fit.estimate(), bootstrapReplicates, seed, progress);
    extra.put("bootstrapReplicates", bootstrapReplicates);
    extra.put("bootstrapSeed", seed);
    extra.put("biasCorrection", boot.z0());
    extra.put("acceleration", boot.acceleration());
    extra.put("bootstrapInestimable", boot.inestimable());
    List<String> warnings = new ArrayList<>(boot.warnings());
    warnings.add(
        "interval: BCa bootstrap of "
            + bootstrapReplicates
            + " multinomial resamples, repeating the model selection in each");
    return toEstimate(table, fit, boot.interval(), extra, warnings);
  }

  /**
   * Averages every hierarchical model of the search (up to six lists) with Akaike weights, instead
   * of choosing one ({@link ModelAveraging}): the interval holds the spread between models as well
   * as the uncertainty within each. Above six lists, the AIC-selected model with its profile
   * interval.
   */
  public static PopulationEstimate average(CaptureTable table, int maxOrder) {
    return ModelAveraging.average(table, maxOrder, Progress.NONE).estimate();
  }

  /** As {@link #average(CaptureTable, int)}, telling {@code progress} of each model fitted. */
  public static PopulationEstimate average(CaptureTable table, int maxOrder, Progress progress) {
    return ModelAveraging.average(table, maxOrder, progress).estimate();
  }

  /**
   * As {@link #average}, with the name of the model of lowest AIC among those averaged.
   *
   * @param estimate the averaged estimate (possibly with no number)
   * @param topModel the model of lowest AIC, e.g. {@code Mt+[1,2]}, or null when none was estimable
   * @param heterogeneityBase the interactions a heterogeneity term is fitted beside: the top model,
   *     or where the table cannot tell a heterogeneity column from the top model's interactions the
   *     lowest-AIC model that leaves a pair of lists that share people without one ({@link
   *     ModelAveraging#heterogeneityBase}); null when no such model is estimable
   */
  public record Averaged(PopulationEstimate estimate, String topModel, String heterogeneityBase) {
    /** With the top model as the heterogeneity base (a search that compared no other models). */
    public Averaged(PopulationEstimate estimate, String topModel) {
      this(estimate, topModel, topModel);
    }
  }

  /** {@link #average} with the model of lowest AIC named, typed. */
  public static Averaged averaged(CaptureTable table, int maxOrder) {
    return ModelAveraging.average(table, maxOrder, Progress.NONE);
  }

  /**
   * As {@link #select}, on the capture table of the headline clustering, with the interval widened
   * for the uncertainty of the linkage: the same search is repeated on the table of each clustering
   * drawn from the linkage's pair probabilities ({@link LinkageUncertainty}).
   *
   * @param draws the tables of the drawn clusterings, over the same lists as {@code table}
   */
  public static PopulationEstimate selectAcrossLinkages(
      CaptureTable table,
      List<CaptureTable> draws,
      Criterion criterion,
      int maxOrder,
      int bootstrapReplicates,
      long seed) {
    for (CaptureTable d : draws) {
      if (!d.lists().equals(table.lists())) {
        throw new IllegalArgumentException(
            "drawn clusterings are over lists " + d.lists() + ", not " + table.lists());
      }
    }
    PopulationEstimate headline = select(table, criterion, maxOrder, bootstrapReplicates, seed);
    Selection selection = new Selection(table.listCount(), criterion, maxOrder);
    selection.select(counts(table));
    Fit[] fits =
        draws.stream()
            .parallel()
            .map(d -> selection.reselect(counts(d)).best())
            .toArray(Fit[]::new);
    Double[] estimates = new Double[fits.length];
    String[] models = new String[fits.length];
    for (int d = 0; d < fits.length; d++) {
      boolean ok = fits[d] != null && fits[d].estimable();
      estimates[d] = ok ? fits[d].estimate() : null;
      models[d] = ok ? fits[d].model().name() : null;
    }
    return LinkageUncertainty.combine(headline, estimates, models);
  }

  static double[] counts(CaptureTable table) {
    double[] y = new double[1 << table.listCount()];
    for (int p = 1; p < y.length; p++) {
      y[p] = table.count(p);
    }
    return y;
  }

  private static PopulationEstimate withProfile(
      CaptureTable table, Fit fit, double[] y, Map<String, Object> extra) {
    if (!fit.estimable()) {
      return toEstimate(table, fit, null, extra, List.of());
    }
    Profile profile = Profile.of(fit, y, LEVEL);
    Map<String, Object> more = new LinkedHashMap<>(extra);
    more.put("profileMaximum", profile.maximum());
    List<String> warnings = new ArrayList<>();
    warnings.add("interval: profile likelihood of this one model; it ignores the choice of model");
    return toEstimate(table, fit, profile.interval(), more, warnings);
  }

  static PopulationEstimate toEstimate(
      CaptureTable table,
      Fit fit,
      Interval interval,
      Map<String, Object> extra,
      List<String> intervalNotes) {
    List<String> warnings = new ArrayList<>(fit.warnings());
    Map<String, Object> facts = new LinkedHashMap<>();
    if (!fit.estimable()) {
      facts.putAll(extra);
      return new PopulationEstimate(
          METHOD,
          fit.model().name(),
          table.lists(),
          table.observed(),
          null,
          null,
          new Diagnostics(null, null, null, null, facts, warnings, fit.inestimable()));
    }
    facts.put("iterations", fit.iterations());
    facts.put("parameters", fit.parameters());
    facts.putAll(extra);
    if (fit.df() == 0) {
      warnings.add(
          "the model is saturated (df = 0): it reproduces the table exactly, so nothing checks it");
    }
    if (fit.estimate() > 10 * table.observed()) {
      warnings.add(
          "the estimate is more than ten times the number observed: the lists overlap too little"
              + " to pin it down");
    }
    if (Double.isInfinite(interval.upper())) {
      warnings.add("the data put no upper limit on the total (the interval is unbounded above)");
    }
    warnings.addAll(intervalNotes);
    Interval shown = interval;
    if (shown.lower() < table.observed()) {
      shown =
          new Interval(shown.level(), table.observed(), Math.max(shown.upper(), table.observed()));
    }
    return new PopulationEstimate(
        METHOD,
        fit.model().name(),
        table.lists(),
        table.observed(),
        fit.estimate(),
        shown,
        new Diagnostics(
            fit.deviance(),
            fit.df(),
            fit.aic(),
            fit.bic(),
            fit.se(),
            null,
            List.of(),
            fit.model().heterogeneity() == Heterogeneity.CHAO
                ? Diagnostics.Standing.LOWER_BOUND
                : Diagnostics.Standing.HEADLINE,
            facts,
            warnings,
            null));
  }
}
