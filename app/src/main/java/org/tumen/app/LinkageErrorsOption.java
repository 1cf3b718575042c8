package org.tumen.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.CaptureTables;
import org.tumen.estimate.Method;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.linkage.CaptureCorrection;
import org.tumen.estimate.linkage.LinkageCorrection;
import org.tumen.estimate.linkage.LinkageErrorRates;
import org.tumen.estimate.loglinear.Criterion;
import org.tumen.estimate.loglinear.LogLinear;
import org.tumen.model.BadInputException;

/**
 * {@code tumen estimate --errors}: the capture table corrected for the linkage's expected errors
 * (CaptureCorrection), and the results that say so. Without the option, the file beside the draws
 * ({@code tumen link --draws} writes it) is used when it exists.
 */
final class LinkageErrorsOption {
  private final LinkageErrorRates rates;
  private final CaptureCorrection.Result correction;
  private final String model;

  private LinkageErrorsOption(
      LinkageErrorRates rates, CaptureCorrection.Result correction, String model) {
    this.rates = rates;
    this.correction = correction;
    this.model = model;
  }

  /**
   * @param model the fixed log-linear model of {@code --model}, or null for the search
   */
  static LinkageErrorsOption of(
      Path explicit,
      Path draws,
      CaptureTables.Linkage clusters,
      CaptureTable capture,
      String model) {
    Path file = explicit;
    if (file == null
        && draws != null
        && Files.isRegularFile(LinkageErrorsFile.besideDraws(draws))) {
      file = LinkageErrorsFile.besideDraws(draws);
    }
    if (file == null) {
      return new LinkageErrorsOption(null, null, model);
    }
    if (clusters == null) {
      throw new BadInputException("--errors", "needs --clusters CLUSTERS.csv (not --table)");
    }
    LinkageErrorRates rates = LinkageErrorsFile.read(file, clusters);
    try {
      return new LinkageErrorsOption(rates, CaptureCorrection.correct(capture, rates), model);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file.toString(), e.getMessage());
    }
  }

  /**
   * The correction for a run's own linkage errors, as {@code tumen link --draws} writes them beside
   * the draws (the demo's path, which holds the run in memory).
   */
  static LinkageErrorsOption of(LinkageErrorRates rates, CaptureTable capture) {
    return new LinkageErrorsOption(rates, CaptureCorrection.correct(capture, rates), null);
  }

  /** Whether there are linkage errors to correct for. */
  boolean corrects() {
    return correction != null;
  }

  /**
   * The strata's tables, each corrected with the same rates: the correction is a linear map of the
   * counts, so the corrected strata add up to the corrected whole (but for rounding).
   */
  Map<String, CaptureTable> tables(Map<String, CaptureTable> strata) {
    if (correction == null) {
      return strata;
    }
    Map<String, CaptureTable> out = new LinkedHashMap<>();
    strata.forEach((k, t) -> out.put(k, CaptureCorrection.correct(t, rates).table()));
    return out;
  }

  /** An estimate with one more warning. */
  static PopulationEstimate withWarning(PopulationEstimate e, String warning) {
    List<String> warnings = new ArrayList<>(e.diagnostics().warnings());
    warnings.add(warning);
    var d = e.diagnostics();
    return new PopulationEstimate(
        e.method(),
        e.model(),
        e.lists(),
        e.observed(),
        e.estimate(),
        e.interval(),
        new org.tumen.estimate.Diagnostics(
            d.deviance(),
            d.df(),
            d.aic(),
            d.bic(),
            d.standardError(),
            d.linkage(),
            d.strata(),
            d.standing(),
            d.convergence(),
            warnings,
            d.inestimable()));
  }

  /** The table to estimate from: corrected when there are linkage errors to correct for. */
  CaptureTable table(CaptureTable capture) {
    return correction == null ? capture : correction.table();
  }

  /**
   * The results from the corrected table, each saying what the correction did; the log-linear
   * estimate across draws centred on the corrected table, its interval holding the uncorrected
   * table's (same search, same bootstrap) as well.
   */
  List<PopulationEstimate> annotate(
      List<PopulationEstimate> results,
      CaptureTable capture,
      Criterion criterion,
      int maxOrder,
      int replicates,
      long seed) {
    if (correction == null) {
      return results;
    }
    List<PopulationEstimate> out = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      PopulationEstimate e = results.get(i);
      PopulationEstimate uncorrected = null;
      if (i == 0 && e.method() == Method.LOGLINEAR) {
        e = LinkageCorrection.aroundCorrected(e);
        uncorrected =
            model != null
                ? LogLinear.fit(capture, model)
                : LogLinear.select(capture, criterion, maxOrder, replicates, seed);
      }
      out.add(LinkageCorrection.annotate(e, correction, capture.observed(), rates, uncorrected));
    }
    return out;
  }
}
