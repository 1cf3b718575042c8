package org.tumen.report.disclosure;

import java.util.List;
import java.util.Objects;

/**
 * A two-way table of counts with its margins: row labels, column labels and non-negative cells. The
 * margins (row totals, column totals, the grand total) are the sums of the cells, so a published
 * table is always additive and the attacker of {@link Attacker} knows exactly these relations.
 *
 * <p>Cells are addressed in the <em>extended</em> grid: rows {@code 0..rows()-1} and the totals row
 * {@code rows()}, columns {@code 0..columns()-1} and the totals column {@code columns()}; so {@code
 * value(rows(), columns())} is the grand total. Immutable.
 *
 * @param rowDimension what the rows are, e.g. {@code "province"} (for CSV headers and HXL tags)
 * @param columnDimension what the columns are, e.g. {@code "act type"}
 */
public record CountGrid(
    String rowDimension,
    String columnDimension,
    List<String> rowLabels,
    List<String> columnLabels,
    long[][] cells) {

  public CountGrid {
    Objects.requireNonNull(rowDimension);
    Objects.requireNonNull(columnDimension);
    rowLabels = List.copyOf(rowLabels);
    columnLabels = List.copyOf(columnLabels);
    if (cells.length != rowLabels.size()) {
      throw new IllegalArgumentException(
          cells.length + " rows of cells for " + rowLabels.size() + " row labels");
    }
    long[][] copy = new long[cells.length][];
    for (int r = 0; r < cells.length; r++) {
      if (cells[r].length != columnLabels.size()) {
        throw new IllegalArgumentException(
            "row "
                + rowLabels.get(r)
                + " has "
                + cells[r].length
                + " cells for "
                + columnLabels.size()
                + " columns");
      }
      for (long v : cells[r]) {
        if (v < 0) {
          throw new IllegalArgumentException("negative count " + v + " in row " + rowLabels.get(r));
        }
      }
      copy[r] = cells[r].clone();
    }
    cells = copy;
  }

  /** A grid with unnamed dimensions. */
  public static CountGrid of(List<String> rowLabels, List<String> columnLabels, long[][] cells) {
    return new CountGrid("row", "column", rowLabels, columnLabels, cells);
  }

  /** A grid labelled r0, r1 … and c0, c1 … (tests and benchmarks). */
  public static CountGrid of(long[][] cells) {
    int columns = cells.length == 0 ? 0 : cells[0].length;
    return of(labels("r", cells.length), labels("c", columns), cells);
  }

  private static List<String> labels(String prefix, int n) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      out[i] = prefix + i;
    }
    return List.of(out);
  }

  public int rows() {
    return rowLabels.size();
  }

  public int columns() {
    return columnLabels.size();
  }

  /** A cell of the extended grid: an interior cell, a row or column total or the grand total. */
  public long value(int row, int column) {
    boolean totalRow = row == rows();
    boolean totalColumn = column == columns();
    if (!totalRow && !totalColumn) {
      return cells[row][column];
    }
    long sum = 0;
    for (int r = 0; r < rows(); r++) {
      for (int c = 0; c < columns(); c++) {
        if ((totalRow || r == row) && (totalColumn || c == column)) {
          sum += cells[r][c];
        }
      }
    }
    return sum;
  }

  public long rowTotal(int row) {
    return value(row, columns());
  }

  public long columnTotal(int column) {
    return value(rows(), column);
  }

  public long total() {
    return value(rows(), columns());
  }

  /** The cells as a new array. */
  @Override
  public long[][] cells() {
    long[][] copy = new long[cells.length][];
    for (int r = 0; r < cells.length; r++) {
      copy[r] = cells[r].clone();
    }
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CountGrid g
        && rowDimension.equals(g.rowDimension)
        && columnDimension.equals(g.columnDimension)
        && rowLabels.equals(g.rowLabels)
        && columnLabels.equals(g.columnLabels)
        && java.util.Arrays.deepEquals(cells, g.cells);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rowLabels, columnLabels, java.util.Arrays.deepHashCode(cells));
  }

  @Override
  public String toString() {
    return "CountGrid["
        + rows()
        + " "
        + rowDimension
        + " x "
        + columns()
        + " "
        + columnDimension
        + ", total "
        + total()
        + "]";
  }
}
