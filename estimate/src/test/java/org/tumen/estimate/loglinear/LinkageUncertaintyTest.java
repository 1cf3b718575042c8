package org.tumen.estimate.loglinear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.Method;
import org.tumen.estimate.MseData;
import org.tumen.estimate.PopulationEstimate;

class LinkageUncertaintyTest {

  private static PopulationEstimate headline(double n, double lower, double upper) {
    return new PopulationEstimate(
        Method.LOGLINEAR,
        "Mt",
        List.of("a", "b"),
        50,
        n,
        new Interval(0.95, lower, upper),
        new Diagnostics(1.0, 1, 2.0, 3.0, Map.of(), List.of(), null));
  }

  private static String[] models(int k) {
    String[] m = new String[k];
    java.util.Arrays.fill(m, "Mt");
    return m;
  }

  /**
   * Worked by hand: the clusters give N̂ = 100 with interval 80–125; draws 90 and 110. The draws'
   * estimate is exp((ln 90 + ln 110) / 2) = √9,900 = 99.499; B = (ln 110 − ln 90)² / 2 = 0.020134,
   * (1 + 1/2) B z² = 0.030201 × 1.959964² = 0.116018; each end's own distance ln 1.25 = 0.223144
   * (squared 0.049793), so the draws' ends lie exp(±√0.165811) = exp(±0.407199) from 99.499: 66.22
   * and 149.51. Reported: √(100 × 99.499) = 99.749, and the interval holding both, 66.22–149.51.
   */
  @Test
  void combinesTheClustersAndTheDraws() {
    PopulationEstimate w =
        LinkageUncertainty.combine(headline(100, 80, 125), new Double[] {90.0, 110.0}, models(2));
    assertThat(w.estimate()).isCloseTo(99.749, within(0.001));
    assertThat(w.interval().lower()).isCloseTo(66.22, within(0.01));
    assertThat(w.interval().upper()).isCloseTo(149.51, within(0.01));
    assertThat(w.diagnostics().warnings()).anyMatch(s -> s.contains("90 to 110"));
    assertThat(w.diagnostics().linkage().draws()).isEqualTo(2);
    assertThat(w.diagnostics().linkage().estimateFromClusters()).isEqualTo(100.0);
    assertThat(w.diagnostics().linkage().estimateFromDraws()).isCloseTo(99.499, within(0.001));
  }

  @Property
  void drawsThatAgreeWithTheHeadlineChangeNothingAndMoreSpreadNeverNarrows(
      @ForAll @DoubleRange(min = 60, max = 99) double lower,
      @ForAll @DoubleRange(min = 101, max = 400) double upper,
      @ForAll @DoubleRange(min = 0, max = 0.5) double spread) {
    PopulationEstimate h = headline(100, lower, upper);
    PopulationEstimate same = LinkageUncertainty.combine(h, new Double[] {100.0, 100.0}, models(2));
    assertThat(same.estimate()).isCloseTo(100, within(1e-9));
    assertThat(same.interval().lower()).isCloseTo(lower, within(1e-9));
    assertThat(same.interval().upper()).isCloseTo(upper, within(1e-9));
    // draws spread evenly around 100 on the log scale keep the estimate and widen both ends
    PopulationEstimate some =
        LinkageUncertainty.combine(
            h, new Double[] {100 * (1 + spread), 100 / (1 + spread)}, models(2));
    PopulationEstimate more =
        LinkageUncertainty.combine(
            h, new Double[] {100 * (1.1 + spread), 100 / (1.1 + spread)}, models(2));
    assertThat(some.estimate()).isCloseTo(100, within(1e-9));
    assertThat(some.interval().lower())
        .isLessThanOrEqualTo(lower + 1e-9)
        .isGreaterThanOrEqualTo(50);
    assertThat(some.interval().upper()).isGreaterThanOrEqualTo(upper - 1e-9);
    // the lower end stops at the 50 people observed
    assertThat(more.interval().lower())
        .isLessThanOrEqualTo(some.interval().lower())
        .isGreaterThanOrEqualTo(50);
    assertThat(more.interval().upper()).isGreaterThan(some.interval().upper());
  }

