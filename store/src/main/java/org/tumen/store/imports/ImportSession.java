package org.tumen.store.imports;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tumen.model.BadInputException;
import org.tumen.model.Progress;
import org.tumen.model.Sex;

/**
 * Checks each row of one file, seals it with the {@link RowSealer} the header gives, and hands it
 * on. Any problem stops the import with a {@link BadInputException} naming the line and column; the
 * caller rolls back.
 */
final class ImportSession implements TableSink {

  /** Progress is reported every this many rows. */
  private static final int STEP = 1000;

  private final String where;
  private final Map<String, String> columnMap;
  private final boolean strictWidth;
  private final DateReader dates;
  private final Progress progress;
  private final Map<String, Long> seenIds = new HashMap<>();
  private final Consumer<ColumnPlan> onHeader;
  private final IdSource ids;
  private final Consumer<CheckedRow> out;
  private ColumnPlan plan;
  private long rows;
  private long datesKeptAsWritten;
  private long sexKeptAsWritten;

  /** Where a checked row's ids come from. */
  interface IdSource {
    long next() throws SQLException;
  }

  /**
   * @param strictWidth true for CSV, where every row must have as many values as the header; XLSX
   *     omits trailing blank cells, so there a short row is padded
   */
  ImportSession(
      String where,
      Map<String, String> columnMap,
      boolean strictWidth,
      DateReader dates,
      Progress progress,
      Consumer<ColumnPlan> onHeader,
      IdSource ids,
      Consumer<CheckedRow> out) {
    this.where = where;
    this.columnMap = columnMap;
    this.strictWidth = strictWidth;
    this.dates = dates;
    this.progress = progress;
    this.onHeader = onHeader;
    this.ids = ids;
    this.out = out;
  }

  @Override
  public void header(List<String> headers, long line) {
    plan = ColumnPlan.of(where, headers, columnMap);
    onHeader.accept(plan);
  }

  @Override
  public void row(long line, String[] values) {
    String[] v = fit(line, values);
    String id = v[plan.idColumn()].strip();
    if (id.isEmpty()) {
      throw bad(line, plan.idColumn(), ImportProblem.Kind.ID_BLANK, "the record id is blank");
    }
    if (id.length() > 200) {
      throw bad(
          line,
          plan.idColumn(),
          ImportProblem.Kind.ID_TOO_LONG,
          "the record id is longer than 200 characters");
    }
    Long before = seenIds.putIfAbsent(id, line);
    if (before != null) {
      throw bad(
          line,
          plan.idColumn(),
          ImportProblem.Kind.ID_DUPLICATE,
          "duplicate record id: line " + before + " has the same id",
          before);
    }
    String sex = null;
    String precision = null;
    for (int i = 0; i < v.length; i++) {
      String text = v[i];
      if (text.isBlank()) {
        continue;
      }
      Field f = plan.field(i);
      if (f == Field.SEX) {
        sex = Sex.parse(text).map(Sex::code).orElse(null);
        sexKeptAsWritten += sex == null ? 1 : 0;
      } else if (f == Field.BIRTH_DATE) {
        precision = precision(line, i, text);
      }
    }
    List<String> keys = new ArrayList<>(v.length);
    List<String> kept = new ArrayList<>(v.length);
    List<String> names = new ArrayList<>(2);
    for (int i = 0; i < v.length; i++) {
      Field f = plan.field(i);
      if (f != Field.ID && f != Field.IGNORE && !v[i].isBlank()) {
        keys.add(plan.storageKey(i));
        kept.add(v[i]);
        if (f.isName()) {
          names.add(v[i]);
        }
      }
    }
    try {
      long personId = ids.next();
      out.accept(new CheckedRow(personId, ids.next(), id, line, sex, precision, keys, kept, names));
    } catch (SQLException e) {
      throw new StoreFailure(e);
    }
    if (++rows % STEP == 0) {
      progress.step(STEP);
    }
  }

  private String[] fit(long line, String[] values) {
    int n = plan.size();
    if (values.length == n) {
      return values;
    }
    if (strictWidth) {
      throw new ImportProblem(
          BadInputException.at(where, line, 0),
          ImportProblem.Kind.VALUE_COUNT,
          "wrong number of values: " + values.length + " where the header has " + n + " columns",
          values.length,
          n);
    }
    for (int i = n; i < values.length; i++) {
      if (!values[i].isBlank()) {
        throw bad(
            line,
            i,
            ImportProblem.Kind.VALUE_BEYOND,
            "a value beyond the last column of the header");
      }
    }
    String[] fitted = new String[n];
    for (int i = 0; i < n; i++) {
      fitted[i] = i < values.length ? values[i] : "";
    }
    return fitted;
  }

  private String precision(long line, int column, String text) {
    DateReader.Reading r;
    try {
      r = dates.read(text);
    } catch (IllegalArgumentException e) {
      String detail = plan.headers().get(column) + ": " + e.getMessage();
      throw bad(line, column, ImportProblem.Kind.VALUE, detail, detail);
    }
    return switch (r.kind()) {
      case READ ->
          switch (r.date().precision()) {
            case YEAR -> "Y";
            case MONTH -> "M";
            case DAY -> "D";
          };
      case AMBIGUOUS -> {
        datesKeptAsWritten++;
        yield "Y";
      }
      case UNRECOGNISED -> {
        datesKeptAsWritten++;
        yield null;
      }
    };
  }

  private BadInputException bad(
      long line, int column, ImportProblem.Kind kind, String problem, Object... arguments) {
    return new ImportProblem(
        BadInputException.at(where, line, column + 1), kind, problem, arguments);
  }

  /** The plan, once the header has been read; null for a file with no header. */
  ColumnPlan plan() {
    return plan;
  }

  long rows() {
    return rows;
  }

  long datesKeptAsWritten() {
    return datesKeptAsWritten;
  }

  long sexKeptAsWritten() {
    return sexKeptAsWritten;
  }

  /** A database error inside a reader callback, carried out to the importer unchanged. */
  static final class StoreFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreFailure(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }
}
