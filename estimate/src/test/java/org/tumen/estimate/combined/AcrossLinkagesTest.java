package org.tumen.estimate.combined;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.Method;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.lcmcr.LcmcrOptions;

/** The combined default across linkage draws (Rubin's rules) and across strata (sum per method). */
class AcrossLinkagesTest {
  private static final List<String> LISTS = List.of("a", "b", "c");

  /** A short LCMCR run: these tests are about how results are put together, not about LCMCR. */
  private static final LcmcrOptions SHORT = new LcmcrOptions(5, 500, 200, 2, 1L, 1);

  private static PopulationEstimate headline(double n, double lo, double hi) {
    return new PopulationEstimate(
        Method.COMBINED,
        "x",
        LISTS,
        100,
        n,
        new Interval(0.95, lo, hi),
        new Diagnostics(null, null, null, null, null, List.of(), null));
  }

  /** Three lists, 1,000 people on each pattern's share of a population of about 2,000. */
  private static CaptureTable table(long scale) {
    long[] c = {0, 300, 280, 90, 260, 80, 75, 30};
    for (int i = 0; i < c.length; i++) {
      c[i] *= scale;
    }
    return new CaptureTable(LISTS, c);
  }

  /**
   * Worked by hand: draws 990 and 1,010 about a headline of 1,000 (800–1,300); B = var(ln d) = (ln
   * 990 − m)² + (ln 1010 − m)² with m their mean log; each end √(w² + 1.96²(1 + 1/2)B) log units
   * from 1,000. Evaluated in double precision outside Java (Python): 797.948 and 1,302.847.
   */
  @Test
  void widensEachEndByTheDrawsSpreadAsRubinsRulesSay() {
    PopulationEstimate w =
        AcrossLinkages.widen(headline(1000, 800, 1300), new Double[] {990.0, 1010.0});
    double m = (Math.log(990) + Math.log(1010)) / 2;
    double b = Math.pow(Math.log(990) - m, 2) + Math.pow(Math.log(1010) - m, 2);
    double z = 1.959963984540054;
    double between = z * z * 1.5 * b;
    assertThat(w.estimate()).isEqualTo(1000.0);
    assertThat(w.interval().lower())
        .isCloseTo(
            1000 * Math.exp(-Math.sqrt(Math.pow(Math.log(1000.0 / 800), 2) + between)),
            within(1e-9));
    assertThat(w.interval().lower()).isCloseTo(797.948, within(0.001));
    assertThat(w.interval().upper()).isCloseTo(1302.847, within(0.001));
    assertThat(w.diagnostics().linkage().drawEstimates()).containsExactly(990.0, 1010.0);
  }

  @Test
  void drawsThatAgreeLeaveTheIntervalAsItIs() {
    PopulationEstimate w =
        AcrossLinkages.widen(headline(1000, 800, 1300), new Double[] {1234.0, 1234.0, 1234.0});
    assertThat(w.estimate()).isEqualTo(1000.0);
    assertThat(w.interval().lower()).isCloseTo(800, within(1e-9));
    assertThat(w.interval().upper()).isCloseTo(1300, within(1e-9));
  }

  @Test
  void aDrawWithoutAnEstimateLeavesNoUpperLimit() {
    PopulationEstimate w =
        AcrossLinkages.widen(headline(1000, 800, 1300), new Double[] {990.0, null, 1010.0});
    assertThat(w.estimate()).isEqualTo(1000.0);
    assertThat(w.interval().upper()).isInfinite();
    assertThat(w.diagnostics().warnings()).anyMatch(s -> s.contains("1 of 3 clusterings"));
  }

  /** The draws widen the interval; the estimate stays the headline table's own. */
  @Test
  void theEstimateIsTheHeadlineTablesAndTheDrawsOnlyWidenIt() {
    CaptureTable t = table(1);
    long[] other = t.counts().clone();
    other[1] += 40;
    other[3] -= 20;
    Combined.Result plain = Combined.estimate(t, 2, SHORT, 1);
    Combined.Result across =
        AcrossLinkages.estimate(t, List.of(t, new CaptureTable(LISTS, other)), 2, SHORT, 1);
    assertThat(across.combined().estimate()).isEqualTo(plain.combined().estimate());
    assertThat(across.combined().interval().lower())
        .isLessThan(plain.combined().interval().lower());
    assertThat(across.combined().interval().upper())
        .isGreaterThan(plain.combined().interval().upper());
  }

