package org.tumen.estimate.lcmcr;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.PopulationEstimate;

class LatentClassProfileTest {
  /**
   * 20,000 people, five lists; a third of them in a class each list records with a chance of 3–8%
   * (the coverage study's latent-class family). The overlaps come mostly from the easy class, so
   * estimators that extrapolate from them land low; the two-class model's profile holds the truth.
   */
  @Test
  void theProfileOfTheTwoClassModelHoldsATotalWithAHardToFindClass() {
    CaptureTable t =
        LatentClassTables.draw(
            RandomSource.XO_RO_SHI_RO_128_PP.create(11L),
            20_000,
            new double[] {0.65, 0.35},
            new double[][] {{0.30, 0.25, 0.35, 0.20, 0.30}, {0.05, 0.03, 0.08, 0.04, 0.06}});
    PopulationEstimate e = LatentClassProfile.estimate(t, 1);
    assertThat(e.interval().lower()).isLessThanOrEqualTo(20_000);
    assertThat(e.interval().upper()).isGreaterThanOrEqualTo(20_000);
    assertThat(e.estimate()).isBetween(17_000.0, 23_000.0);
    assertThat(e.diagnostics().df()).isEqualTo(31 - 12);
  }

  /** Lists independent and everyone alike: the profile is bounded and narrow around the truth. */
  @Test
  void withOneClassTheProfileIsBoundedAroundTheTruth() {
    CaptureTable t =
        LatentClassTables.draw(
            RandomSource.XO_RO_SHI_RO_128_PP.create(5L),
            5_000,
            new double[] {1.0},
            new double[][] {{0.3, 0.25, 0.2, 0.35}});
    PopulationEstimate e = LatentClassProfile.estimate(t, 1);
    assertThat(e.interval().upper()).isFinite().isLessThan(5_600);
    assertThat(e.interval().lower()).isGreaterThan(4_400).isLessThanOrEqualTo(5_000);
  }

  @Test
  void threeListsGiveNoNumber() {
    CaptureTable t =
        LatentClassTables.draw(
            RandomSource.XO_RO_SHI_RO_128_PP.create(5L),
            2_000,
            new double[] {1.0},
            new double[][] {{0.3, 0.25, 0.2}});
    PopulationEstimate e = LatentClassProfile.estimate(t, 1);
    assertThat(e.isEstimable()).isFalse();
    assertThat(e.diagnostics().inestimable()).contains("four lists");
  }
}
