package org.tumen.model.documentation;

/**
 * How far a source, or one piece of its information, can be relied on: the small ordinal scale of
 * the HURIDOCS Events Standard Formats (OpenEvSys), high to low, with unknown apart.
 */
public enum Reliability {
  HIGH,
  MEDIUM,
  LOW,
  UNKNOWN;

  /**
   * Whether this meets the threshold {@code other}: every value meets {@code UNKNOWN} (no
   * threshold), and {@code UNKNOWN} meets no other.
   */
  public boolean isAtLeast(Reliability other) {
    if (other == UNKNOWN) {
      return true;
    }
    return this != UNKNOWN && ordinal() <= other.ordinal();
  }
}