  /** One stratum: each method's sum is the method itself, so the total is the unstratified one. */
  @Test
  void oneStratumIsTheWholeTable() {
    CaptureTable t = table(1);
    Combined.Result whole = Combined.estimate(t, 2, SHORT, 1);
    Combined.Result strata = StratifiedCombined.estimate(Map.of("all", t), 2, SHORT, 1);
    assertThat(strata.combined().estimate()).isCloseTo(whole.combined().estimate(), within(1e-6));
    assertThat(strata.combined().interval().lower())
        .isCloseTo(whole.combined().interval().lower(), within(1e-6));
    assertThat(strata.combined().interval().upper())
        .isCloseTo(whole.combined().interval().upper(), within(1e-6));
    assertThat(strata.combined().diagnostics().strata()).hasSize(1);
  }

  /**
   * Two equal strata: each method's total is twice a stratum's, and its interval, from independent
   * errors, is narrower relative to the total by √2 on the scale of the number unseen.
   */
  @Test
  void equalStrataAddUpWithIndependentErrors() {
    PopulationEstimate s = headline(300, 250, 400);
    CaptureTable total = new CaptureTable(LISTS, new long[] {0, 200, 0, 0, 0, 0, 0, 0});
    PopulationEstimate sum = StratifiedCombined.sum(total, List.of("F", "M"), List.of(s, s));
    // each stratum: n = 100, unseen 200, lower unseen 150
    double sLower = Math.log(200.0 / 150) / 1.959963984540054;
    assertThat(sum.estimate()).isCloseTo(600, within(1e-9));
    assertThat(sum.interval().lower())
        .isCloseTo(200 + 400 * Math.exp(-1.959963984540054 * sLower / Math.sqrt(2)), within(1e-6));
  }

  @Test
  void aStratumWithoutAnEstimateLeavesTheMethodOut() {
    PopulationEstimate s = headline(300, 250, 400);
    PopulationEstimate none =
        new PopulationEstimate(
            Method.COMBINED,
            "x",
            LISTS,
            100,
            null,
            null,
            Diagnostics.inestimable("no overlap", List.of()));
    CaptureTable total = new CaptureTable(LISTS, new long[] {0, 200, 0, 0, 0, 0, 0, 0});
    PopulationEstimate sum = StratifiedCombined.sum(total, List.of("F", "M"), List.of(s, none));
    assertThat(sum.isEstimable()).isFalse();
    assertThat(sum.diagnostics().inestimable()).contains("M");
  }

  /** The correction's own error is not in the draws: the interval holds the table as linked. */
  @Test
  void theIntervalHoldsTheEstimateOfTheTableAsLinked() {
    PopulationEstimate stretched =
        AcrossLinkages.holding(headline(1000, 800, 1300), headline(1500, 1200, 1900));
    assertThat(stretched.estimate()).isEqualTo(1000.0);
    assertThat(stretched.interval().lower()).isEqualTo(800.0);
    assertThat(stretched.interval().upper()).isEqualTo(1500.0);
    assertThat(stretched.diagnostics().convergence()).containsEntry("estimateAsLinked", 1500L);
    assertThat(stretched.diagnostics().warnings())
        .anyMatch(w -> w.contains("1,500") && w.contains("stretched"));
    PopulationEstimate inside =
        AcrossLinkages.holding(headline(1000, 800, 1300), headline(900, 700, 1100));
    assertThat(inside.interval().lower()).isEqualTo(800.0);
    assertThat(inside.interval().upper()).isEqualTo(1300.0);
  }

  @Test
  void theCorrectedPathRunsTheSameEstimateOnTheTableAsLinked() {
    Combined.Result r =
        AcrossLinkages.estimate(table(1), table(2), List.of(table(1), table(1)), 2, SHORT, 7);
    double asLinked = Combined.estimate(table(2), 2, SHORT, 7).combined().estimate();
    assertThat(r.combined().estimate())
        .isEqualTo(Combined.estimate(table(1), 2, SHORT, 7).combined().estimate());
    assertThat(r.combined().interval().upper()).isGreaterThanOrEqualTo(asLinked);
    assertThat(r.combined().diagnostics().convergence())
        .containsEntry("estimateAsLinked", Math.round(asLinked));
  }
}
