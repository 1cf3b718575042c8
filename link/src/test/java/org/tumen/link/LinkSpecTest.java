package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumen.model.BadInputException;

class LinkSpecTest {

  private static SourceTable table(String name, String... headers) {
    return new SourceTable(name, List.of(headers), List.of(List.of(headers)));
  }

  @Test
  void parsesTheDesignExampleAndRoundTrips() {
    String json =
        "{\"id\": \"rec_id\", \"fields\": [{\"column\": \"given_name\", \"type\": \"name\"},"
            + " {\"column\": \"surname\", \"type\": \"name\"},"
            + " {\"column\": \"date_of_birth\", \"type\": \"date\"},"
            + " {\"column\": \"suburb\", \"type\": \"place\"},"
            + " {\"column\": \"soc_sec_id\", \"type\": \"ignore\"}]}";
    LinkSpec spec = LinkSpec.parse(json, "spec.json");
    assertThat(spec.idColumns()).containsExactly("rec_id");
    assertThat(spec.fields())
        .extracting(FieldSpec::role)
        .containsExactly("given", "surname", "birth_date", "place", "soc_sec_id");
    assertThat(LinkSpec.parse(spec.toJson(), "again")).isEqualTo(spec);
  }

  @Test
  void unknownTypeNamesTheSpecAndTheField() {
    assertThatThrownBy(
            () ->
                LinkSpec.parse(
                    "{\"id\": \"id\", \"fields\": [{\"column\": \"x\", \"type\": \"phonetic\"}]}",
                    "s.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("s.json")
        .hasMessageContaining("unknown type \"phonetic\"");
  }

  @Test
  void infersRolesAcrossEnglishKoreanAndChineseHeaders() {
    LinkSpec spec =
        LinkSpec.infer(
            List.of(
                table(
                    "a",
                    "rec_id",
                    "surname",
                    "given_name",
                    "sex",
                    "birth_date",
                    "birthplace",
                    "note"),
                table("b", "번호", "성명", "성별", "생년월일", "출생지", "비고"),
                table("c", "编号", "姓名", "性别", "出生日期", "籍贯", "备注")));
    assertThat(spec.idColumns()).containsExactly("rec_id", "번호", "编号");
    assertThat(spec.fields())
        .filteredOn(f -> f.role().equals(FieldSpec.BIRTH_DATE))
        .singleElement()
        .satisfies(f -> assertThat(f.columns()).containsExactly("birth_date", "생년월일", "出生日期"));
    assertThat(spec.fields())
        .filteredOn(f -> f.role().equals(FieldSpec.FULL_NAME))
        .singleElement()
        .satisfies(f -> assertThat(f.columns()).containsExactly("성명", "姓名"));
    assertThat(spec.fields())
        .filteredOn(f -> f.columns().contains("비고"))
        .singleElement()
        .satisfies(f -> assertThat(f.type()).isEqualTo(FieldType.IGNORE));
  }

  @Test
  void febrlHeadersAreRecognised() {
    LinkSpec spec =
        LinkSpec.infer(
            List.of(
                table(
                    "d",
                    "rec_id",
                    "given_name",
                    "surname",
                    "street_number",
                    "address_1",
                    "address_2",
                    "suburb",
                    "postcode",
                    "state",
                    "date_of_birth",
                    "soc_sec_id")));
    assertThat(spec.fields())
        .extracting(f -> f.columns().get(0) + ":" + f.type().jsonName())
        .contains(
            "given_name:name",
            "surname:name",
            "date_of_birth:date",
            "suburb:place",
            "postcode:code",
            "soc_sec_id:code");
  }

  private static SourceTable rows(String name, String header, String... rows) {
    return new SourceTable(
        name,
        List.of(header.split(",", -1)),
        java.util.Arrays.stream(rows).map(r -> List.of(r.split(",", -1))).toList());
  }

  /** Each list is read on its own: roles from its headers, a column of years as a year. */
  @Test
  void infersEachListOnItsOwn() {
    LinkSpec spec =
        LinkSpec.infer(
            List.of(
                rows("a", "rec_id,name,birth,year_crossed", "1,김철수,1970,2001", "2,이영희,1980,2003"),
                rows(
                    "b",
                    "ID,Family name,Name,Age,Interview date,Case worker,Notes",
                    "x1,Kim,Chol Su,33,2003-09-01,worker A,synthetic",
                    "x2,Ri,Yong Hui,22,2002-02-01,worker B,synthetic"),
                rows("c", "序号,姓名,出生年份,越境年份", "1,金哲洙,1970,2001", "2,李英姬,1980,2002")));
    assertThat(spec.lists().keySet()).containsExactly("a", "b", "c");
    assertThat(spec.lists().get("a").fields())
        .extracting(f -> f.column() + ":" + f.type().jsonName() + ":" + f.role())
        .containsExactly(
            "name:full_name:full_name", "birth:date:birth_date", "year_crossed:year:event_date");
    assertThat(spec.lists().get("b").id()).isEqualTo("ID");
    assertThat(spec.lists().get("b").fields())
        .extracting(f -> f.column() + ":" + f.type().jsonName() + ":" + f.role())
        .containsExactly(
            "Family name:name:surname",
            "Name:name:given",
            "Age:date:birth_date",
            "Interview date:ignore:interview_date",
            "Case worker:ignore:case_worker",
            "Notes:ignore:notes");
    assertThat(spec.lists().get("b").fields().get(2).ageStatedOn()).isEqualTo("Interview date");
    assertThat(spec.lists().get("c").fields())
        .extracting(f -> f.column() + ":" + f.type().jsonName() + ":" + f.role())
        .containsExactly("姓名:full_name:full_name", "出生年份:date:birth_date", "越境年份:year:event_date");
  }

  @Test
  void anAgeIsReadWithTheOnlyColumnOfRecentDatesWhenNoHeaderSaysWhenItWasStated() {
    ListSpec l =
        SpecInference.inferList(
            rows(
                "a",
                "id,name,age,seen,born_in",
                "1,A,34,2003-09-01,함북",
                "2,B,40,2002-03-05,양강",
                "3,C,22,2004-11-30,함북"));
    assertThat(l.fields().get(1).ageStatedOn()).isEqualTo("seen");
    assertThat(l.fields().get(2).type()).isEqualTo(FieldType.IGNORE);
  }

  @Test
  void anUnknownHeaderOfYearsIsAYearNotACode() {
    ListSpec l =
        SpecInference.inferList(
            rows("a", "id,name,crossed_in", "1,A,2001", "2,B,2001", "3,C,2003", "4,D,2001"));
    assertThat(l.fields().get(1).type()).isEqualTo(FieldType.YEAR);
  }

  /** The per-list spec written and read back is the same spec (and links the same: app tests). */
  @Test
  void perListSpecRoundTrips() {
    LinkSpec spec =
        LinkSpec.ofLists(
            new java.util.LinkedHashMap<>(
                java.util.Map.of(
                    "a.csv",
                    new ListSpec(
                        "번호",
                        List.of(
                            ListSpec.Field.of("성", FieldType.NAME, "surname"),
                            ListSpec.Field.of("이름", FieldType.NAME, "given"),
                            ListSpec.Field.age("나이", "면담일"),
                            ListSpec.Field.of("면담일", FieldType.IGNORE, null),
                            ListSpec.Field.of("탈북", FieldType.YEAR, "event_date"))))),
            List.of(List.of("surname", "birth_year")),
            0.6,
            0.3,
            0.7);
    String json = spec.toJson();
    assertThat(json).contains("\"lists\"").contains("\"stated_on\" : \"면담일\"");
    LinkSpec back = LinkSpec.parse(json, "spec.json");
    assertThat(back).isEqualTo(spec);
    assertThat(back.toJson()).isEqualTo(json);
  }

  @Test
  void inferredPerListSpecRoundTrips() {
    LinkSpec spec =
        LinkSpec.infer(
            List.of(
                rows("a", "번호,성명,성별,생년월일,출생지,비고", "1,김철수,남,1970.3.9,함북,x"),
                rows("b", "ID,Name,Gender,Age,Interview date,Hometown", "1,Kim Chol,M,33,2003,x")));
    assertThat(LinkSpec.parse(spec.toJson(), "again")).isEqualTo(spec);
  }

  @Test
  void anAgeWithoutTheDateItWasStatedIsBadInput() {
    assertThatThrownBy(
            () ->
                LinkSpec.parse(
                    "{\"lists\": {\"a\": {\"id\": \"id\", \"fields\": [{\"column\": \"age\","
                        + " \"type\": \"age\"}]}}}",
                    "s.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("s.json: list \"a\": field \"age\": an age needs \"stated_on\"");
  }
}
