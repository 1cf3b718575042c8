package org.tumen.estimate;

/**
 * A confidence (or credible) interval for a population size.
 *
 * @param level the nominal coverage, e.g. 0.95
 * @param lower the lower bound; never below the number of people observed
 * @param upper the upper bound; may be {@link Double#POSITIVE_INFINITY} when the data bound nothing
 */
public record Interval(double level, double lower, double upper) {
  public Interval {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("interval level must lie in (0, 1): " + level);
    }
    if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
      throw new IllegalArgumentException("interval bounds out of order: " + lower + " > " + upper);
    }
  }
}