  /**
   * Draws all 10% below the clusters: the draws alone say 90 (72–112.5), the clusters 100 (80–125);
   * reported √9,000 = 94.87, from 72 to 125.
   */
  @Test
  void theEstimateLiesBetweenTheClustersAndTheDrawsAndTheIntervalHoldsBoth() {
    PopulationEstimate w =
        LinkageUncertainty.combine(headline(100, 80, 125), new Double[] {90.0, 90.0}, models(2));
    assertThat(w.estimate()).isCloseTo(Math.sqrt(9000), within(1e-9));
    assertThat(w.interval().lower()).isCloseTo(72, within(1e-9));
    assertThat(w.interval().upper()).isCloseTo(125, within(1e-9));
  }

  @Test
  void aDrawWithNoEstimateLeavesTheIntervalOpenAbove() {
    PopulationEstimate w =
        LinkageUncertainty.combine(headline(100, 80, 125), new Double[] {95.0, null}, models(2));
    assertThat(w.interval().upper()).isInfinite();
    assertThat(w.diagnostics().warnings()).anyMatch(s -> s.contains("1 of 2 clusterings"));
  }

  /** On a published table with no linkage uncertainty the search and its interval are unchanged. */
  @Test
  void identicalDrawsReproduceTheSelectedEstimate() {
    CaptureTable hiv = MseData.table("hiv_rome");
    PopulationEstimate plain = LogLinear.select(hiv, Criterion.AIC, 2, 200, 5);
    List<CaptureTable> draws = new ArrayList<>(List.of(hiv, hiv, hiv));
    PopulationEstimate drawn = LogLinear.selectAcrossLinkages(hiv, draws, Criterion.AIC, 2, 200, 5);
    assertThat(drawn.model()).isEqualTo(plain.model());
    assertThat(drawn.estimate()).isCloseTo(plain.estimate(), within(1e-6));
    assertThat(drawn.interval().lower()).isCloseTo(plain.interval().lower(), within(1e-6));
    assertThat(drawn.interval().upper()).isCloseTo(plain.interval().upper(), within(1e-6));
  }

  /** Draws whose strata are those of the clusters change neither the total nor its interval. */
  @Test
  void stratifiedDrawsThatAgreeWithTheClustersChangeNothing() {
    CaptureTable hiv = MseData.table("hiv_rome");
    CaptureTable half =
        new CaptureTable(
            hiv.lists(), java.util.Arrays.stream(hiv.counts()).map(c -> c / 2).toArray());
    Map<String, CaptureTable> strata = new java.util.LinkedHashMap<>();
    strata.put("a", hiv);
    strata.put("b", half);
    PopulationEstimate plain = Stratified.estimate(strata, Criterion.AIC, 2, 100, 3);
    PopulationEstimate drawn =
        Stratified.estimateAcrossLinkages(
            strata, List.of(strata, strata), Criterion.AIC, 2, 100, 3);
    assertThat(drawn.estimate()).isCloseTo(plain.estimate(), within(1e-6));
    assertThat(drawn.interval().lower()).isCloseTo(plain.interval().lower(), within(1e-6));
    assertThat(drawn.interval().upper()).isCloseTo(plain.interval().upper(), within(1e-6));
    assertThat(drawn.diagnostics().strata()).hasSize(strata.size());
    assertThat(drawn.diagnostics().linkage().draws()).isEqualTo(2);
    // a draw that puts more people in stratum b moves the estimate up and widens the interval
    Map<String, CaptureTable> more = new java.util.LinkedHashMap<>(strata);
    more.put("b", hiv);
    PopulationEstimate moved =
        Stratified.estimateAcrossLinkages(strata, List.of(more, more), Criterion.AIC, 2, 100, 3);
    assertThat(moved.estimate()).isGreaterThan(plain.estimate());
    assertThat(moved.interval().upper()).isGreaterThan(plain.interval().upper());
    assertThat(moved.interval().lower()).isEqualTo(plain.interval().lower());
  }
}
