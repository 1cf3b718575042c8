package org.tumen.estimate.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.lcmcr.MseData;

class SampleCoverageTest {
  /**
   * Hepatitis A, northern Taiwan 1995 (../shared/data/mse/hepatitis_a_taiwan.md): Chao et al.
   * (2001), Statistics in Medicine 20:3123–3157, as summarised from Chao (2015), "Capture-Recapture
   * for Human Populations", Wiley StatsRef, §6.1 (CARE1 output): Ĉ = 0.513, D = 208.667, N̂0 = 407,
   * N̂ = 971, N̂1 = 508. All three are the sample-coverage estimators (none is a log-linear
   * figure).
   */
  @Test
  void hepatitisAReproducesChao2001() {
    List<PopulationEstimate> e = SampleCoverage.estimate(MseData.table("hepatitis_a_taiwan.csv"));
    assertThat(e).extracting(PopulationEstimate::model).containsExactly("SC-N0", "SC-N", "SC-N1");
    assertThat(e).allSatisfy(x -> assertThat(x.method()).isEqualTo(org.tumen.estimate.Method.CHAO));
    assertThat(Math.round(e.get(0).estimate())).isEqualTo(407);
    assertThat(Math.round(e.get(1).estimate())).isEqualTo(971);
    assertThat(Math.round(e.get(2).estimate())).isEqualTo(508);
    assertThat((Double) e.get(0).diagnostics().convergence().get("sampleCoverage"))
        .isCloseTo(0.513, within(0.0005));
    assertThat((Double) e.get(0).diagnostics().convergence().get("seenByOtherLists"))
        .isCloseTo(208.667, within(0.0005));
    // Coverage 51% is below 55%: Chao et al. recommend N̂1, which is therefore the headline.
    assertThat(e)
        .extracting(x -> x.diagnostics().standing())
        .containsExactly(
            org.tumen.estimate.Diagnostics.Standing.ALTERNATIVE,
            org.tumen.estimate.Diagnostics.Standing.ALTERNATIVE,
            org.tumen.estimate.Diagnostics.Standing.HEADLINE);
    // Published 95% intervals are bootstrap-based (CARE1, 200 replicates), so they vary from run
    // to run: N̂0 (365, 467), N̂1 (425, 636), N̂ (411, 3778) "unstable".
    assertInterval(e.get(0), 365, 467, 0.05);
    assertInterval(e.get(2), 425, 636, 0.08);
    // N̂'s bootstrap distribution has a very heavy right tail (replicates whose denominator is
    // near 0), so its standard error differs widely between runs; only "very wide" reproduces.
    assertThat(e.get(1).interval().lower()).isBetween(271.0, 500.0);
    assertThat(e.get(1).interval().upper()).isGreaterThan(2000);
    assertThat(e.get(1).diagnostics().warnings()).anySatisfy(w -> assertThat(w).contains("low"));
  }

  /**
   * Diabetes, Italy (../shared/data/mse/diabetes_italy.md): Chao (2015) recommends N̂ = 2609 with
   * 95% CI about 2477–2784 (coverage about 80%). N̂0 = 2271.7 and N̂1 = 2458.0 are not published:
   * they are the shared notes' independent port of the CARE1 formulas, a cross-check only.
   */
  @Test
  void diabetesReproducesChao2015() {
    List<PopulationEstimate> e = SampleCoverage.estimate(MseData.table("diabetes_italy.csv"));
    assertThat(Math.round(e.get(1).estimate())).isEqualTo(2609);
    assertInterval(e.get(1), 2477, 2784, 0.02);
    assertThat((Double) e.get(1).diagnostics().convergence().get("sampleCoverage"))
        .isCloseTo(0.803, within(0.0005));
    assertThat(e.get(0).estimate()).isCloseTo(2271.7, within(0.05));
    assertThat(e.get(2).estimate()).isCloseTo(2458.0, within(0.05));
  }

  /** Five lists; values from the shared notes' CARE1-formula port (not published). */
  @Test
  void congenitalAnomalyFiveLists() {
    List<PopulationEstimate> e =
        SampleCoverage.estimate(MseData.table("congenital_anomaly_massachusetts.csv"));
    assertThat(e.get(0).estimate()).isCloseTo(629.5, within(0.05));
    assertThat(e.get(1).estimate()).isCloseTo(659.5, within(0.05));
    assertThat(e.get(2).estimate()).isCloseTo(649.3, within(0.05));
    assertThat((Double) e.get(0).diagnostics().convergence().get("sampleCoverage"))
        .isCloseTo(0.774, within(0.0005));
  }

  @Test
  void sameSeedSameIntervals() {
    CaptureTable table = MseData.table("hepatitis_a_taiwan.csv");
    assertThat(SampleCoverage.estimate(table, 300, 5L))
        .isEqualTo(SampleCoverage.estimate(table, 300, 5L));
  }

  @Test
  void refusesTwoLists() {
    List<PopulationEstimate> e =
        SampleCoverage.estimate(new CaptureTable(List.of("a", "b"), new long[] {0, 30, 40, 10}));
    assertThat(e)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.isEstimable()).isFalse();
              assertThat(x.diagnostics().inestimable()).contains("three or more lists");
            });
  }

  @Test
  void refusesListsThatNeverOverlap() {
    long[] counts = new long[8];
    counts[0b001] = 10;
    counts[0b010] = 20;
    counts[0b100] = 30;
    List<PopulationEstimate> e =
        SampleCoverage.estimate(new CaptureTable(List.of("a", "b", "c"), counts));
    assertThat(e)
        .hasSize(3)
        .allSatisfy(
            x ->
                assertThat(x.diagnostics().inestimable())
                    .contains("no one is on more than one list"));
  }

  @Test
  void refusesAnEmptyList() {
    long[] counts = new long[8];
    counts[0b001] = 10;
    counts[0b011] = 5;
    counts[0b010] = 20;
    List<PopulationEstimate> e =
        SampleCoverage.estimate(new CaptureTable(List.of("a", "b", "c"), counts));
    assertThat(e).allSatisfy(x -> assertThat(x.diagnostics().inestimable()).contains("empty"));
  }

  /**
   * With independent lists and homogeneous capture the expected table has Ĉ·N = D and every
   * coefficient of covariation γ_jk = 0 (Chao & Tsay 1998, §2), so all three estimators must give N
   * exactly, whatever the capture probabilities.
   */
  @Property(tries = 200)
  void independentListsGiveTheTruthExactly(
      @ForAll @IntRange(min = 3, max = 6) int lists,
      @ForAll @Size(6) List<@DoubleRange(min = 0.05, max = 0.95) Double> capture,
      @ForAll @IntRange(min = 50, max = 5_000_000) int population) {
    double[] counts = new double[1 << lists];
    for (int p = 1; p < counts.length; p++) {
      double prob = population;
      for (int j = 0; j < lists; j++) {
        prob *= (p >>> j & 1) == 1 ? capture.get(j) : 1 - capture.get(j);
      }
      counts[p] = prob;
    }
    CoverageFormulas f = CoverageFormulas.of(lists, counts);
    assertThat(f.n0()).isCloseTo(population, within(1e-6 * population));
    assertThat(f.nHat()).isCloseTo(population, within(1e-6 * population));
    assertThat(f.n1()).isCloseTo(population, within(1e-6 * population));
  }

  private static void assertInterval(PopulationEstimate e, double lower, double upper, double tol) {
    assertThat(e.interval().level()).isEqualTo(0.95);
    assertThat(e.interval().lower()).isCloseTo(lower, within(lower * tol));
    assertThat(e.interval().upper()).isCloseTo(upper, within(upper * tol));
  }
}
