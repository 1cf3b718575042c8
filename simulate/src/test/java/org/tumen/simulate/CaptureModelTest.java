package org.tumen.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaptureModelTest {

  @Test
  void listSizesAreWithinFourStandardDeviationsOfTheModel() {
    Scenario s = Scenario.defaults();
    int n = 20_000;
    CaptureHistories h = Simulator.captureHistories(s, n, 11);
    for (int j = 0; j < s.lists().size(); j++) {
      double q = CaptureModel.marginal(s, j);
      int bit = 1 << j;
      long seen = java.util.Arrays.stream(h.masks()).filter(m -> (m & bit) != 0).count();
      double sd = Math.sqrt(n * q * (1 - q));
      assertThat((double) seen)
          .as("list %s: expected %.0f", s.listNames().get(j), n * q)
          .isBetween(n * q - 4 * sd, n * q + 4 * sd);
    }
  }

  @Test
  void latentClassesReplaceTheNormalCatchability() throws Exception {
    Scenario d = Scenario.defaults();
    Scenario s =
        d.withCatchabilityClasses(
            java.util.List.of(
                new Scenario.CatchabilityClass(0.8, -1.0),
                new Scenario.CatchabilityClass(0.2, 1.5)));
    assertThat(s.catchabilityClasses()).hasSize(2);
    int n = 20_000;
    CaptureHistories h = Simulator.captureHistories(s, n, 11);
    for (int j = 0; j < s.lists().size(); j++) {
      double q = CaptureModel.marginal(s, j);
      assertThat(q)
          .isNotCloseTo(CaptureModel.marginal(d, j), org.assertj.core.data.Offset.offset(1e-3));
      int bit = 1 << j;
      long seen = java.util.Arrays.stream(h.masks()).filter(m -> (m & bit) != 0).count();
      double sd = Math.sqrt(n * q * (1 - q));
      assertThat((double) seen).isBetween(n * q - 4 * sd, n * q + 4 * sd);
    }
  }

  @Test
  void listsOnlySeeTheirFates() {
    Scenario s = Scenario.defaults();
    PopulationGenerator people = new PopulationGenerator(s, 3);
    CaptureModel capture = new CaptureModel(s, 3);
    for (int i = 0; i < 20_000; i++) {
      Person p = people.next();
      int m = capture.draw(p);
      for (int j = 0; j < s.lists().size(); j++) {
        if ((m & (1 << j)) != 0) {
          assertThat(s.lists().get(j).sees()).contains(p.fate());
        }
      }
    }
  }

  @Test
  void churchNetworksArePositivelyDependent() {
    Scenario s = Scenario.defaults();
    int n = 20_000;
    long[] c = Simulator.captureHistories(s, n, 5).patternCounts();
    // Lists 0 and 1 (church_a, church_b): the odds ratio of the 2x2 table (over all other lists)
    // is well above 1 because both load on network contact and on catchability.
    long both = 0, onlyA = 0, onlyB = 0, neither = 0;
    for (int m = 0; m < c.length; m++) {
      boolean a = (m & 1) != 0, b = (m & 2) != 0;
      if (a && b) both += c[m];
      else if (a) onlyA += c[m];
      else if (b) onlyB += c[m];
      else neither += c[m];
    }
    double oddsRatio = (double) both * neither / ((double) onlyA * onlyB);
    assertThat(oddsRatio).isGreaterThan(3);
  }

  @Test
  void sameSeedSameHistoriesAndPrefixListsAgree() {
    Scenario s = Scenario.defaults();
    CaptureHistories all = Simulator.captureHistories(s, 5000, 9);
    assertThat(Simulator.captureHistories(s, 5000, 9)).isEqualTo(all);
    CaptureHistories two = Simulator.captureHistories(s.firstLists(2), 5000, 9);
    int[] expected =
        java.util.Arrays.stream(all.masks()).map(m -> m & 3).filter(m -> m != 0).toArray();
    assertThat(two.masks()).containsExactly(expected);
  }
}
