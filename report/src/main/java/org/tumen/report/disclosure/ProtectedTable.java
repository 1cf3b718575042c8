package org.tumen.report.disclosure;

import java.util.List;
import java.util.Objects;

/**
 * A count table after disclosure control: the true counts (which stay in the workspace) and, for
 * every cell of the extended grid ({@link CountGrid}: interior cells, row and column totals, grand
 * total), whether it is published or suppressed and why. {@link #published()} is what may leave.
 * Immutable.
 */
public final class ProtectedTable {

  private final CountGrid grid;
  private final DisclosureRules rules;
  private final CellStatus[][] status;

  ProtectedTable(CountGrid grid, DisclosureRules rules, CellStatus[][] status) {
    this.grid = Objects.requireNonNull(grid);
    this.rules = Objects.requireNonNull(rules);
    this.status = new CellStatus[status.length][];
    for (int r = 0; r < status.length; r++) {
      this.status[r] = status[r].clone();
    }
  }

  public CountGrid grid() {
    return grid;
  }

  public DisclosureRules rules() {
    return rules;
  }

  /**
   * The status of a cell of the extended grid (row {@code rows()} and column {@code columns()} are
   * totals).
   */
  public CellStatus status(int row, int column) {
    return status[row][column];
  }

  public boolean suppressed(int row, int column) {
    return status[row][column].suppressed();
  }

  /** What leaves the workspace: the counts of published cells, nothing for suppressed ones. */
  public PublishedTable published() {
    int m = grid.rows();
    int n = grid.columns();
    Long[][] values = new Long[m + 1][n + 1];
    for (int r = 0; r <= m; r++) {
      for (int c = 0; c <= n; c++) {
        values[r][c] = status[r][c].suppressed() ? null : grid.value(r, c);
      }
    }
    return new PublishedTable(
        grid.rowDimension(), grid.columnDimension(), grid.rowLabels(), grid.columnLabels(), values);
  }

  /** How many cells of the extended grid have this status. */
  public int count(CellStatus s) {
    int k = 0;
    for (CellStatus[] row : status) {
      for (CellStatus x : row) {
        if (x == s) {
          k++;
        }
      }
    }
    return k;
  }

  /** How many interior cells (not totals) are suppressed. */
  public int suppressedCells() {
    int k = 0;
    for (int r = 0; r < grid.rows(); r++) {
      for (int c = 0; c < grid.columns(); c++) {
        if (status[r][c].suppressed()) {
          k++;
        }
      }
    }
    return k;
  }

  /**
   * The sum of the suppressed interior cells: how much of the table's total a reader cannot place.
   */
  public long suppressedTotal() {
    long k = 0;
    for (int r = 0; r < grid.rows(); r++) {
      for (int c = 0; c < grid.columns(); c++) {
        if (status[r][c].suppressed()) {
          k += grid.value(r, c);
        }
      }
    }
    return k;
  }

  /** {@link #suppressedTotal()} as a share of the grand total (0 for an empty table). */
  public double suppressedShare() {
    long total = grid.total();
    return total == 0 ? 0 : (double) suppressedTotal() / total;
  }

  /** The attacker's bounds on every suppressed cell, from the published table alone. */
  public List<Bounds> audit() {
    return Attacker.bounds(published());
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (int r = 0; r <= grid.rows(); r++) {
      for (int c = 0; c <= grid.columns(); c++) {
        String mark =
            switch (status[r][c]) {
              case PUBLISHED -> "";
              case PRIMARY -> "*";
              case COMPLEMENTARY -> "+";
            };
        s.append(c == 0 ? "" : "\t").append(grid.value(r, c)).append(mark);
      }
      s.append('\n');
    }
    return s.toString();
  }
}
