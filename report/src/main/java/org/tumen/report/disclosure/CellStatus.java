package org.tumen.report.disclosure;

/** What happens to one cell of a published table. */
public enum CellStatus {
  /** Shown as it is. */
  PUBLISHED,
  /** Hidden because it is small ({@link DisclosureRules#isSensitive}). */
  PRIMARY,
  /** Hidden so that a primary cell cannot be worked out from the published ones. */
  COMPLEMENTARY;

  public boolean suppressed() {
    return this != PUBLISHED;
  }
}
