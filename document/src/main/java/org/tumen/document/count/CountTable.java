package org.tumen.document.count;

import java.util.List;

/**
 * A counting table: what it counts, by which dimensions, its rows and its total.
 *
 * @param counts what is counted, in words ({@link Unit#description()})
 * @param note how rows relate to the total
 */
public record CountTable(
    Unit unit, List<String> dimensions, String counts, String note, List<Row> rows, Row total) {

  /**
   * One row: its key (one value per dimension), the count, and how many distinct sources support
   * what it counts.
   */
  public record Row(List<String> key, long count, long sources) {
    public Row {
      key = List.copyOf(key);
    }
  }

  public CountTable {
    dimensions = List.copyOf(dimensions);
    rows = List.copyOf(rows);
  }
}
