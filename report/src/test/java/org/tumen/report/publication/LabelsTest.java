package org.tumen.report.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Period rows read in the reader's language: counting's English words never reach a Korean page.
 */
class LabelsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en|year|year not known|year not known",
        "ko|year|year not known|연도 미상",
        "zh|year|year not known|年份不详",
        "en|month|2002 (month not known)|2002 (month not known)",
        "ko|month|2002 (month not known)|2002년 (월 미상)",
        "zh|quarter|2002 (quarter not known)|2002年（季度不详）",
        "ko|month|2002-03|2002-03",
        "zh|year|2002|2002",
      })
  void periodsAreWordedInTheReadersLanguage(
      String language, String dimension, String key, String label) {
    assertThat(Labels.standard(language).key(dimension, key)).isEqualTo(label);
  }
}
