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
    known(ColumnRole.REGION, "state", "province", "region", "country");
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

  /** Header text compared case-, width- and separator-insensitively ("Date of Birth"). */
  public static String normalise(String header) {
    String s = Normalizer.normalize(header, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    return s.replaceAll("[\\s_\\-.]+", "_").replaceAll("^_|_$", "");
  }

  /** The role a header names on its own, if it is a known one. */
  public static Optional<ColumnRole> role(String header) {
    return Optional.ofNullable(KNOWN.get(normalise(header)));
  }

  /**
   * The roles of a header row, empty where the header is unknown: "name", 이름 and 名 are the given
   * name beside a family-name column and the whole name otherwise.
   */
  public static List<Optional<ColumnRole>> roles(List<String> headers) {
    List<Optional<ColumnRole>> out = new ArrayList<>(headers.size());
    boolean family = false;
    for (String h : headers) {
      Optional<ColumnRole> r = role(h);
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
