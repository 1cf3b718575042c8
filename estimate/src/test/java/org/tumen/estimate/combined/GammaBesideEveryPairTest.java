package org.tumen.estimate.combined;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.PatternRows;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.loglinear.LogLinear;

/**
 * The gamma component of the default beside an interaction for every pair of lists that share
 * people (docs/methods.md, "The gamma model beside every pair").
 */
class GammaBesideEveryPairTest {

  /**
   * {@code tumen simulate --population 100000 --seed 3}, linked with {@code tumen link --draws}
   * (lists china_detention, church_a, church_b, returnees, seoul_ngo; nobody on more than four):
   * the table as linked. Its best log-linear model has all ten pairs; the gamma column beside them
   * is fitted on one contrast and gave 61,022 where the average gives 106,172 and the same column
   * beside the true linkage's best model 93,990.
   */
  static final CaptureTable SIMULATED_100K =
      table(
          List.of("china_detention", "church_a", "church_b", "returnees", "seoul_ngo"),
          new String[] {
            "10000 5688",
            "01000 8239",
            "11000 762",
            "00100 6331",
            "10100 538",
            "01100 2789",
            "11100 258",
            "00010 2591",
            "10010 1084",
            "01010 370",
            "11010 227",
            "00110 283",
            "10110 157",
            "01110 153",
            "11110 133",
            "00001 3835",
            "01001 1191",
            "11001 1",
            "00101 900",
            "01101 762",
            "00011 2",
            "01011 11",
            "11011 1",
            "00111 8",
            "01111 5"
          });

  /**
   * korean-20k (../shared/data/external-lists/korean-20k, an independent generator) as linked: five
   * lists that all meet, people on one to five of them.
   */
  static final CaptureTable KOREAN_20K =
      table(
          List.of(
              "church_network",
              "intl_advocacy",
              "ngo_seoul_interviews",
              "returnee_reports",
              "shelter_yanbian"),
          new String[] {
            "10000 1266",
            "01000 942",
            "11000 160",
            "00100 1221",
            "10100 247",
            "01100 212",
            "11100 56",
            "00010 727",
            "10010 117",
            "01010 283",
            "11010 77",
            "00110 120",
            "10110 45",
            "01110 93",
            "11110 49",
            "00001 2350",
            "10001 1615",
            "01001 332",
            "11001 302",
            "00101 475",
            "10101 525",
            "01101 108",
            "11101 174",
            "00011 285",
            "10011 243",
            "01011 145",
            "11011 107",
            "00111 89",
            "10111 134",
            "01111 89",
            "11111 163"
          });

  @Test
  void withOneContrastTheGammaModelLeavesAPairOut() {
    LogLinear.Averaged a = LogLinear.averaged(SIMULATED_100K, 2);
    assertThat(a.topModel())
        .isEqualTo("Mt+[1,2]+[1,3]+[1,4]+[1,5]+[2,3]+[2,4]+[2,5]+[3,4]+[3,5]+[4,5]");
    assertThat(a.heterogeneityBase()).isNotEqualTo(a.topModel()).startsWith("Mt+");
    double average = a.estimate().estimate();
    PopulationEstimate besideTop = LogLinear.fit(SIMULATED_100K, "Mth-gamma3.5+" + pairs(a));
    PopulationEstimate gamma = Combined.heterogeneity(SIMULATED_100K, a.heterogeneityBase());
    // beside every pair the column swings to 61,022; beside the best model without one pair it
    // stays with the average
    assertThat(besideTop.estimate()).isLessThan(0.6 * average);
    assertThat(gamma.estimate()).isBetween(0.9 * average, 1.1 * average);
  }

  @Test
  void withTwoContrastsTheGammaModelKeepsTheBestModel() {
    LogLinear.Averaged a = LogLinear.averaged(KOREAN_20K, 2);
    assertThat(a.topModel())
        .isEqualTo("Mt+[1,2]+[1,3]+[1,4]+[1,5]+[2,3]+[2,4]+[2,5]+[3,4]+[3,5]+[4,5]");
    assertThat(a.heterogeneityBase()).isEqualTo(a.topModel());
  }

  private static String pairs(LogLinear.Averaged a) {
    return a.topModel().substring("Mt+".length());
  }

  static CaptureTable table(List<String> lists, String[] rows) {
    return PatternRows.table(lists, rows);
  }
}
