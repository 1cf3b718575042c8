package org.tumen.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every language's catalogue has every key, with the same placeholders, in its own script. */
class TextsTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

  @Test
  void everyLanguageHasEveryKeyWithTheSamePlaceholders() {
    Texts en = Texts.of("en");
    for (String lang : Texts.LANGUAGES) {
      Texts t = Texts.of(lang);
      assertThat(t.keys()).as(lang).isEqualTo(en.keys());
      for (String k : en.keys()) {
        assertThat(placeholders(t.get(k))).as(lang + " " + k).isEqualTo(placeholders(en.get(k)));
      }
    }
  }

  @Test
  void koreanAndChineseAreWrittenInTheirScripts() {
    assertThat(Texts.of("ko").get("section.findings")).matches(".*\\p{IsHangul}.*");
    assertThat(Texts.of("zh").get("section.findings")).matches(".*\\p{IsHan}.*");
  }

  @Test
  void placeholdersAreReplacedAndApostrophesKept() {
    assertThat(Texts.of("en").get("report.made", "2026-12-07", "all dates"))
        .isEqualTo("Made on 2026-12-07 from the workspace's documentation; period: all dates.");
  }

  private static java.util.Set<String> placeholders(String s) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
