package org.tumen.store.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.tumen.model.BadInputException;

/**
 * Reads a list's header: which column is the record id, which hold names, dates, sex, places and
 * notes, and which are extra. Headers in English, Korean and Chinese are recognised (the simulated
 * lists' header sets in helper-rules.md and the usual variants); {@code --map COLUMN=FIELD}
 * overrides or completes the guess.
 */
final class ColumnPlan {

  private static final Map<String, Field> KNOWN = new HashMap<>();

  static {
    known(Field.ID, "id", "rec_id", "record_id", "recid", "no", "number", "번호", "일련번호", "编号", "序号");
    known(Field.FULL_NAME, "name", "full_name", "fullname", "이름", "성명", "姓名", "名字", "名");
    known(Field.SURNAME, "surname", "family_name", "last_name", "lastname", "성", "姓", "姓氏");
    known(Field.GIVEN_NAME, "given_name", "first_name", "firstname", "forename", "given_names");
    known(
        Field.BIRTH_DATE,
        "birth",
        "birth_date",
        "birthdate",
        "date_of_birth",
        "dob",
        "born",
        "생년월일",
        "출생일",
        "出生日期",
        "出生年月日",
        "生日");
    known(Field.SEX, "sex", "gender", "성별", "性别", "性別");
    known(
        Field.BIRTHPLACE,
        "birthplace",
        "birth_place",
        "place_of_birth",
        "home_province",
        "hometown",
        "출생지",
        "고향",
        "籍贯",
        "出生地");
    known(
        Field.NOTE, "note", "notes", "remark", "remarks", "comment", "comments", "비고", "메모", "备注");
  }

  private static void known(Field field, String... headers) {
    for (String h : headers) {
      KNOWN.put(h, field);
    }
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
    boolean hasSurname = false;
    for (int i = 0; i < fields.length; i++) {
      fields[i] = KNOWN.getOrDefault(normalise(headers.get(i)), Field.EXTRA);
      hasSurname |= fields[i] == Field.SURNAME;
    }
    // Beside a surname column, "name"/이름/名 holds the given name.
    for (int i = 0; i < fields.length && hasSurname; i++) {
      if (fields[i] == Field.FULL_NAME
          && List.of("name", "이름", "名").contains(normalise(headers.get(i)))) {
        fields[i] = Field.GIVEN_NAME;
      }
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
        throw new BadInputException(
            BadInputException.at(file, 1, i + 1),
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
                + "; use --map COLUMN=FIELD to say which is which");
      }
    }
    if (!seen.containsKey(Field.ID)) {
      throw new BadInputException(
          BadInputException.at(file, 1, 0),
          "no record id column (looked for id, rec_id, 번호, 编号, ...); name it with --map COLUMN=id");
    }
    if (!seen.containsKey(Field.FULL_NAME)
        && !seen.containsKey(Field.SURNAME)
        && !seen.containsKey(Field.GIVEN_NAME)) {
      throw new BadInputException(
          BadInputException.at(file, 1, 0),
          "no name column (looked for name, full_name, surname, 성명, 이름, 姓名, ...); name it with"
              + " --map COLUMN=full_name");
    }
    return seen.get(Field.ID);
  }

  /** Header text compared case-, width- and separator-insensitively ("Date of Birth"). */
  static String normalise(String header) {
    String s = Normalizer.normalize(header, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    return s.replaceAll("[\\s_\\-.]+", "_").replaceAll("^_|_$", "");
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
