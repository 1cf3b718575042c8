package org.tumen.link;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tumen.model.BadInputException;
import org.tumen.model.Sex;
import org.tumen.model.columns.ColumnHeaders;
import org.tumen.model.columns.ColumnRole;

/**
 * Guesses a per-list {@link LinkSpec}: each list on its own, its columns' roles read from the
 * headers by {@link ColumnHeaders} (English, Korean, Chinese, FEBRL, Splink) and, for unknown
 * headers, from the values. Columns that identify nobody (notes, staff, truth labels, arrest dates)
 * are ignored; an age is read with the list's interview date as a birth year.
 */
final class SpecInference {

  private static final Pattern DATE_LIKE =
      Pattern.compile(
          "(1[89]|20)\\d\\d([-./]\\d{1,2}([-./]\\d{1,2})?|(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01]))?"
              + "|\\d{1,2}[-./]\\d{1,2}[-./](1[89]|20)\\d\\d"
              + "|(1[89]|20)\\d\\d\\s*년.*");

  private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");

  /** Values looked at per column of an unknown header. */
  private static final int SAMPLE = 500;

  private SpecInference() {}

  static LinkSpec infer(List<SourceTable> inputs) {
    if (inputs.isEmpty()) {
      throw new BadInputException("--input", "no input lists");
    }
    Map<String, ListSpec> lists = new LinkedHashMap<>();
    for (SourceTable t : inputs) {
      if (lists.put(t.name(), inferList(t)) != null) {
        throw new BadInputException(
            t.name(), "two inputs have the same source name; rename one of the files");
      }
    }
    try {
      return LinkSpec.ofLists(
          lists,
          List.of(),
          LinkSpec.DEFAULT_THRESHOLD,
          LinkSpec.DEFAULT_REVIEW_LOW,
          LinkSpec.DEFAULT_REVIEW_HIGH);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          inputs.get(0).name(), "no column of any list can be compared; give --spec");
    }
  }

  /** One list's spec, from its own headers and values only. */
  static ListSpec inferList(SourceTable t) {
    List<Optional<ColumnRole>> roles = ColumnHeaders.roles(t.headers());
    int id = idColumn(t, roles);
    int stated = -1;
    boolean birth = false;
    for (int c = 0; c < roles.size(); c++) {
      ColumnRole r = roles.get(c).orElse(ColumnRole.OTHER);
      if (r == ColumnRole.AGE_STATED_ON && stated < 0) {
        stated = c;
      }
      birth |= r == ColumnRole.BIRTH_DATE || r == ColumnRole.BIRTH_YEAR || r == ColumnRole.AGE;
    }
    if (stated < 0 && roles.contains(Optional.of(ColumnRole.AGE))) {
      stated = statedOnByValues(t, roles, id);
    }
    List<ListSpec.Field> fields = new ArrayList<>();
    for (int c = 0; c < t.headers().size(); c++) {
      if (c == stated && roles.get(c).isEmpty()) {
        fields.add(ListSpec.Field.of(t.headers().get(c), FieldType.IGNORE, null));
        continue;
      }
      String h = t.headers().get(c);
      if (c == id || h.isBlank()) {
        continue;
      }
      ListSpec.Field f;
      if (roles.get(c).isPresent()) {
        f = byRole(h, roles.get(c).get(), stated < 0 ? null : t.headers().get(stated));
      } else {
        f = byValues(t, c, birth);
        birth |= f.role().equals(FieldSpec.BIRTH_DATE);
      }
      fields.add(f);
    }
    return new ListSpec(t.headers().get(id), fields);
  }

  /**
   * For a list with an age but no header that says when it was stated: the unknown column whose
   * values are days or months of the years people are interviewed in (1990 on), if just one is.
   */
  private static int statedOnByValues(SourceTable t, List<Optional<ColumnRole>> roles, int id) {
    org.tumen.model.columns.DateText dates = new org.tumen.model.columns.DateText();
    int found = -1;
    for (int c = 0; c < roles.size(); c++) {
      if (c == id || roles.get(c).isPresent()) {
        continue;
      }
      int seen = 0;
      int recent = 0;
      for (List<String> row : t.rows()) {
        String v = row.get(c);
        if (v.isBlank()) {
          continue;
        }
        seen++;
        recent +=
            dates
                    .read(v)
                    .filter(d -> !d.fromAge() && d.date().month() != 0 && d.date().year() >= 1990)
                    .isPresent()
                ? 1
                : 0;
        if (seen == SAMPLE) {
          break;
        }
      }
      if (seen > 0 && recent * 10 >= seen * 9) {
        if (found >= 0) {
          return -1;
        }
        found = c;
      }
    }
    return found;
  }

  private static ListSpec.Field byRole(String h, ColumnRole role, String statedOn) {
    String own = ColumnHeaders.normalise(h);
    return switch (role) {
      case FULL_NAME -> ListSpec.Field.of(h, FieldType.FULL_NAME, FieldSpec.FULL_NAME);
      case FAMILY_NAME -> ListSpec.Field.of(h, FieldType.NAME, FieldSpec.SURNAME);
      case GIVEN_NAME -> ListSpec.Field.of(h, FieldType.NAME, FieldSpec.GIVEN);
      case SEX -> ListSpec.Field.of(h, FieldType.SEX, FieldSpec.SEX);
      case BIRTH_DATE, BIRTH_YEAR -> ListSpec.Field.of(h, FieldType.DATE, FieldSpec.BIRTH_DATE);
      case AGE ->
          statedOn == null
              ? ListSpec.Field.of(h, FieldType.IGNORE, own)
              : ListSpec.Field.age(h, statedOn);
      case PLACE -> ListSpec.Field.of(h, FieldType.PLACE, FieldSpec.PLACE);
      case EVENT_DATE -> ListSpec.Field.of(h, FieldType.YEAR, ColumnRole.EVENT_DATE.key());
      case IDENTIFIER -> ListSpec.Field.of(h, FieldType.CODE, own);
      case ADDRESS -> ListSpec.Field.of(h, FieldType.TEXT, own);
      case REGION -> ListSpec.Field.of(h, FieldType.EXACT, own);
      case RECORD_ID, AGE_STATED_ON, NOTE, STAFF, TRUTH, OTHER ->
          ListSpec.Field.of(h, FieldType.IGNORE, own);
    };
  }

  private static int idColumn(SourceTable t, List<Optional<ColumnRole>> roles) {
    for (int c = 0; c < roles.size(); c++) {
      if (roles.get(c).equals(Optional.of(ColumnRole.RECORD_ID))) {
        return c;
      }
    }
    for (int c = 0; c < t.headers().size(); c++) {
      Set<String> seen = new HashSet<>();
      boolean unique = true;
      for (List<String> row : t.rows()) {
        String v = row.get(c);
        if (v.isBlank() || !seen.add(v)) {
          unique = false;
          break;
        }
      }
      if (unique) {
        return c;
      }
    }
    throw new BadInputException(
        t.name(), "no column looks like a record id (unique in every row); give --spec");
  }

  /**
   * A column whose header is unknown, read from up to {@value #SAMPLE} non-blank values: sex; a
   * column of years (a year, compared within one, never a code); dates (the birth date when the
   * list has none yet, else an event compared by year); digits (a code); few distinct values (equal
   * or not); else text. Its role is its header, so it is compared only with lists that use the same
   * header.
   */
  private static ListSpec.Field byValues(SourceTable t, int c, boolean hasBirth) {
    String h = t.headers().get(c);
    String own = ColumnHeaders.normalise(h);
    int seen = 0;
    int dates = 0;
    int digits = 0;
    int years = 0;
    int sexes = 0;
    Set<String> distinct = new HashSet<>();
    for (List<String> row : t.rows()) {
      String v = row.get(c).strip();
      if (v.isEmpty()) {
        continue;
      }
      seen++;
      distinct.add(v);
      dates += DATE_LIKE.matcher(v).matches() ? 1 : 0;
      years += YEAR.matcher(v).matches() ? 1 : 0;
      digits += v.chars().allMatch(Character::isDigit) ? 1 : 0;
      sexes += Sex.parse(v).isPresent() ? 1 : 0;
      if (seen == SAMPLE) {
        break;
      }
    }
    if (seen == 0) {
      return ListSpec.Field.of(h, FieldType.IGNORE, own);
    }
    if (sexes * 10 >= seen * 9) {
      return ListSpec.Field.of(h, FieldType.SEX, FieldSpec.SEX);
    }
    if (years * 10 >= seen * 9) {
      return ListSpec.Field.of(h, FieldType.YEAR, own);
    }
    if (dates * 10 >= seen * 8 && !(digits == seen && distinct.size() * 2 < seen)) {
      return hasBirth
          ? ListSpec.Field.of(h, FieldType.YEAR, own)
          : ListSpec.Field.of(h, FieldType.DATE, FieldSpec.BIRTH_DATE);
    }
    if (digits * 10 >= seen * 9) {
      return ListSpec.Field.of(h, FieldType.CODE, own);
    }
    if (distinct.size() <= 12 && seen >= 50) {
      return ListSpec.Field.of(h, FieldType.EXACT, own);
    }
    return ListSpec.Field.of(h, FieldType.TEXT, own);
  }
}
