package org.tumen.model.columns;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The header names lists use for each {@link ColumnRole}, in English, Korean and Chinese (with
 * FEBRL's and Splink's English names), and the one place that reads a header row into roles.
 * Headers are compared case-, width- and separator-insensitively ({@link #normalise}: "Date of
 * Birth" = date_of_birth, "ＩＤ" = id).
 */
public final class ColumnHeaders {

  private static final Map<String, ColumnRole> KNOWN = new HashMap<>();

  /** Headers that mean the given name beside a family-name column and the whole name otherwise. */
  private static final Set<String> NAME_OR_GIVEN = Set.of("name", "이름", "名");

  static {
    known(
        ColumnRole.RECORD_ID,
        "id",
        "rec_id",
        "record_id",
        "recid",
        "unique_id",
        "record",
        "no",
        "number",
        "case_id",
        "case_no",
        "번호",
        "일련번호",
        "연번",
        "编号",
        "序号",
        "編號");
    known(
        ColumnRole.FULL_NAME,
        "name",
        "full_name",
        "fullname",
        "person_name",
        "이름",
        "성명",
        "姓名",
        "名字",
        "名");
    known(
        ColumnRole.FAMILY_NAME,
        "surname",
        "family_name",
        "familyname",
        "last_name",
        "lastname",
        "성",
        "성씨",
        "姓",
        "姓氏");
    known(
        ColumnRole.GIVEN_NAME,
        "given_name",
        "given_names",
        "givenname",
        "given",
        "first_name",
        "firstname",
        "forename");
    known(ColumnRole.SEX, "sex", "gender", "성별", "性别", "性別");
    known(
        ColumnRole.BIRTH_DATE,
        "birth",
        "birth_date",
        "birthdate",
        "date_of_birth",
        "dob",
        "born",
        "birthday",
        "생년월일",
        "출생일",
        "출생일자",
        "出生日期",
        "出生年月日",
        "出生年月",
        "生日");
    known(
        ColumnRole.BIRTH_YEAR, "birth_year", "year_of_birth", "yob", "출생년도", "출생연도", "出生年份", "出生年");
    known(ColumnRole.AGE, "age", "age_at_interview", "나이", "연령", "年龄", "年齡", "岁数");
    known(
        ColumnRole.AGE_STATED_ON,
        "interview_date",
        "date_of_interview",
        "interviewed",
        "interviewed_on",
        "date_interviewed",
        "interview",
        "registration_date",
        "date_registered",
        "면담일",
        "면담일자",
        "면담_날짜",
        "인터뷰_날짜",
        "조사일",
        "등록일",
        "访谈日期",
        "采访日期",
        "访谈时间",
        "登记日期");
    known(
        ColumnRole.PLACE,
        "birthplace",
        "birth_place",
        "place_of_birth",
        "home_province",
        "province",
        "province_of_origin",
        "hometown",
        "home_town",
        "origin",
        "place_of_origin",
        "suburb",
        "city",
        "town",
        "place",
        "출생지",
        "고향",
        "출신지",
        "籍贯",
        "出生地",
        "老家");
    known(
        ColumnRole.EVENT_DATE,
        "year_crossed",
        "crossing_year",
        "year_of_crossing",
        "crossing_date",
        "date_crossed",
        "date_of_crossing",
        "crossed",
        "탈북년도",
        "탈북연도",
        "탈북일",
        "탈북_연도",
        "도강년도",
        "越境年份",
        "越境日期",
        "越境时间",
        "出境年份");
    known(
        ColumnRole.IDENTIFIER,
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
    known(ColumnRole.ADDRESS, "address", "address_1", "address_2", "street");
    known(ColumnRole.REGION, "state", "region", "country");
    known(
        ColumnRole.NOTE,
        "note",
        "notes",
        "remark",
        "remarks",
        "comment",
        "comments",
        "비고",
        "메모",
        "특이사항",
        "备注",
        "说明");
    known(
        ColumnRole.STAFF,
        "case_worker",
        "caseworker",
        "interviewer",
        "staff",
        "recorded_by",
        "담당자",
        "면담자",
        "조사자",
        "经办人",
        "负责人",
        "采访人",
        "访谈人");
    known(ColumnRole.TRUTH, "cluster", "person_id", "true_id", "truth", "label", "entity_id");
    known(
        ColumnRole.OTHER,
        "arrest_date",
        "date_of_arrest",
        "arrested",
        "arrest_year",
        "체포일",
        "체포일자",
        "체포_날짜",
        "被捕日期",
        "逮捕日期",
        "被捕时间");
  }

  private static void known(ColumnRole role, String... headers) {
    for (String h : headers) {
      ColumnRole before = KNOWN.put(h, role);
      if (before != null) {
        throw new IllegalStateException("header " + h + " given twice");
      }
    }
  }

  private ColumnHeaders() {}

  /**
   * Header text compared case-, width- and punctuation-insensitively, without a qualifier in
   * brackets: "Date of Birth (dd/mm/yyyy)" = date_of_birth, "Record No." = record_no.
   */
  public static String normalise(String header) {
    String s = Normalizer.normalize(header, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    String unqualified = s.replaceAll("\\([^)]*\\)|\\[[^]]*]", " ");
    if (!unqualified.isBlank()) {
      s = unqualified;
    }
    return s.replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_|_$", "");
  }

  /**
   * The role a header names on its own: a known header, else one whose words say it ("Korean name",
   * "Date of arrest in China", "면담 일자", "被捕时间").
   */
  public static Optional<ColumnRole> role(String header) {
    String h = normalise(header);
    ColumnRole known = KNOWN.get(h);
    return known != null ? Optional.of(known) : byWords(h);
  }

  /**
   * The words that say a role inside a longer header, most specific first: an arrest or an
   * interviewer before a date, a birthplace before a birth date, a family name before a name.
   */
  private static final List<Map.Entry<ColumnRole, List<String>>> WORDS =
      List.of(
          Map.entry(ColumnRole.NOTE, List.of("note", "remark", "comment", "비고", "메모", "备注")),
          Map.entry(
              ColumnRole.STAFF,
              List.of(
                  "interviewer",
                  "caseworker",
                  "worker",
                  "officer",
                  "staff",
                  "recorded_by",
                  "담당",
                  "면담자",
                  "상담자",
                  "조사자",
                  "经办",
                  "负责",
                  "工作人员",
                  "采访人",
                  "访谈人",
                  "记录人")),
          Map.entry(
              ColumnRole.OTHER,
              List.of("arrest", "detain", "detention", "체포", "검거", "구금", "被捕", "逮捕", "拘留", "抓")),
          Map.entry(ColumnRole.EVENT_DATE, List.of("cross", "탈북", "도강", "越境", "过江", "出境")),
          Map.entry(ColumnRole.AGE, List.of("age", "나이", "연령", "年龄", "年纪")),
          Map.entry(
              ColumnRole.AGE_STATED_ON,
              List.of("interview", "면담", "인터뷰", "조사일", "등록일", "访谈", "采访", "面谈", "登记")),
          Map.entry(
              ColumnRole.PLACE,
              List.of(
                  "birthplace",
                  "place_of_birth",
                  "birth_place",
                  "hometown",
                  "origin",
                  "province",
                  "출생지",
                  "고향",
                  "출신",
                  "籍贯",
                  "出生地",
                  "老家",
                  "原籍")),
          Map.entry(
              ColumnRole.BIRTH_YEAR, List.of("birth_year", "year_of_birth", "출생년", "출생연", "出生年份")),
          Map.entry(ColumnRole.BIRTH_DATE, List.of("birth", "dob", "생년", "생일", "출생", "出生", "生日")),
          Map.entry(ColumnRole.SEX, List.of("sex", "gender", "성별", "性别")),
          Map.entry(
              ColumnRole.FAMILY_NAME, List.of("family_name", "surname", "last_name", "성씨", "姓氏")),
          Map.entry(ColumnRole.GIVEN_NAME, List.of("given_name", "first_name", "forename")),
          Map.entry(ColumnRole.FULL_NAME, List.of("name", "성명", "이름", "姓名", "名字")),
          Map.entry(
              ColumnRole.RECORD_ID,
              List.of("record_no", "case_no", "case_number", "file_no", "번호", "编号", "序号")));

  private static Optional<ColumnRole> byWords(String h) {
    String padded = "_" + h + "_";
    for (Map.Entry<ColumnRole, List<String>> e : WORDS) {
      for (String w : e.getValue()) {
        boolean latin = w.chars().allMatch(c -> c < 128);
        // Latin words match whole words (age, not "page"); Korean and Chinese inside a word
        if (latin ? padded.contains("_" + w + "_") || wordPrefix(padded, w) : h.contains(w)) {
          return Optional.of(e.getKey());
        }
      }
    }
    return Optional.empty();
  }

  /** Whether a Latin word starts a word of the header ("arrested", "crossing", "notes"). */
  private static boolean wordPrefix(String padded, String w) {
    return w.length() >= 4 && padded.contains("_" + w);
  }

  /**
   * The roles of a header row, empty where the header is unknown: "name", 이름 and 名 are the given
   * name beside a family-name column and the whole name otherwise. A role read from words inside a
   * header is taken once per row, and not where another header names it exactly.
   */
  public static List<Optional<ColumnRole>> roles(List<String> headers) {
    List<Optional<ColumnRole>> out = new ArrayList<>(headers.size());
    boolean family = false;
    java.util.Set<ColumnRole> exact = java.util.EnumSet.noneOf(ColumnRole.class);
    for (String h : headers) {
      Optional.ofNullable(KNOWN.get(normalise(h))).ifPresent(exact::add);
    }
    java.util.Set<ColumnRole> byWords = java.util.EnumSet.noneOf(ColumnRole.class);
    for (String h : headers) {
      Optional<ColumnRole> r = role(h);
      if (r.isPresent() && !KNOWN.containsKey(normalise(h))) {
        // a header that merely holds the word gives way to one that is the word ("Name" and
        // "Father's name"), and to an earlier one ("Korean name", "Chinese name")
        boolean single = r.get() == ColumnRole.OTHER || r.get() == ColumnRole.NOTE;
        if (!single && (exact.contains(r.get()) || !byWords.add(r.get()))) {
          r = Optional.empty();
        }
      }
      family |= r.equals(Optional.of(ColumnRole.FAMILY_NAME));
      out.add(r);
    }
    for (int i = 0; i < out.size() && family; i++) {
      if (NAME_OR_GIVEN.contains(normalise(headers.get(i)))) {
        out.set(i, Optional.of(ColumnRole.GIVEN_NAME));
      }
    }
    return out;
  }
}
