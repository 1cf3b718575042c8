package org.tumen.estimate.loglinear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.MseData;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.model.BadInputException;

class SelectionTest {

  /**
   * 2^C(K,2) order-2 models: 64 at four lists, 32,768 at six; 6,212 hierarchical order-3 at five.
   */
  @Test
  void enumeratesEveryHierarchicalModel() {
    assertThat(Selection.enumerate(4, 2)).hasSize(64);
    assertThat(Selection.enumerate(6, 2)).hasSize(32_768);
    assertThat(Selection.enumerate(5, 3)).hasSize(6_212);
    assertThat(Selection.enumerate(3, 3)).hasSize(9);
    assertThat(Selection.enumerate(4, 1)).hasSize(1);
  }

  /** The chosen model has the lowest AIC of all 64: checked against fitting each one. */
  @Test
  void exhaustiveSearchFindsTheLowestCriterion() {
    CaptureTable hiv = MseData.table("hiv_rome");
    double[] y = LogLinear.counts(hiv);
    Selection.Result r = new Selection(4, Criterion.AIC, 2).select(y);
    double lowest = Double.POSITIVE_INFINITY;
    for (Model m : Selection.enumerate(4, 2)) {
      Fit f = new Fitter().fit(m, y, null);
      if (f.estimable()) {
        lowest = Math.min(lowest, f.aic());
      }
    }
    assertThat(r.compared()).isEqualTo(64);
    assertThat(r.best().aic()).isEqualTo(lowest);
    // Baillargeon & Rivest (2007) §2.2 keep Mt+[1,2] by hand; its AIC 86.65 is at most 2 above
    // ours.
    assertThat(r.best().aic()).isBetween(86.64962 - 2, 86.64962);
  }

  /** artificial_3_sparse.md: only estimable models compete (AB alone has no MLE). */
  @Test
  void neverChoosesAnInestimableModel() {
    PopulationEstimate e =
        LogLinear.select(MseData.table("artificial_3_sparse"), Criterion.AIC, 2, 0, 1);
    assertThat(e.isEstimable()).isTrue();
    assertThat(e.model()).isIn("Mt", "Mt+[1,3]", "Mt+[2,3]", "Mt+[1,3]+[2,3]");
  }

  /** Above six lists the search is stepwise; on a table with independent lists it stays near Mt. */
  @Test
  void stepwiseAboveSixLists() {
    int k = 7;
    long[] counts = new long[1 << k];
    double total = 20_000;
    double[] p = {0.3, 0.25, 0.2, 0.35, 0.15, 0.22, 0.28};
    for (int pattern = 1; pattern < counts.length; pattern++) {
      double prob = 1;
      for (int i = 0; i < k; i++) {
        prob *= (pattern >> i & 1) == 1 ? p[i] : 1 - p[i];
      }
      counts[pattern] = Math.round(total * prob);
    }
    CaptureTable t = new CaptureTable(List.of("a", "b", "c", "d", "e", "f", "g"), counts);
    PopulationEstimate e = LogLinear.select(t, Criterion.BIC, 2, 0, 1);
    assertThat(e.diagnostics().convergence()).containsEntry("search", "stepwise");
    assertThat(e.estimate()).isCloseTo(total, within(0.01 * total));
  }

  @Test
  void rejectsOrderThreeAboveFiveLists() {
    assertThatThrownBy(() -> new Selection(6, Criterion.AIC, 3))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--max-order");
  }
}
