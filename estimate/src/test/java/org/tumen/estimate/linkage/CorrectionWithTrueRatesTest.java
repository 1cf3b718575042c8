package org.tumen.estimate.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.PatternRows;

/**
 * The correction on a real linkage (docs/methods.md, "Where the rest of the gap is"): {@code tumen
 * simulate --population 100000 --seed 4}, linked with {@code tumen link --draws}. Given the rates
 * counted from the simulator's truth, the correction recovers the people seen; given the rates the
 * linker expects from its own pair probabilities, it removes 1,455 people too many. So the count's
 * error at this size is in the rates, not in the map that undoes them.
 */
class CorrectionWithTrueRatesTest {
  static final List<String> LISTS =
      List.of("china_detention", "church_a", "church_b", "returnees", "seoul_ngo");

  /** The clusters' table (36,204 people seen as linked). */
  static final CaptureTable AS_LINKED =
      table(
          "10000 5683",
          "01000 8118",
          "11000 733",
          "00100 6343",
          "10100 535",
          "01100 2815",
          "11100 284",
          "00010 2602",
          "10010 1060",
          "01010 371",
          "11010 272",
          "00110 302",
          "10110 148",
          "01110 118",
          "11110 150",
          "00001 3740",
          "01001 1219",
          "00101 897",
          "01101 797",
          "00011 1",
          "01011 6",
          "00111 6",
          "01111 4");

  /** The table of the true people (35,573 seen). */
  static final CaptureTable TRUE =
      table(
          "10000 5315",
          "01000 7892",
          "11000 796",
          "00100 6001",
          "10100 602",
          "01100 2957",
          "11100 291",
          "00010 2457",
          "10010 1165",
          "01010 356",
          "11010 309",
          "00110 301",
          "10110 177",
          "01110 115",
          "11110 160",
          "00001 3754",
          "01001 1170",
          "00101 928",
          "01101 827");

  /**
   * Counted against truth.csv: true record pairs, those in different clusters, and records not of
   * their cluster's most common person (charged to their list and that person's list); upper
   * triangle, list order as {@link #LISTS}, the diagonal within a list.
   */
  static final LinkageErrorRates TRUE_RATES =
      rates(
          new double[][] {
            {527, 1687, 1354, 1965, 0},
            {0, 454, 4659, 974, 2113},
            {0, 0, 477, 787, 1861},
            {0, 0, 0, 99, 0},
            {0, 0, 0, 0, 133}
          },
          new double[][] {
            {133, 313, 305, 371, 0},
            {0, 77, 555, 140, 111},
            {0, 0, 109, 139, 180},
            {0, 0, 0, 22, 0},
            {0, 0, 0, 0, 1}
          },
          new double[][] {
            {41, 138, 89, 124, 0},
            {0, 64, 324, 109, 108},
            {0, 0, 40, 78, 77},
            {0, 0, 0, 18, 2},
            {0, 0, 0, 0, 4}
          });

  /** The same run's d.errors.json: what the linker expects from its own pair probabilities. */
  static final LinkageErrorRates LINKER_RATES =
      rates(
          new double[][] {
            {633, 1954, 1596, 1907, 0},
            {0, 632, 4899, 1174, 2408},
            {0, 0, 706, 966, 2104},
            {0, 0, 0, 149, 32},
            {0, 0, 0, 0, 187}
          },
          new double[][] {
            {185.9, 465.7, 434.6, 254.0, 0},
            {0, 212.7, 698.0, 256.6, 328.5},
            {0, 0, 285.5, 255.0, 356.9},
            {0, 0, 0, 54.2, 14.6},
            {0, 0, 0, 0, 47.6}
          },
          new double[][] {
            {35.1, 75.8, 70.3, 126.0, 0},
            {0, 22.2, 259.9, 51.5, 64.1},
            {0, 0, 22.3, 52.4, 65.4},
            {0, 0, 0, 6.1, 0.4},
            {0, 0, 0, 0, 3.0}
          });

  @Test
  void withTheTrueRatesTheCorrectionRecoversThePeopleSeen() {
    CaptureTable corrected = CaptureCorrection.correct(AS_LINKED, TRUE_RATES).table();
    assertThat((double) corrected.observed()).isCloseTo(TRUE.observed(), within(36.0));
    for (int i = 0; i < LISTS.size(); i++) {
      int alone = 1 << i;
      assertThat((double) corrected.count(alone))
          .as("%s alone", LISTS.get(i))
          .isCloseTo(TRUE.count(alone), within(0.02 * TRUE.count(alone)));
    }
  }

  @Test
  void theLinkersRatesNotTheMapMoveTheCount() {
    long truth = TRUE.observed();
    long withTrueRates = CaptureCorrection.correct(AS_LINKED, TRUE_RATES).table().observed();
    long withLinkerRates = CaptureCorrection.correct(AS_LINKED, LINKER_RATES).table().observed();
    assertThat(truth - withLinkerRates).isGreaterThan(1_000);
    assertThat(Math.abs(withTrueRates - truth)).isLessThan((truth - withLinkerRates) / 20);
  }

  private static CaptureTable table(String... rows) {
    return PatternRows.table(LISTS, rows);
  }

  private static LinkageErrorRates rates(double[][] matches, double[][] missed, double[][] falses) {
    return new LinkageErrorRates(LISTS, symmetric(matches), symmetric(missed), symmetric(falses));
  }

  private static double[][] symmetric(double[][] upper) {
    int k = upper.length;
    double[][] out = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        out[i][j] = upper[i][j];
        out[j][i] = upper[i][j];
      }
    }
    return out;
  }
}
