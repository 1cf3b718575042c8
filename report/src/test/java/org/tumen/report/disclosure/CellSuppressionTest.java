package org.tumen.report.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Suppression on known tables, each worked by hand: the classic cases of Cox (1980) and Hundepool
 * et al. (2012, §4.2) — a lone suppression is recoverable from its row total, two in one row are
 * recoverable from the column, the 2x2 rectangle is the smallest safe pattern — then a row of small
 * cells, small margins, and a table too small to publish at all.
 */
class CellSuppressionTest {

  private static final DisclosureRules FIVE = DisclosureRules.defaults();

  /** Rows r0..r2, columns c0..c2; only (0,1) = 3 is small. */
  private static final long[][] ONE_SMALL = {
    {20, 3, 15},
    {18, 25, 30},
    {12, 40, 9}
  };

  private static PublishedTable hide(long[][] cells, int[]... hidden) {
    CountGrid g = CountGrid.of(cells);
    Long[][] values = new Long[g.rows() + 1][g.columns() + 1];
    for (int r = 0; r <= g.rows(); r++) {
      for (int c = 0; c <= g.columns(); c++) {
        values[r][c] = g.value(r, c);
      }
    }
    for (int[] h : hidden) {
      values[h[0]][h[1]] = null;
    }
    return new PublishedTable("row", "column", g.rowLabels(), g.columnLabels(), values);
  }

