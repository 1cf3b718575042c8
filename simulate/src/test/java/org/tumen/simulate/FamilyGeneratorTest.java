package org.tumen.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FamilyGeneratorTest {
  private static final int LARGE = 200_000;

  /**
   * Log odds ratio of lists i and j over the whole population, the unseen included (the truth knows
   * them): ln(n11 n00 / (n10 n01)).
   */
  static double logOddsRatio(CaptureHistories h, int i, int j) {
    long[] counts = h.patternCounts();
    double[] cell = new double[4]; // index: (on i) + 2 (on j)
    for (int m = 0; m < counts.length; m++) {
      cell[(m >> i & 1) + 2 * (m >> j & 1)] += counts[m];
    }
    return Math.log(cell[3] * cell[0] / (cell[1] * cell[2]));
  }

  static double meanPairLogOddsRatio(CaptureHistories h) {
    int k = h.lists().size();
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        sum += logOddsRatio(h, i, j);
        pairs++;
      }
    }
    return sum / pairs;
  }

  /**
   * With two lists the one pair is always dependent, and list 2 given list 1 is logistic(a + γ x1):
   * the odds ratio is exactly e^γ, γ ∈ [0.5, 1.5] (positive) or [−1.5, −0.5] (negative). On 200,000
   * people its log has a standard error near 0.03.
   */
  @ParameterizedTest
  @EnumSource(
      value = Family.class,
      names = {"POSITIVE_DEPENDENCE", "NEGATIVE_DEPENDENCE"})
  void referralGivesTheDrawnSignOfTheOddsRatio(Family family) {
    double sign = family == Family.POSITIVE_DEPENDENCE ? 1 : -1;
    for (long seed = 1; seed <= 5; seed++) {
      CaptureHistories h = FamilyGenerator.draw(family, 2, LARGE, seed).histories();
      assertThat(sign * logOddsRatio(h, 0, 1)).as("seed %d", seed).isBetween(0.4, 1.6);
    }
  }

  /** Independent lists (no family makes them so) would give a mean log odds ratio near 0. */
  @ParameterizedTest
  @EnumSource(
      value = Family.class,
      names = {"LOG_NORMAL", "LATENT_CLASSES", "DUPLICATES"})
  void sharedHeterogeneityMakesListsPositivelyDependent(Family family) {
    for (long seed = 1; seed <= 3; seed++) {
      CaptureHistories h = FamilyGenerator.draw(family, 5, LARGE, seed).histories();
      assertThat(meanPairLogOddsRatio(h)).as("seed %d", seed).isGreaterThan(0.02);
    }
  }

  /**
   * Fate-specific chances (and lists blind to some fates) make lists depend on each other in both
   * directions; independent lists would leave every pair's log odds ratio near 0 (SE ≈ 0.02 here).
   */
  @Test
  void fatesMakeListsDependent() {
    for (long seed = 1; seed <= 5; seed++) {
      CaptureHistories h = FamilyGenerator.draw(Family.FATE, 4, LARGE, seed).histories();
      double strongest = 0;
      for (int i = 0; i < 4; i++) {
        for (int j = i + 1; j < 4; j++) {
          strongest = Math.max(strongest, Math.abs(logOddsRatio(h, i, j)));
        }
      }
      assertThat(strongest).as("seed %d", seed).isGreaterThan(0.2);
    }
  }

  @Test
  void duplicatesComeBackMoreOftenFromTheMoreFindable() {
    FamilyPopulation p = FamilyGenerator.draw(Family.DUPLICATES, 4, LARGE, 7);
    int[] masks = p.histories().masks();
    double[] copies = new double[5];
    double[] memberships = new double[5];
    for (int i = 0; i < masks.length; i++) {
      int lists = Integer.bitCount(masks[i]);
      for (int j = 0; j < 4; j++) {
        copies[lists] += p.records(i, j);
      }
      memberships[lists] += lists;
    }
    assertThat(p.records()).isGreaterThan((long) (memberships[1] + memberships[2]));
    double onOne = copies[1] / memberships[1];
    double onAll = copies[4] / memberships[4];
    assertThat(onOne).isGreaterThan(1.02);
    assertThat(onAll).isGreaterThan(onOne);
  }

  @ParameterizedTest
  @EnumSource(
      value = Family.class,
      names = {"DUPLICATES"},
      mode = EnumSource.Mode.EXCLUDE)
  void otherFamiliesHoldOneRecordPerPersonAndList(Family family) {
    FamilyPopulation p = FamilyGenerator.draw(family, 4, 10_000, 3);
    long memberships = 0;
    for (int m : p.histories().masks()) {
      memberships += Integer.bitCount(m);
    }
    assertThat(p.records()).isEqualTo(memberships);
  }

  /** The base chances 0.10–0.35 document between a quarter and nine tenths of everyone. */
  @Property(tries = 60)
  void sameSeedSamePopulationAndAPlausibleShareDocumented(
      @ForAll Family family,
      @ForAll @IntRange(min = 3, max = 6) int lists,
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    FamilyPopulation a = FamilyGenerator.draw(family, lists, 5_000, seed);
    assertThat(FamilyGenerator.draw(family, lists, 5_000, seed)).isEqualTo(a);
    assertThat(a.histories().population()).isEqualTo(5_000);
    assertThat(a.histories().lists()).hasSize(lists);
    double share = a.histories().observed() / 5_000.0;
    assertThat(share).isBetween(0.1, 0.95);
  }

  @Test
  void rejectsImpossibleRequests() {
    assertThatThrownBy(() -> FamilyGenerator.draw(Family.FATE, 1, 100, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FamilyGenerator.draw(Family.FATE, 3, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
