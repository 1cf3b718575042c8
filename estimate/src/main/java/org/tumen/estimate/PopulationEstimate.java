package org.tumen.estimate;

import java.util.List;

/**
 * One method's answer to "how many people were there, seen or not": immutable and self-checking. An
 * estimate without an interval and a method is a bug (DESIGN.md), so either both {@code estimate}
 * and {@code interval} are present or the diagnostics say why there is no number.
 *
 * @param method {@code loglinear}, {@code lcmcr}, {@code dga} or {@code chao}
 * @param model the model in DESIGN.md's notation, e.g. {@code Mt+[1,2]}, {@code Mth-chao}, or a
 *     method-specific description such as {@code LCMCR K=10}
 * @param lists the names of the lists, in column order
 * @param observed the number of distinct people seen on at least one list
 * @param estimate the estimated total population, or null when inestimable
 * @param interval the interval for the total, or null when inestimable
 * @param diagnostics fit statistics, convergence and warnings
 */
public record PopulationEstimate(
    String method,
    String model,
    List<String> lists,
    long observed,
    Double estimate,
    Interval interval,
    Diagnostics diagnostics) {

  public PopulationEstimate {
    lists = List.copyOf(lists);
    if (observed < 0) {
      throw new IllegalArgumentException("observed must not be negative");
    }
    boolean hasNumber = estimate != null;
    if (hasNumber != (interval != null)) {
      throw new IllegalArgumentException(
          "an estimate needs an interval, and an interval an estimate");
    }
    if (!hasNumber && diagnostics.inestimable() == null) {
      throw new IllegalArgumentException("an estimate without a number must say why");
    }
    if (hasNumber && (estimate.isNaN() || estimate < observed - 1e-6 * Math.max(1, observed))) {
      throw new IllegalArgumentException(
          "estimate " + estimate + " is below the " + observed + " people observed");
    }
  }

  public boolean isEstimable() {
    return estimate != null;
  }
}