  private static Bounds boundsOf(List<Bounds> all, int row, int column) {
    return all.stream()
        .filter(b -> b.row() == row && b.column() == column)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aLoneSuppressedCellIsRecoveredFromItsRowTotal() {
    Bounds b = boundsOf(Attacker.bounds(hide(ONE_SMALL, new int[] {0, 1})), 0, 1);
    assertThat(b.exact()).isTrue();
    assertThat(b.min()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void twoSuppressedCellsInOneRowAreRecoveredFromTheirColumns() {
    List<Bounds> all = Attacker.bounds(hide(ONE_SMALL, new int[] {0, 1}, new int[] {0, 0}));
    assertThat(boundsOf(all, 0, 1).width()).isZero();
    assertThat(boundsOf(all, 0, 0).width()).isZero();
  }

  @Test
  void theRectangleHidesEachCornerWithinTheRoomOfItsMove() {
    // +d at (0,1) and (1,0), -d at (0,0) and (1,1): d from -min(3, 18) to +min(20, 25)
    List<Bounds> all =
        Attacker.bounds(
            hide(
                ONE_SMALL, new int[] {0, 1}, new int[] {0, 0}, new int[] {1, 0}, new int[] {1, 1}));
    assertThat(all).hasSize(4).allSatisfy(b -> assertThat(b.width()).isEqualTo(23));
    assertThat(boundsOf(all, 0, 1).min()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(boundsOf(all, 0, 1).max()).isCloseTo(23, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void oneSmallCellCostsTheCheapestSafeRectangle() {
    // through (0,1): with (0,0),(1,0),(1,1) the hidden cells cost 21+19+26 = 66; the other three
    // rectangles cost 67, 73 and 75, and any rectangle using a total costs ten times more
    ProtectedTable t = CellSuppression.protect(CountGrid.of(ONE_SMALL), FIVE);
    assertThat(suppressedCells(t)).containsExactlyInAnyOrder("0,0", "0,1", "1,0", "1,1");
    assertThat(t.status(0, 1)).isEqualTo(CellStatus.PRIMARY);
    assertThat(t.status(1, 1)).isEqualTo(CellStatus.COMPLEMENTARY);
    assertThat(t.suppressedTotal()).isEqualTo(3 + 20 + 18 + 25);
    assertThat(t.audit()).allSatisfy(b -> assertThat(b.width()).isEqualTo(23));
  }

  @Test
  void aRectangleWhoseMoveIsTooNarrowIsNotEnough() {
    // (0,1)=1 with partners 2 and 3: any rectangle through the two small cells of row 1 moves by at
    // most 1 + 2 < 5, so the pattern must reach the large cells
    long[][] cells = {
      {30, 1, 40},
      {2, 3, 50},
      {25, 35, 45}
    };
    ProtectedTable t = CellSuppression.protect(CountGrid.of(cells), FIVE);
    assertSafe(t);
    assertThat(t.status(0, 1)).isEqualTo(CellStatus.PRIMARY);
    assertThat(t.status(1, 0)).isEqualTo(CellStatus.PRIMARY);
    assertThat(t.status(1, 1)).isEqualTo(CellStatus.PRIMARY);
  }

  @Test
  void aRowOfSmallCellsAndItsSmallTotalAreAllHidden() {
    long[][] cells = {
      {1, 2, 1},
      {10, 12, 9},
      {8, 11, 14}
    };
    ProtectedTable t = CellSuppression.protect(CountGrid.of(cells), FIVE);
    assertSafe(t);
    for (int c = 0; c <= 3; c++) {
      assertThat(t.status(0, c)).isEqualTo(CellStatus.PRIMARY); // 1, 2, 1 and the total 4
    }
    assertThat(t.status(3, 3)).isEqualTo(CellStatus.PUBLISHED); // the grand total stays
  }

  @Test
  void smallColumnTotalsAreProtectedLikeCells() {
    long[][] cells = {
      {2, 30, 12},
      {1, 22, 17},
      {0, 19, 25}
    };
    ProtectedTable t = CellSuppression.protect(CountGrid.of(cells), FIVE);
    assertSafe(t);
    assertThat(t.status(3, 0)).isEqualTo(CellStatus.PRIMARY); // column total 3
    assertThat(t.status(2, 0)).isEqualTo(CellStatus.PUBLISHED); // a zero is not sensitive
  }

  @Test
  void zerosAreProtectedWhenTheRulesSaySo() {
    long[][] cells = {
      {0, 30, 12},
      {14, 22, 17},
      {20, 19, 25}
    };
    assertThat(CellSuppression.protect(CountGrid.of(cells), FIVE).count(CellStatus.PRIMARY))
        .isZero();
    ProtectedTable t = CellSuppression.protect(CountGrid.of(cells), FIVE.withZerosSensitive(true));
    assertThat(t.status(0, 0)).isEqualTo(CellStatus.PRIMARY);
    assertSafe(t);
  }

  @Test
  void aTableWhoseTotalIsSmallIsHiddenWhole() {
    ProtectedTable t = CellSuppression.protect(CountGrid.of(new long[][] {{1, 2}, {0, 1}}), FIVE);
    for (int r = 0; r <= 2; r++) {
      for (int c = 0; c <= 2; c++) {
        // only the zero may stay: it tells nothing, and the rest still moves by 5 or more
        assertThat(t.suppressed(r, c)).isEqualTo(t.grid().value(r, c) > 0);
      }
    }
    assertSafe(t);
  }

  @Test
  void aTableWithoutSmallCellsIsPublishedAsItIs() {
    ProtectedTable t = CellSuppression.protect(CountGrid.of(new long[][] {{5, 9}, {12, 7}}), FIVE);
    assertThat(t.count(CellStatus.PUBLISHED)).isEqualTo(9);
    assertThat(t.audit()).isEmpty();
  }

  @Test
  void theThresholdIsTheRules() {
    long[][] cells = {{7, 30}, {40, 50}};
    assertThat(CellSuppression.protect(CountGrid.of(cells), FIVE).suppressedCells()).isZero();
    ProtectedTable ten =
        CellSuppression.protect(CountGrid.of(cells), DisclosureRules.threshold(10));
    assertThat(ten.status(0, 0)).isEqualTo(CellStatus.PRIMARY);
    assertThat(ten.audit()).allSatisfy(b -> assertThat(b.width()).isGreaterThanOrEqualTo(10));
  }

  static void assertSafe(ProtectedTable t) {
    assertThat(t.audit())
        .allSatisfy(b -> assertThat(b.width()).isGreaterThanOrEqualTo(t.rules().threshold()));
    for (int r = 0; r <= t.grid().rows(); r++) {
      for (int c = 0; c <= t.grid().columns(); c++) {
        if (t.rules().isSensitive(t.grid().value(r, c))) {
          assertThat(t.status(r, c)).isEqualTo(CellStatus.PRIMARY);
        }
      }
    }
  }

  private static List<String> suppressedCells(ProtectedTable t) {
    List<String> out = new ArrayList<>();
    for (int r = 0; r <= t.grid().rows(); r++) {
      for (int c = 0; c <= t.grid().columns(); c++) {
        if (t.suppressed(r, c)) {
          out.add(r + "," + c);
        }
      }
    }
    return out;
  }
}
