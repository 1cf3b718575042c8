package org.tumen.link;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tumen.model.BadInputException;
import org.tumen.model.Sex;

/**
 * Guesses a {@link LinkSpec} from headers (English, Korean, Chinese, FEBRL, Splink) and, for
 * unknown headers, from values. Lists with different headers are mapped onto one spec by role.
 */
final class SpecInference {

  private record Guess(FieldType type, String role) {}

  private static final Set<String> ID =
      Set.of("rec_id", "id", "record_id", "unique_id", "recid", "번호", "编号", "序号", "record");
  private static final Set<String> TRUTH =
      Set.of("cluster", "person_id", "true_id", "truth", "label", "entity_id");
  private static final Set<String> SURNAME =
      Set.of("surname", "family_name", "last_name", "lastname", "familyname", "성", "姓");
  private static final Set<String> GIVEN =
      Set.of("given_name", "first_name", "firstname", "given", "forename", "givenname", "名");
  private static final Set<String> FULL =
      Set.of("full_name", "name", "fullname", "person_name", "성명", "姓名");
  private static final Set<String> DATE =
      Set.of(
          "date_of_birth",
          "dob",
          "birth_date",
          "birthdate",
          "birthday",
          "생년월일",
          "출생일",
          "出生日期",
          "出生年月",
          "生日");
  private static final Set<String> YEAR = Set.of("birth_year", "year_of_birth", "출생년도", "出生年份");
  private static final Set<String> SEX = Set.of("sex", "gender", "성별", "性别");
  private static final Set<String> PLACE =
      Set.of(
          "birthplace",
          "place_of_birth",
          "birth_place",
          "suburb",
          "city",
          "town",
          "place",
          "hometown",
          "출생지",
          "고향",
          "籍贯",
          "出生地");
  private static final Set<String> NOTE =
      Set.of("note", "notes", "comment", "comments", "remarks", "비고", "备注", "메모");
  private static final Set<String> CODE =
      Set.of(
          "postcode",
          "zip",
          "zipcode",
          "postal_code",
          "soc_sec_id",
          "ssn",
          "street_number",
          "phone",
          "email",
          "passport");
  private static final Set<String> TEXT = Set.of("address", "address_1", "address_2", "street");
  private static final Set<String> EXACT = Set.of("state", "province", "region", "country");

  private static final Pattern DATE_LIKE =
      Pattern.compile(
          "(1[89]|20)\\d\\d([-./]\\d{1,2}([-./]\\d{1,2})?|(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01]))?"
              + "|\\d{1,2}[-./]\\d{1,2}[-./](1[89]|20)\\d\\d"
              + "|(1[89]|20)\\d\\d\\s*년.*");

  private SpecInference() {}

  static LinkSpec infer(List<SourceTable> inputs) {
    if (inputs.isEmpty()) {
      throw new BadInputException("--input", "no input lists");
    }
    List<String> ids = new ArrayList<>();
    Map<String, FieldType> types = new LinkedHashMap<>();
    Map<String, List<String>> columns = new LinkedHashMap<>();
    for (SourceTable t : inputs) {
      String id = idColumn(t);
      if (!ids.contains(id)) {
        ids.add(id);
      }
      boolean hasSurname = t.headers().stream().anyMatch(h -> SURNAME.contains(norm(h)));
      for (int c = 0; c < t.headers().size(); c++) {
        String h = t.headers().get(c);
        if (h.equals(id) || h.isBlank()) {
          continue;
        }
        Guess g = guess(t, c, hasSurname);
        types.putIfAbsent(g.role(), g.type());
        List<String> cols = columns.computeIfAbsent(g.role(), k -> new ArrayList<>());
        if (!cols.contains(h)) {
          cols.add(h);
        }
      }
    }
    List<FieldSpec> fields = new ArrayList<>();
    columns.forEach((role, cols) -> fields.add(new FieldSpec(cols, types.get(role), role)));
    return new LinkSpec(
        ids,
        fields,
        List.of(),
        LinkSpec.DEFAULT_THRESHOLD,
        LinkSpec.DEFAULT_REVIEW_LOW,
        LinkSpec.DEFAULT_REVIEW_HIGH);
  }

  private static String norm(String header) {
    return header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
  }

  private static String idColumn(SourceTable t) {
    for (String h : t.headers()) {
      if (ID.contains(norm(h))) {
        return h;
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
        return t.headers().get(c);
      }
    }
    throw new BadInputException(
        t.name(), "no column looks like a record id (unique in every row); give --spec");
  }

  private static Guess guess(SourceTable t, int c, boolean hasSurname) {
    String h = t.headers().get(c);
    String n = norm(h);
    if (TRUTH.contains(n) || NOTE.contains(n)) {
      return new Guess(FieldType.IGNORE, h);
    }
    if (SURNAME.contains(n)) {
      return new Guess(FieldType.NAME, FieldSpec.SURNAME);
    }
    if (GIVEN.contains(n) || n.equals("이름") && hasSurname) {
      return new Guess(FieldType.NAME, FieldSpec.GIVEN);
    }
    if (FULL.contains(n) || n.equals("이름")) {
      return new Guess(FieldType.FULL_NAME, FieldSpec.FULL_NAME);
    }
    if (DATE.contains(n)) {
      return new Guess(FieldType.DATE, FieldSpec.BIRTH_DATE);
    }
    if (SEX.contains(n)) {
      return new Guess(FieldType.SEX, FieldSpec.SEX);
    }
    if (PLACE.contains(n)) {
      return new Guess(FieldType.PLACE, FieldSpec.PLACE);
    }
    if (YEAR.contains(n)) {
      return new Guess(FieldType.YEAR, h);
    }
    if (CODE.contains(n)) {
      return new Guess(FieldType.CODE, h);
    }
    if (TEXT.contains(n)) {
      return new Guess(FieldType.TEXT, h);
    }
    if (EXACT.contains(n)) {
      return new Guess(FieldType.EXACT, h);
    }
    return byValues(t, c).orElse(new Guess(FieldType.TEXT, h));
  }

  /** Looks at up to 500 non-blank values of a column with an unknown header. */
  private static Optional<Guess> byValues(SourceTable t, int c) {
    String h = t.headers().get(c);
    int seen = 0;
    int dates = 0;
    int digits = 0;
    int sexes = 0;
    Set<String> distinct = new HashSet<>();
    for (List<String> row : t.rows()) {
      String v = row.get(c).strip();
      if (v.isEmpty()) {
        continue;
      }
      seen++;
      distinct.add(v);
      if (DATE_LIKE.matcher(v).matches()) {
        dates++;
      }
      if (v.chars().allMatch(Character::isDigit)) {
        digits++;
      }
      if (Sex.parse(v).isPresent()) {
        sexes++;
      }
      if (seen == 500) {
        break;
      }
    }
    if (seen == 0) {
      return Optional.of(new Guess(FieldType.IGNORE, h));
    }
    if (sexes * 10 >= seen * 9) {
      return Optional.of(new Guess(FieldType.SEX, FieldSpec.SEX));
    }
    if (dates * 10 >= seen * 8 && !(digits == seen && distinct.size() * 2 < seen)) {
      return Optional.of(new Guess(FieldType.DATE, FieldSpec.BIRTH_DATE));
    }
    if (digits * 10 >= seen * 9) {
      return Optional.of(new Guess(FieldType.CODE, h));
    }
    if (distinct.size() <= 12 && seen >= 50) {
      return Optional.of(new Guess(FieldType.EXACT, h));
    }
    return Optional.empty();
  }
}
