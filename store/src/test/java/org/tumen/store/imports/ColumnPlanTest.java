package org.tumen.store.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumen.model.BadInputException;

/** Header recognition, with the four header sets of the simulated lists (helper-rules.md). */
class ColumnPlanTest {

  private static List<Field> fields(String header, Map<String, String> map) {
    ColumnPlan p = ColumnPlan.of("f.csv", Arrays.asList(header.split(",")), map);
    Field[] out = new Field[p.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = p.field(i);
    }
    return List.of(out);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "rec_id,surname,given_name,sex,birth_date,birthplace,note"
            + "|ID,SURNAME,GIVEN_NAME,SEX,BIRTH_DATE,BIRTHPLACE,NOTE",
        "rec_id,full_name,sex,birth_date,birthplace,note"
            + "|ID,FULL_NAME,SEX,BIRTH_DATE,BIRTHPLACE,NOTE",
        "번호,성명,성별,생년월일,출생지,비고|ID,FULL_NAME,SEX,BIRTH_DATE,BIRTHPLACE,NOTE",
        "编号,姓名,性别,出生日期,籍贯,备注|ID,FULL_NAME,SEX,BIRTH_DATE,BIRTHPLACE,NOTE",
        // 이름 and 名 are the given name beside a surname column, the whole name otherwise
        "번호,성,이름,고향|ID,SURNAME,GIVEN_NAME,BIRTHPLACE",
        "번호,이름|ID,FULL_NAME",
        "编号,姓,名|ID,SURNAME,GIVEN_NAME",
        "No.,Full Name,Date of Birth,Gender,Phone|ID,FULL_NAME,BIRTH_DATE,SEX,EXTRA",
        "ＩＤ,NAME,DOB|ID,FULL_NAME,BIRTH_DATE",
      })
  void recognisesTheSimulatedAndCommonHeaders(String header, String expected) {
    assertThat(fields(header, Map.of()))
        .containsExactlyElementsOf(Arrays.stream(expected.split(",")).map(Field::valueOf).toList());
  }

  @Test
  void mapOverridesAndCompletesTheGuess() {
    assertThat(
            fields("code,who,phone", Map.of("code", "id", "who", "full_name", "phone", "ignore")))
        .containsExactly(Field.ID, Field.FULL_NAME, Field.IGNORE);
  }

  @Test
  void extraColumnsAreStoredUnderTheirPosition() {
    ColumnPlan p = ColumnPlan.of("f.csv", List.of("id", "name", "a", "a"), Map.of());
    assertThat(p.extraHeaders()).containsExactly("a", "a");
    assertThat(p.storageKey(2)).isEqualTo("extra.3");
    assertThat(p.storageKey(3)).isEqualTo("extra.4");
  }

  @Test
  void refusesAFileWithoutIdOrName() {
    assertThatThrownBy(() -> fields("name,sex", Map.of()))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("f.csv:1: no record id column");
    assertThatThrownBy(() -> fields("id,sex", Map.of()))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("f.csv:1: no name column");
  }

  @Test
  void refusesTwoColumnsReadAsOneField() {
    assertThatThrownBy(() -> fields("id,name,full_name", Map.of()))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(
            "f.csv:1:3: columns 2 (name) and 3 (full_name) both read as full_name");
  }

  @Test
  void refusesAMapNamingNoColumnOrField() {
    assertThatThrownBy(() -> fields("id,name", Map.of("nope", "id")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no such column");
    assertThatThrownBy(() -> fields("id,name", Map.of("name", "nickname")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("unknown field");
  }
}
