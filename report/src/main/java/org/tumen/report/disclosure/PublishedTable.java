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
  private final boolean[][] absent;

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
    this(rowDimension, columnDimension, rowLabels, columnLabels, values, null);
  }

  /**
   * A table that does not show all its totals (a one-way table has no column of row totals; some
   * tables have no totals row): an absent total is unknown to the attacker like a suppressed one,
   * but it was never hidden, so {@link Attacker} does not audit it.
   *
   * @param absent where {@code true}, the cell (a total) is not part of the published table; its
   *     value must be {@code null}
   */
  public static PublishedTable withAbsentTotals(
      String rowDimension,
      String columnDimension,
      List<String> rowLabels,
      List<String> columnLabels,
      Long[][] values,
      boolean[][] absent) {
    return new PublishedTable(
        rowDimension, columnDimension, rowLabels, columnLabels, values, absent);
  }

  private PublishedTable(
      String rowDimension,
      String columnDimension,
      List<String> rowLabels,
      List<String> columnLabels,
      Long[][] values,
      boolean[][] absent) {
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
    this.absent = new boolean[values.length][columnLabels.size() + 1];
    if (absent != null) {
      for (int r = 0; r < values.length; r++) {
        for (int c = 0; c <= columnLabels.size(); c++) {
          if (absent[r][c]) {
            boolean total = r == rowLabels.size() || c == columnLabels.size();
            if (!total || values[r][c] != null) {
              throw new IllegalArgumentException("only a total can be absent, and it has no value");
            }
            this.absent[r][c] = true;
          }
        }
      }
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

  /** Whether a cell was hidden (not merely absent from the table). */
  public boolean suppressed(int row, int column) {
    return values[row][column] == null && !absent[row][column];
  }

  /** Whether a total is not part of the published table at all. */
  public boolean absent(int row, int column) {
    return absent[row][column];
  }

  /** How many cells of the extended grid are suppressed. */
  public int suppressedCount() {
    int n = 0;
    for (int r = 0; r < values.length; r++) {
      for (int c = 0; c < values[r].length; c++) {
        if (suppressed(r, c)) {
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
        String v = absent[r][c] ? "." : values[r][c] == null ? "x" : values[r][c].toString();
        s.append(c == 0 ? "" : "\t").append(v);
      }
      s.append('\n');
    }
    return s.toString();
  }
}
