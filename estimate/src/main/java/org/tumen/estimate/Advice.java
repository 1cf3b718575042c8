package org.tumen.estimate;

import java.util.List;
import java.util.Locale;

/**
 * What to trust among several methods' estimates of one table, decided here so that the command
 * line, the reports and the web show the same advice: whether the methods' headline estimates
 * agree, the range their intervals span, and the floor Chao's lower bound puts under the total
 * (docs/methods.md, "Which method Tumen uses by default").
 *
 * <p>Only each method's headline counts ({@link Diagnostics.Standing#HEADLINE}): not a lower bound,
 * not sample coverage's N̂0 (which assumes what the log-linear search tests), and of its N̂ and N̂1
 * the one Chao et al. (2001) recommend for the table's coverage.
 *
 * <p>Where the results hold a combined estimate ({@link Method#COMBINED}, the default), it is what
 * to report, and the others are second opinions: the other methods' headlines, or, where it is
 * shown only with the methods it averages (its alternatives), those.
 *
 * @param verdict whether there is a number, and whether the methods agree on it
 * @param lowest the smallest headline estimate (NaN with no estimate)
 * @param highest the largest headline estimate (NaN with no estimate)
 * @param rangeLower the lowest lower end of their intervals (NaN with no estimate)
 * @param rangeUpper the highest upper end, possibly infinite (NaN with no estimate)
 * @param lowerBound Chao's lower bound when one was computed, else null
 * @param combined the combined estimate when there is one with a number, else null
 */
public record Advice(
    Verdict verdict,
    double lowest,
    double highest,
    double rangeLower,
    double rangeUpper,
    Double lowerBound,
    PopulationEstimate combined) {

  /** Ratio of the largest to the smallest headline estimate from which one number would mislead. */
  public static final double DISAGREEMENT = 1.5;

  /** What to report when the methods agree and no combined estimate is among them. */
  public static final String DEFAULT_REPORT =
      "the log-linear estimate with its selection-aware interval";

  /** The three answers the advice can give. */
  public enum Verdict {
    /** No method gave a headline estimate: report the people observed, not a total. */
    NO_ESTIMATE,
    /** The headline estimates are within a factor {@link #DISAGREEMENT}: report the default. */
    AGREE,
    /** They are further apart: report the range, not one number. */
    DISAGREE
  }

  /** The advice for {@code results}, all estimates of the same table. */
  public static Advice of(List<PopulationEstimate> results) {
    Double bound =
        results.stream()
            .filter(PopulationEstimate::isEstimable)
            .filter(e -> e.diagnostics().standing() == Diagnostics.Standing.LOWER_BOUND)
            .map(PopulationEstimate::estimate)
            .findFirst()
            .orElse(null);
    List<PopulationEstimate> headlines =
        results.stream()
            .filter(PopulationEstimate::isEstimable)
            .filter(e -> e.diagnostics().standing() == Diagnostics.Standing.HEADLINE)
            .toList();
    PopulationEstimate combined =
        headlines.stream().filter(e -> e.method() == Method.COMBINED).findFirst().orElse(null);
    if (combined != null && headlines.size() == 1) {
      // The default's view: the combined estimate and the methods it averages, its alternatives.
      headlines =
          results.stream()
              .filter(PopulationEstimate::isEstimable)
              .filter(e -> e.diagnostics().standing() != Diagnostics.Standing.LOWER_BOUND)
              .toList();
    }
    if (headlines.isEmpty()) {
      return new Advice(
          Verdict.NO_ESTIMATE, Double.NaN, Double.NaN, Double.NaN, Double.NaN, bound, null);
    }
    double min = headlines.stream().mapToDouble(PopulationEstimate::estimate).min().orElseThrow();
    double max = headlines.stream().mapToDouble(PopulationEstimate::estimate).max().orElseThrow();
    double lower = headlines.stream().mapToDouble(e -> e.interval().lower()).min().orElseThrow();
    double upper = headlines.stream().mapToDouble(e -> e.interval().upper()).max().orElseThrow();
    Verdict verdict =
        headlines.size() > 1 && max / min >= DISAGREEMENT ? Verdict.DISAGREE : Verdict.AGREE;
    return new Advice(verdict, min, max, lower, upper, bound, combined);
  }

  /** How many times the largest headline estimate is the smallest (NaN with no estimate). */
  public double factor() {
    return highest / lowest;
  }

  /** The advice in plain English. */
  public String text() {
    StringBuilder text = new StringBuilder();
    switch (verdict) {
      case NO_ESTIMATE ->
          text.append(
              "No method gives an estimate for this table: the lists overlap too little or in the"
                  + " wrong way. Report the people observed, not a total.");
      case DISAGREE ->
          text.append(
              String.format(
                  Locale.ROOT,
                  "The methods disagree by a factor of %.1f (%,.0f to %,.0f): they make different"
                      + " assumptions and this table cannot tell which holds. Report the range,"
                      + " %s, not one number.",
                  factor(),
                  lowest,
                  highest,
                  range()));
      case AGREE ->
          text.append(
              combined != null
                  ? String.format(
                      Locale.ROOT,
                      "The methods agree within %.0f%%. Report the combined estimate, %s, which"
                          + " averages log-linear models, a heterogeneity model, LCMCR, sample"
                          + " coverage and, from four lists, a two-class latent-class model; the other estimates are second opinions, their intervals"
                          + " spanning %s.",
                      (factor() - 1) * 100,
                      combinedText(),
                      range())
                  : String.format(
                      Locale.ROOT,
                      "The methods agree within %.0f%%. Report %s, with the range of the"
                          + " intervals, %s, if a reader may doubt the assumptions.",
                      (factor() - 1) * 100,
                      DEFAULT_REPORT,
                      range()));
    }
    if (combined != null && verdict == Verdict.DISAGREE) {
      text.append(
          String.format(
              Locale.ROOT,
              " The combined estimate, %s, averages the methods with their disagreement in its"
                  + " interval; the others are second opinions.",
              combinedText()));
    }
    if (lowerBound != null && verdict != Verdict.NO_ESTIMATE) {
      text.append(
          String.format(
              Locale.ROOT,
              " Chao's lower bound is %,.0f: a total below it would need lists that favour the"
                  + " same people less than chance.",
              lowerBound));
    }
    return text.toString();
  }

  private String combinedText() {
    double upper = combined.interval().upper();
    return String.format(
        Locale.ROOT,
        "%,.0f (%,.0f to %s)",
        combined.estimate(),
        combined.interval().lower(),
        Double.isInfinite(upper) ? "unbounded" : String.format(Locale.ROOT, "%,.0f", upper));
  }

  private String range() {
    return Double.isInfinite(rangeUpper)
        ? String.format(Locale.ROOT, "%,.0f or more", rangeLower)
        : String.format(Locale.ROOT, "%,.0f to %,.0f", rangeLower, rangeUpper);
  }
}
