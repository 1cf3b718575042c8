package org.tumen.report.publication;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A counting table as it may leave the workspace: every cell has passed disclosure control, so a
 * cell holds either its count or nothing (suppressed), never a count that could identify a person.
 *
 * @param id a stable id, by which a story refers to the table ({@code acts-by-act-type})
 * @param unit what is counted: {@code victims}, {@code acts}, {@code events} or {@code sources}
 * @param rule the counting rule, in words, printed on the table
 * @param dimension the rows' header ({@code act type}, {@code year}, {@code place (region)})
 * @param rows the rows, in order
 * @param total the total of the table, or suppressed
 * @param protection how the table was protected
 */
public record PublishedTable(
    String id,
    String unit,
    String rule,
    String dimension,
    List<Row> rows,
    Cell total,
    Protection protection) {

  /**
   * How a table was protected: the threshold below which a count is not published, how many cells
   * were suppressed because they were small, and how many more so that none can be worked out.
   */
  public record Protection(
      int threshold, int primary, int complementary, java.util.Optional<String> coarsenedTo) {
    public Protection(int threshold, int primary, int complementary) {
      this(threshold, primary, complementary, java.util.Optional.empty());
    }

    public boolean anySuppressed() {
      return primary + complementary > 0;
    }
  }

  /** One row: its key (a code: an act type, a period, a place) and its cell. */
  public record Row(String key, Cell cell) {
    public Row {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(cell, "cell");
    }
  }

  /** A published count, or a suppressed one (empty). */
  public record Cell(Optional<Long> value) {
    public static Cell of(long n) {
      return new Cell(Optional.of(n));
    }

    public static Cell suppressed() {
      return new Cell(Optional.empty());
    }

    public boolean isSuppressed() {
      return value.isEmpty();
    }
  }

  public PublishedTable {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(protection, "protection");
    rows = List.copyOf(rows);
  }

  /** The row with {@code key}, if the table has one. */
  public Optional<Row> row(String key) {
    return rows.stream().filter(r -> r.key().equals(key)).findFirst();
  }
}
