package org.tumen.estimate;

/**
 * One stratum's own estimate inside a stratified total.
 *
 * @param stratum the stratum's value, e.g. {@code F} or {@code unknown}
 * @param model the model chosen for it, or {@code none} when no model was estimable
 * @param observed people observed in the stratum
 * @param estimate its estimate, or null when no model was estimable
 * @param interval its own interval, or null with the estimate
 */
public record StratumEstimate(
    String stratum, String model, long observed, Double estimate, Interval interval) {
  public StratumEstimate {
    if ((estimate == null) != (interval == null)) {
      throw new IllegalArgumentException("a stratum's estimate and interval come together");
    }
  }

  public boolean isEstimable() {
    return estimate != null;
  }
}
