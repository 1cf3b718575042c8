package org.tumen.link;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One field of a {@link LinkSpec}: the column holding it (several spellings when the lists come
 * from organisations with different headers; each list uses the first one it has), its type, and
 * its role. Fields of different lists with the same role are compared with each other, whatever
 * their columns are called.
 *
 * @param columns the column's names, first match wins; at least one
 * @param type how the field is standardised and compared
 * @param role what the field means across lists ({@code surname}, {@code given}, {@code full_name},
 *     {@code birth_date}, {@code sex}, {@code place}) or, for other fields, the first column name
 */
public record FieldSpec(List<String> columns, FieldType type, String role) {

  public static final String SURNAME = "surname";
  public static final String GIVEN = "given";
  public static final String FULL_NAME = "full_name";
  public static final String BIRTH_DATE = "birth_date";
  public static final String SEX = "sex";
  public static final String PLACE = "place";

  public FieldSpec {
    columns = List.copyOf(columns);
    Objects.requireNonNull(type, "type");
    if (columns.isEmpty() || columns.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("a field needs a column name");
    }
    if (role == null || role.isBlank()) {
      role = defaultRole(columns.get(0), type);
    }
  }

  /** A field with the role its type and column name suggest. */
  public static FieldSpec of(String column, FieldType type) {
    return new FieldSpec(List.of(column), type, null);
  }

  /**
   * The role a field plays when the spec does not say: names are a surname when the column name
   * says so (surname, family, last, 성) and a given name otherwise; dates are birth dates.
   */
  static String defaultRole(String column, FieldType type) {
    String c = column.toLowerCase(Locale.ROOT);
    return switch (type) {
      case NAME -> isSurnameColumn(c) ? SURNAME : GIVEN;
      case FULL_NAME -> FULL_NAME;
      case DATE -> BIRTH_DATE;
      case SEX -> SEX;
      case PLACE -> PLACE;
      default -> column;
    };
  }

  static boolean isSurnameColumn(String c) {
    return c.contains("surname")
        || c.contains("family")
        || c.contains("last")
        || c.equals("성")
        || c.equals("姓");
  }
}
