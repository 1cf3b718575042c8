package org.tumen.model.columns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Header rows in English, Korean and Chinese, read into roles (a role key, or - for unknown). */
class ColumnHeadersTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // English, FEBRL, Splink
        "rec_id,given_name,surname,street_number,address_1,suburb,postcode,state,date_of_birth,"
            + "soc_sec_id|record_id,given_name,family_name,identifier,address,place,identifier,"
            + "region,birth_date,identifier",
        "unique_id,first_name,surname,dob,city,email,cluster"
            + "|record_id,given_name,family_name,birth_date,place,identifier,truth",
        "No.,Full Name,Date of Birth,Gender,Phone|record_id,full_name,birth_date,sex,identifier",
        "ID,Family name,Name,Age,Interview date,Case worker,Notes,Arrest date"
            + "|record_id,family_name,given_name,age,age_stated_on,staff,note,other",
        "rec_id,name,sex,birth,birthplace,year_crossed"
            + "|record_id,full_name,sex,birth_date,place,event_date",
        "ＩＤ,NAME,DOB,Year of birth,Favourite colour|record_id,full_name,birth_date,birth_year,-",
        // Korean
        "번호,성명,성별,생년월일,출생지,비고|record_id,full_name,sex,birth_date,place,note",
        "번호,성,이름,나이,면담일,고향,담당자|record_id,family_name,given_name,age,age_stated_on," + "place,staff",
        "번호,이름,출생년도,탈북년도,체포일|record_id,full_name,birth_year,event_date,other",
        // Chinese
        "编号,姓名,性别,出生日期,籍贯,备注|record_id,full_name,sex,birth_date,place,note",
        "序号,姓,名,年龄,访谈日期,经办人|record_id,family_name,given_name,age,age_stated_on,staff",
        "编号,名字,出生年份,越境年份,被捕日期|record_id,full_name,birth_year,event_date,other",
        // headers that hold the words: qualifiers in brackets, longer phrases
        "Record No.,Name (Korean),Date of Birth (dd/mm/yyyy),Age at time of interview,"
            + "Date of interview,Province of origin,Date of arrest in China,Caseworker name,"
            + "Interview notes|record_id,full_name,birth_date,age,age_stated_on,place,other,staff,"
            + "note",
        "관리번호,이름 (한글),면담 일자,만 나이,탈북 시기,체포 날짜,담당 직원|record_id,full_name,"
            + "age_stated_on,age,event_date,other,staff",
        "档案编号,姓名（中文）,出生年月日期,访谈时间,被抓时间,过江年份,工作人员|record_id,full_name,"
            + "birth_date,age_stated_on,other,event_date,staff",
        // the word gives way to the exact header, and is taken once
        "id,Name,Father's name,Korean name|record_id,full_name,-,-",
      })
  void readsHeaderRowsInThreeLanguages(String header, String roles) {
    List<String> expected = Arrays.asList(roles.split(","));
    List<String> got =
        ColumnHeaders.roles(Arrays.asList(header.split(","))).stream()
            .map(r -> r.map(ColumnRole::key).orElse("-"))
            .toList();
    assertThat(got).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @CsvSource({"Date of Birth, date_of_birth", "' given-name ', given_name", "ＤＯＢ, dob"})
  void normalisesCaseWidthAndSeparators(String header, String normalised) {
    assertThat(ColumnHeaders.normalise(header)).isEqualTo(normalised);
  }

  @ParameterizedTest
  @CsvSource({"name, full_name", "이름, full_name", "名, full_name"})
  void aNameHeaderAloneIsTheWholeName(String header, String role) {
    assertThat(ColumnHeaders.roles(List.of("id", header)).get(1)).isEqualTo(ColumnRole.byKey(role));
    assertThat(ColumnHeaders.roles(List.of("id", "surname", header)).get(2))
        .isEqualTo(Optional.of(ColumnRole.GIVEN_NAME));
  }
}
