package org.tumen.store.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tumen.model.BadInputException;
import org.tumen.model.columns.ColumnHeaders;
import org.tumen.model.columns.ColumnRole;

/**
 * Reads a list's header: which column is the record id, which hold names, dates, sex, places and
 * notes, and which are extra. Headers are read into roles by {@link ColumnHeaders} (English, Korean
 * and Chinese, shared with linkage); {@code --map COLUMN=FIELD} overrides or completes the guess.
 */
final class ColumnPlan {

  /**
   * The field a column role is stored as: the roles the import keeps apart, and everything else
   * (ages, interview dates, event dates, identifiers, staff, unknown headers) as an extra column,
   * stored sealed because it may identify someone.
   */
  private static Field field(ColumnRole role) {
    return switch (role) {
      case RECORD_ID -> Field.ID;
      case FULL_NAME -> Field.FULL_NAME;
      case FAMILY_NAME -> Field.SURNAME;
      case GIVEN_NAME -> Field.GIVEN_NAME;
      case BIRTH_DATE -> Field.BIRTH_DATE;
      case SEX -> Field.SEX;
      case PLACE -> Field.BIRTHPLACE;
      case NOTE -> Field.NOTE;
      default -> Field.EXTRA;
    };
  }

  private final List<String> headers;
  private final Field[] fields;
  private final int idColumn;

  private ColumnPlan(List<String> headers, Field[] fields, int idColumn) {
    this.headers = headers;
    this.fields = fields;
    this.idColumn = idColumn;
  }

  /**
   * @param file where to say a problem is
   * @param headers the header row as written
   * @param columnMap {@code --map} entries, column header to field name
   */
  static ColumnPlan of(String file, List<String> headers, Map<String, String> columnMap) {
    Field[] fields = new Field[headers.size()];
    List<Optional<ColumnRole>> roles = ColumnHeaders.roles(headers);
    for (int i = 0; i < fields.length; i++) {
      fields[i] = roles.get(i).map(ColumnPlan::field).orElse(Field.EXTRA);
    }
    for (Map.Entry<String, String> m : columnMap.entrySet()) {
      Field f =
          Field.byKey(m.getValue())
              .orElseThrow(
                  () ->
                      new BadInputException(
                          "--map " + m.getKey() + "=" + m.getValue(),
                          "unknown field; use one of "
                              + Arrays.stream(Field.values())
                                  .map(Field::key)
                                  .collect(Collectors.joining(", "))));
      fields[column(headers, m.getKey())] = f;
    }
    return new ColumnPlan(List.copyOf(headers), fields, check(file, headers, fields));
  }

  private static int column(List<String> headers, String name) {
    int found = -1;
    for (int i = 0; i < headers.size(); i++) {
      if (headers.get(i).strip().equals(name.strip())) {
        if (found >= 0) {
          throw new BadInputException(
              "--map " + name, "two columns have this header; rename one in the file");
        }
        found = i;
      }
    }
    if (found < 0) {
      throw new BadInputException(
          "--map " + name, "no such column; the columns are: " + String.join(", ", headers));
    }
    return found;
  }

  /** Checks there is one id column and a name, and no field twice; returns the id column. */
  private static int check(String file, List<String> headers, Field[] fields) {
    Map<Field, Integer> seen = new EnumMap<>(Field.class);
    for (int i = 0; i < fields.length; i++) {
      Field f = fields[i];
      if (f == Field.EXTRA || f == Field.IGNORE) {
        continue;
      }
      Integer before = seen.put(f, i);
      if (before != null) {
        throw new ImportProblem(
            BadInputException.at(file, 1, i + 1),
            ImportProblem.Kind.DUPLICATE_COLUMN,
            "columns "
                + (before + 1)
                + " ("
                + headers.get(before)
                + ") and "
                + (i + 1)
                + " ("
                + headers.get(i)
                + ") both read as "
                + f.key()
                + "; use --map COLUMN=FIELD to say which is which",
            headers.get(i));
      }
    }
    if (!seen.containsKey(Field.ID)) {
      throw new ImportProblem(
          BadInputException.at(file, 1, 0),
          ImportProblem.Kind.NO_ID_COLUMN,
          "no record id column (looked for id, rec_id, 번호, 编号, ...); name it with --map COLUMN=id");
    }
    if (!seen.containsKey(Field.FULL_NAME)
        && !seen.containsKey(Field.SURNAME)
        && !seen.containsKey(Field.GIVEN_NAME)) {
      throw new ImportProblem(
          BadInputException.at(file, 1, 0),
          ImportProblem.Kind.NO_NAME_COLUMN,
          "no name column (looked for name, full_name, surname, 성명, 이름, 姓名, ...); name it with"
              + " --map COLUMN=full_name");
    }
    return seen.get(Field.ID);
  }

  List<String> headers() {
    return headers;
  }

  int size() {
    return fields.length;
  }

  Field field(int column) {
    return fields[column];
  }

  int idColumn() {
    return idColumn;
  }

  /**
   * The name under which a column's values are stored: the field's key for recognised fields, and
   * {@code extra.N} (N the 1-based position) for extra columns, whose headers need not be unique.
   */
  String storageKey(int column) {
    Field f = fields[column];
    return f == Field.EXTRA ? "extra." + (column + 1) : f.key();
  }

  /** Headers of the extra columns, in file order. */
  List<String> extraHeaders() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i] == Field.EXTRA) {
        out.add(headers.get(i));
      }
    }
    return out;
  }
}
