package org.tumen.report.disclosure;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A table as it leaves the workspace: labels, and for every cell of the extended grid (see {@link
 * CountGrid}) either its count or nothing when it is suppressed. This is all an attacker has;
 * {@link Attacker} works on it, and {@link PublicationCheck} rebuilds it from the published CSV or
 * HTML. Immutable.
 */
public final class PublishedTable {

  private final String rowDimension;
  private final String columnDimension;
  private final List<String> rowLabels;
  private final List<String> columnLabels;
  private final Long[][] values;

  /**
   * @param values the extended grid, {@code (rows + 1) x (columns + 1)}, {@code null} where a cell
   *     is suppressed
   */
  public PublishedTable(
      String rowDimension,
      String columnDimension,
      List<String> rowLabels,
      List<String> columnLabels,
      Long[][] values) {
    this.rowDimension = Objects.requireNonNull(rowDimension);
    this.columnDimension = Objects.requireNonNull(columnDimension);
    this.rowLabels = List.copyOf(rowLabels);
    this.columnLabels = List.copyOf(columnLabels);
    if (values.length != rowLabels.size() + 1) {
      throw new IllegalArgumentException("a published table has one row more than its labels");
    }
    this.values = new Long[values.length][];
    for (int r = 0; r < values.length; r++) {
      if (values[r].length != columnLabels.size() + 1) {
        throw new IllegalArgumentException(
            "a published table has one column more than its labels (row " + r + ")");
      }
      for (Long v : values[r]) {
        if (v != null && v < 0) {
          throw new IllegalArgumentException("negative published count " + v);
        }
      }
      this.values[r] = values[r].clone();
    }
  }

  public String rowDimension() {
    return rowDimension;
  }

  public String columnDimension() {
    return columnDimension;
  }

  public List<String> rowLabels() {
    return rowLabels;
  }

  public List<String> columnLabels() {
    return columnLabels;
  }

  public int rows() {
    return rowLabels.size();
  }

  public int columns() {
    return columnLabels.size();
  }

  /** The published count of a cell of the extended grid, empty when it is suppressed. */
  public OptionalLong value(int row, int column) {
    Long v = values[row][column];
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  public boolean suppressed(int row, int column) {
    return values[row][column] == null;
  }

  /** How many cells of the extended grid are suppressed. */
  public int suppressedCount() {
    int n = 0;
    for (Long[] row : values) {
      for (Long v : row) {
        if (v == null) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * The table as linear relations for the attacker: one unknown per cell of the extended grid, each
   * row and each column summing to its total.
   */
  LinearSystem asLinearSystem() {
    int m = rows();
    int n = columns();
    LinearSystem.Builder b = new LinearSystem.Builder((m + 1) * (n + 1));
    for (int r = 0; r <= m; r++) {
      for (int c = 0; c <= n; c++) {
        Long v = values[r][c];
        if (v != null) {
          b.known(r * (n + 1) + c, v);
        }
      }
    }
    for (int r = 0; r <= m; r++) {
      int[] cells = new int[n + 1];
      double[] coef = new double[n + 1];
      for (int c = 0; c <= n; c++) {
        cells[c] = r * (n + 1) + c;
        coef[c] = c == n ? -1 : 1;
      }
      b.relation(cells, coef);
    }
    for (int c = 0; c <= n; c++) {
      int[] cells = new int[m + 1];
      double[] coef = new double[m + 1];
      for (int r = 0; r <= m; r++) {
        cells[r] = r * (n + 1) + c;
        coef[r] = r == m ? -1 : 1;
      }
      b.relation(cells, coef);
    }
    return b.build();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (int r = 0; r <= rows(); r++) {
      for (int c = 0; c <= columns(); c++) {
        s.append(c == 0 ? "" : "\t").append(values[r][c] == null ? "x" : values[r][c]);
      }
      s.append('\n');
    }
    return s.toString();
  }
}
