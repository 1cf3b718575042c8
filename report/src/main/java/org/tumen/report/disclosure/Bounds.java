package org.tumen.report.disclosure;

/**
 * What an attacker can say about one suppressed count: it lies in {@code [min, max]}. The bounds
 * are those of the linear programme; {@link #width()} is the width of the interval of
 * <em>integers</em> in it, which is what matters for counts.
 *
 * @param row the cell's row in the extended grid (or its index in a linked system)
 * @param column the cell's column in the extended grid (or -1 in a linked system)
 * @param max {@code Double.POSITIVE_INFINITY} when nothing bounds the cell from above
 */
public record Bounds(int row, int column, double min, double max) {

  private static final double EPS = 1e-6;

  public Bounds {
    if (!(min <= max + EPS)) {
      throw new IllegalArgumentException("bounds " + min + " > " + max);
    }
  }

  /** The integers the cell can take span this many units; {@code Long.MAX_VALUE} if unbounded. */
  public long width() {
    if (Double.isInfinite(max)) {
      return Long.MAX_VALUE;
    }
    return (long) Math.floor(max + EPS) - (long) Math.ceil(min - EPS);
  }

  /** Whether the attacker knows the value exactly. */
  public boolean exact() {
    return width() == 0;
  }
}
