package org.tumen.estimate.combined;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.Method;
import org.tumen.estimate.PopulationEstimate;

class CombinedTest {
  private static final List<String> LISTS = List.of("a", "b", "c");

  /** A table of 100 people observed (all on list a only, which does not matter here). */
  private static CaptureTable observed(long n) {
    long[] counts = new long[8];
    counts[1] = n;
    return new CaptureTable(LISTS, counts);
  }

  /** An estimate named {@code model}; the method does not matter to the average. */
  private static PopulationEstimate estimate(String model, double n, double lo, double hi) {
    return new PopulationEstimate(
        Method.LCMCR,
        model,
        LISTS,
        100,
        n,
        new Interval(0.95, lo, hi),
        new Diagnostics(null, null, null, null, null, List.of(), null));
  }

  private static PopulationEstimate none(String model) {
    return new PopulationEstimate(
        Method.LCMCR,
        model,
        LISTS,
        100,
        null,
        null,
        Diagnostics.inestimable("no overlap", List.of()));
  }

  /**
   * Worked by hand, n = 100: unseen 100 (interval 50–200) and 200 (150–300), so θ̄ = ln √(100·200);
   * per side, var = Σ (s_i² + (θ_i − θ̄)²) / 2 with s_i = |ln(bound_i − n) − θ_i| / 1.96. Evaluated
   * in double precision outside Java: 241.421 (159.726–442.780).
   */
  @Test
  void averagesTheLogNumberUnseenWithTheSpreadInTheVariance() {
    PopulationEstimate c =
        Combined.combine(
            observed(100), List.of(estimate("x", 200, 150, 300), estimate("y", 300, 250, 400)));
    assertThat(c.method()).isEqualTo(Method.COMBINED);
    assertThat(c.estimate()).isCloseTo(241.421, within(1e-3));
    assertThat(c.interval().lower()).isCloseTo(159.726, within(1e-3));
    assertThat(c.interval().upper()).isCloseTo(442.780, within(1e-3));
    assertThat(c.model()).isEqualTo("x + y");
  }

  @Test
  void leavesOutMethodsWithoutAnEstimateAndSaysSo() {
    PopulationEstimate alone = estimate("x", 200, 150, 300);
    PopulationEstimate c = Combined.combine(observed(100), List.of(alone, none("y")));
    assertThat(c.estimate()).isCloseTo(200, within(1e-9));
    assertThat(c.diagnostics().warnings()).anyMatch(w -> w.contains("left out lcmcr y"));
    PopulationEstimate nothing = Combined.combine(observed(100), List.of(none("x"), none("y")));
    assertThat(nothing.isEstimable()).isFalse();
    assertThat(nothing.diagnostics().inestimable()).contains("no method");
  }

  @Test
  void anUnboundedMethodMakesTheTotalUnbounded() {
    PopulationEstimate c =
        Combined.combine(
            observed(100),
            List.of(
                estimate("x", 200, 150, 300), estimate("y", 300, 250, Double.POSITIVE_INFINITY)));
    assertThat(c.interval().upper()).isInfinite();
    assertThat(c.interval().lower()).isGreaterThanOrEqualTo(100);
  }

  /**
   * One method, or the same method twice, comes back unchanged: no spread, its own widths (for
   * bounds at least ten people above n; nearer, the floor of half a person unseen applies).
   */
  @Property(tries = 200)
  void aMethodAveragedWithItselfIsItself(
      @ForAll @DoubleRange(min = 20, max = 1e5) double unseen,
      @ForAll @DoubleRange(min = 0.05, max = 0.99) double down,
      @ForAll @DoubleRange(min = 1.01, max = 10) double up,
      @ForAll @IntRange(min = 1, max = 4) int copies) {
    PopulationEstimate e = estimate("x", 100 + unseen, 100 + unseen * down, 100 + unseen * up);
    PopulationEstimate c =
        Combined.combine(observed(100), java.util.Collections.nCopies(copies, e));
    assertThat(c.estimate()).isCloseTo(e.estimate(), within(1e-6 * e.estimate()));
    assertThat(c.interval().lower()).isCloseTo(e.interval().lower(), within(1e-6 * e.estimate()));
    assertThat(c.interval().upper())
        .isCloseTo(e.interval().upper(), within(1e-6 * e.interval().upper()));
  }

  /**
   * The average lies between the methods, and its interval reaches at least as far as the narrowest
   * of theirs (the spread only widens it) and never below the people observed.
   */
  @Property(tries = 300)
  void theAverageLiesBetweenTheMethodsAndItsIntervalHoldsIt(
      @ForAll @DoubleRange(min = 20, max = 1e5) double u1,
      @ForAll @DoubleRange(min = 20, max = 1e5) double u2,
      @ForAll @DoubleRange(min = 20, max = 1e5) double u3,
      @ForAll @DoubleRange(min = 0.05, max = 0.95) double down,
      @ForAll @DoubleRange(min = 1.05, max = 5) double up) {
    List<PopulationEstimate> methods =
        List.of(
            estimate("x", 100 + u1, 100 + u1 * down, 100 + u1 * up),
            estimate("y", 100 + u2, 100 + u2 * down, 100 + u2 * up),
            estimate("z", 100 + u3, 100 + u3 * down, 100 + u3 * up));
    PopulationEstimate c = Combined.combine(observed(100), methods);
    double lo = 100 + Math.min(u1, Math.min(u2, u3));
    double hi = 100 + Math.max(u1, Math.max(u2, u3));
    assertThat(c.estimate()).isBetween(lo - 1e-6 * hi, hi + 1e-6 * hi);
    assertThat(c.interval().lower()).isBetween(100.0, c.estimate());
    assertThat(c.interval().upper()).isGreaterThanOrEqualTo(c.estimate());
    // log width on each side is at least that of the methods (all share down and up here)
    double unseen = c.estimate() - 100;
    assertThat(Math.log(unseen / (c.interval().lower() - 100)))
        .isGreaterThanOrEqualTo(-Math.log(down) - 1e-9);
    assertThat(Math.log((c.interval().upper() - 100) / unseen))
        .isGreaterThanOrEqualTo(Math.log(up) - 1e-9);
  }
}
