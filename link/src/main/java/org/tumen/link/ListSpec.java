package org.tumen.link;

import java.util.List;
import java.util.Objects;

/**
 * How one list is read (the per-list form of a {@link LinkSpec}): its record id column and what
 * each of its columns is. Lists are linked on the roles their fields share, whatever the columns
 * are called.
 *
 * @param id the record id column
 * @param fields the list's fields, ignored ones included so that a printed spec shows every column
 */
public record ListSpec(String id, List<Field> fields) {

  public ListSpec {
    Objects.requireNonNull(id, "id");
    fields = List.copyOf(fields);
    if (id.isBlank()) {
      throw new IllegalArgumentException("a list needs an id column");
    }
  }

  /**
   * One column of one list.
   *
   * @param column the column's header in this list
   * @param type how it is compared; for an age, {@link FieldType#DATE} (a birth year)
   * @param role what it means across lists ({@code surname}, {@code given}, {@code full_name},
   *     {@code birth_date}, {@code sex}, {@code place}, {@code event_date}, or another name shared
   *     by the lists that hold it)
   * @param ageStatedOn for an age, the column holding the date it was stated (the birth year is
   *     that date's year minus the age); else null
   */
  public record Field(String column, FieldType type, String role, String ageStatedOn) {

    public Field {
      Objects.requireNonNull(type, "type");
      if (column == null || column.isBlank()) {
        throw new IllegalArgumentException("a field needs a column name");
      }
      if (role == null || role.isBlank()) {
        role = FieldSpec.defaultRole(column, type);
      }
      if (ageStatedOn != null && (type != FieldType.DATE || !role.equals(FieldSpec.BIRTH_DATE))) {
        throw new IllegalArgumentException("an age gives a birth date (type date)");
      }
    }

    /** A plain field (no age). */
    public static Field of(String column, FieldType type, String role) {
      return new Field(column, type, role, null);
    }

    /** An age stated on the date in another column: compared as a birth year. */
    public static Field age(String column, String statedOn) {
      return new Field(column, FieldType.DATE, FieldSpec.BIRTH_DATE, statedOn);
    }

    boolean isAge() {
      return ageStatedOn != null;
    }

    /** What is compared: the name fields all feed the surname and given-name comparisons. */
    String compared() {
      boolean name =
          type == FieldType.FULL_NAME
              || type == FieldType.NAME
                  && (role.equals(FieldSpec.SURNAME) || role.equals(FieldSpec.GIVEN));
      return name ? "name" : role;
    }
  }
}
