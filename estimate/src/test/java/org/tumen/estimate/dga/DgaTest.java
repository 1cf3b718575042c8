package org.tumen.estimate.dga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.MseData;
import org.tumen.estimate.PopulationEstimate;

class DgaTest {
  private static CaptureTable table(long... counts) {
    int k = Integer.numberOfTrailingZeros(counts.length);
    List<String> names = List.of("a", "b", "c", "d", "e", "f").subList(0, k);
    return new CaptureTable(names, counts);
  }

  @Test
  void namesTheMethodAndTheDelta() {
    PopulationEstimate e = Dga.estimate(table(0, 60, 49, 4, 247, 112, 142, 12));
    assertThat(e.method()).isEqualTo("dga");
    assertThat(e.model()).isEqualTo("decomposable BMA δ=0.125");
    assertThat(e.diagnostics().convergence()).containsEntry("graphs", 8).containsKey("topGraphs");
  }

  /**
   * A list that shares no one with another says nothing about how many it missed. R's dga still
   * answers (292, 96–5,286 on SparseMSE's Artificial_3, whose third list overlaps nothing), from
   * its prior; we give no number and say why.
   */
  @Test
  void aListThatOverlapsNoOtherGivesNoNumber() {
    PopulationEstimate e = Dga.estimate(table(0, 40, 30, 6, 20, 0, 0, 0));
    assertThat(e.isEstimable()).isFalse();
    assertThat(e.diagnostics().inestimable()).contains("list 'c' shares no one");
  }

  @Test
  void moreListsThanEnumeratedGiveNoNumberWithTheReason() {
    long[] six = new long[64];
    java.util.Arrays.fill(six, 1, 64, 5);
    PopulationEstimate e = Dga.estimate(table(six));
    assertThat(e.isEstimable()).isFalse();
    assertThat(e.diagnostics().inestimable()).contains("3 to 5 lists; this table has 6");
    assertThat(Dga.estimate(table(0, 10, 10, 5)).diagnostics().inestimable()).contains("has 2");
  }

  /**
   * Madigan & York's (1997) 3-list example, which dga's documentation runs with δ = 1, is dense
   * enough that halving or doubling δ hardly moves the median. Hepatitis A in Taiwan (Chao et al.
   * 2001) has a posterior that falls as u^−1.875 at δ = 1/8 and too slowly to be proper at 1/16.
   */
  @Test
  void warnsOnlyWhenThePriorMovesTheAnswer() {
    PopulationEstimate dense = Dga.estimate(table(0, 60, 49, 4, 247, 112, 142, 12), 1);
    assertThat(dense.diagnostics().warnings()).isEmpty();
    PopulationEstimate sparse = Dga.estimate(MseData.table("hepatitis_a_taiwan"));
    assertThat(sparse.isEstimable()).isTrue();
    assertThat(sparse.diagnostics().warnings())
        .anySatisfy(w -> assertThat(w).contains("with δ halved or doubled"));
  }

  @Test
  void refusesADeltaThatIsNotPositive() {
    CaptureTable t = table(0, 60, 49, 4, 247, 112, 142, 12);
    assertThatThrownBy(() -> Dga.estimate(t, 0)).hasMessageContaining("delta must be positive");
    assertThatThrownBy(() -> Dga.estimate(t, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
