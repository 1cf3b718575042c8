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
}
