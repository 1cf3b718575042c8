package org.tumen.report.disclosure;

/**
 * When a published count could identify someone, and how much a protected count must stay
 * uncertain.
 *
 * <p>A count {@code v} is <em>sensitive</em> when {@code 0 < v < threshold}: three victims from one
 * border county, one act of a kind in one month. A suppressed count is <em>protected</em> when an
 * attacker who knows every published number of the table (cells and totals) and that counts are not
 * negative can only place it in an interval of integers at least {@code threshold} wide.
 *
 * <p><b>Zeros are not sensitive by default.</b> A zero says that nobody is in a cell, so it points
 * at no person; suppressing zeros would hide most of a sparse table (the simulated tables are more
 * than half zeros) and push complementary suppression onto large cells. What a zero can reveal is
 * group disclosure: a row whose only non-zero cell is its total says that everyone counted in that
 * row shares the column's attribute. That row's non-zero cell equals the row total, so if the total
 * is small both are suppressed anyway; if it is large, the attribute is one of acts done to them
 * (which is what a report publishes), not of the persons. Set {@code zerosSensitive} where a zero
 * itself would tell (e.g. a table of a small community by a personal attribute).
 *
 * @param threshold the smallest count that may be published (default 5, as in most statistical
 *     offices' frequency rules: Hundepool et al. 2012, §5.2); at least 1
 * @param zerosSensitive whether a zero count is sensitive too
 * @param maxSuppressedShare for {@link Coarsening}: the largest share of the table's total that
 *     suppression may hide at a level before a coarser level is preferred (default 0.1)
 */
public record DisclosureRules(int threshold, boolean zerosSensitive, double maxSuppressedShare) {

  public static final int DEFAULT_THRESHOLD = 5;

  public DisclosureRules {
    if (threshold < 1) {
      throw new IllegalArgumentException(
          "disclosure threshold must be at least 1, not " + threshold);
    }
    if (!(maxSuppressedShare >= 0 && maxSuppressedShare <= 1)) {
      throw new IllegalArgumentException(
          "the largest suppressed share must be between 0 and 1, not " + maxSuppressedShare);
    }
  }

  /** Threshold 5, zeros not sensitive, at most a tenth of a table's total hidden. */
  public static DisclosureRules defaults() {
    return new DisclosureRules(DEFAULT_THRESHOLD, false, 0.1);
  }

  /** The defaults with another threshold. */
  public static DisclosureRules threshold(int threshold) {
    return new DisclosureRules(threshold, false, 0.1);
  }

  /** These rules with zeros sensitive or not. */
  public DisclosureRules withZerosSensitive(boolean sensitive) {
    return new DisclosureRules(threshold, sensitive, maxSuppressedShare);
  }

  /** Whether a count may not be published as it is. */
  public boolean isSensitive(long count) {
    return count < threshold && (count > 0 || (zerosSensitive && count == 0));
  }
}
