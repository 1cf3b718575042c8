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
import org.tumen.estimate.MseData;
import org.tumen.estimate.PopulationEstimate;

class LinkageUncertaintyTest {

  private static PopulationEstimate headline(double n, double lower, double upper) {
    return new PopulationEstimate(
        "loglinear",
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
   * Worked by hand: N̂ = 100, interval 80–125, draws 90 and 110. B = (ln² 0.9 + ln² 1.1) / 2 =
   * 0.010092, (1 + 1/2) B = 0.015139, z = 1.959964, so z² (1 + 1/K) B = 0.058155; ln(100/80) =
   * 0.223144 and ln(125/100) = 0.223144, so each end moves to 100 · exp(∓√(0.049793 + 0.058155)) =
   * 100 · exp(∓0.328555): 72.00 and 138.90.
   */
  @Test
  void addsTheDrawsSpreadToEachEndOnTheLogScale() {
    PopulationEstimate w =
        LinkageUncertainty.widen(headline(100, 80, 125), new Double[] {90.0, 110.0}, models(2));
    assertThat(w.estimate()).isEqualTo(100.0);
    assertThat(w.interval().lower()).isCloseTo(72.00, within(0.01));
    assertThat(w.interval().upper()).isCloseTo(138.90, within(0.01));
    assertThat(w.diagnostics().warnings()).anyMatch(s -> s.contains("90 to 110"));
    assertThat(w.diagnostics().convergence()).containsEntry("linkageDraws", 2);
  }

  @Property
  void drawsThatAgreeWithTheHeadlineChangeNothingAndMoreSpreadNeverNarrows(
      @ForAll @DoubleRange(min = 60, max = 99) double lower,
      @ForAll @DoubleRange(min = 101, max = 400) double upper,
      @ForAll @DoubleRange(min = 0, max = 0.5) double spread) {
    PopulationEstimate h = headline(100, lower, upper);
    PopulationEstimate same = LinkageUncertainty.widen(h, new Double[] {100.0, 100.0}, models(2));
    assertThat(same.interval().lower()).isCloseTo(lower, within(1e-9));
    assertThat(same.interval().upper()).isCloseTo(upper, within(1e-9));
    PopulationEstimate some =
        LinkageUncertainty.widen(
            h, new Double[] {100 * (1 + spread), 100 / (1 + spread)}, models(2));
    PopulationEstimate more =
        LinkageUncertainty.widen(
            h, new Double[] {100 * (1.1 + spread), 100 / (1.1 + spread)}, models(2));
    assertThat(some.interval().lower()).isLessThanOrEqualTo(lower).isGreaterThanOrEqualTo(50);
    assertThat(some.interval().upper()).isGreaterThanOrEqualTo(upper);
    assertThat(more.interval().lower()).isLessThanOrEqualTo(some.interval().lower());
    assertThat(more.interval().upper()).isGreaterThanOrEqualTo(some.interval().upper());
  }

  @Test
  void aDrawWithNoEstimateLeavesTheIntervalOpenAbove() {
    PopulationEstimate w =
        LinkageUncertainty.widen(headline(100, 80, 125), new Double[] {95.0, null}, models(2));
    assertThat(w.interval().upper()).isInfinite();
    assertThat(w.diagnostics().warnings()).anyMatch(s -> s.contains("1 of 2 drawn"));
  }

  /** On a published table with no linkage uncertainty the search and its interval are unchanged. */
  @Test
  void identicalDrawsReproduceTheSelectedEstimate() {
    CaptureTable hiv = MseData.table("hiv_rome");
    PopulationEstimate plain = LogLinear.select(hiv, Criterion.AIC, 2, 200, 5);
    List<CaptureTable> draws = new ArrayList<>(List.of(hiv, hiv, hiv));
    PopulationEstimate drawn = LogLinear.selectAcrossLinkages(hiv, draws, Criterion.AIC, 2, 200, 5);
    assertThat(drawn.model()).isEqualTo(plain.model());
    assertThat(drawn.estimate()).isEqualTo(plain.estimate());
    assertThat(drawn.interval().lower()).isCloseTo(plain.interval().lower(), within(1e-6));
    assertThat(drawn.interval().upper()).isCloseTo(plain.interval().upper(), within(1e-6));
  }
}
