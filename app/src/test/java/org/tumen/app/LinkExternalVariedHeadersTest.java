package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tumen link} with no spec on six differently headed lists rewritten from the korean-20k
 * lists ({@link ExternalVariedHeaders}: people and spellings from a generator Tumen was not written
 * for, layouts as organisations keep them). Issue 11 asks F1 ≥ 0.95 and clusters within 3% on such
 * lists; the floors here are a regression floor a little under the measured figures
 * (docs/linkage.md, "Measured").
 */
class LinkExternalVariedHeadersTest {

  @TempDir Path dir;

  static Path korean20k() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path d = p.resolve("shared/data/external-lists/korean-20k");
      if (Files.isDirectory(d)) {
        return d;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("shared/data/external-lists/korean-20k not found");
  }

  private static double number(String text, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void sixListsOfAnotherGeneratorLinkWithNoSpec() throws IOException {
    List<Path> lists = ExternalVariedHeaders.write(korean20k(), dir.resolve("lists"), 1);
    List<String> args = new ArrayList<>(List.of("link", "--input"));
    lists.forEach(p -> args.add(p.toString()));
    args.addAll(
        List.of(
            "--out",
            dir.resolve("clusters.csv").toString(),
            "--truth",
            dir.resolve("lists/truth.csv").toString()));
    LinkCommandTest.Run r = LinkCommandTest.run(args.toArray(String[]::new));
    assertThat(r.status()).as(r.err()).isZero();
    // every list read on its own: the age list through its interview date, split names as names
    assertThat(r.err()).contains("\"stated_on\"").contains("\"姓\"").contains("\"Family name\"");
    double f1 = number(r.out(), "F1 ([0-9.]+)");
    double clusters = number(r.out(), "clusters \\d+, true people \\d+ \\(([-+0-9.]+)%\\)");
    assertThat(f1).as(r.out()).isGreaterThanOrEqualTo(FLOOR_F1);
    assertThat(Math.abs(clusters)).as(r.out()).isLessThanOrEqualTo(FLOOR_CLUSTERS_PERCENT);
  }

  /**
   * Regression floors, a little under the figures measured (F1 0.9769, clusters +1.60%, seed 1;
   * docs/linkage.md): above the issue's target of 0.95 and 3%.
   */
  private static final double FLOOR_F1 = 0.97;

  private static final double FLOOR_CLUSTERS_PERCENT = 2.5;

  /**
   * The clerk's split of a name in one cell: the first word, or the first Hangul/Hanja character.
   */
  @Test
  void namesAreSplitAsAClerkWould() {
    assertThat(ExternalVariedHeaders.splitName("Kim  Chol Su")).containsExactly("Kim", "Chol Su");
    assertThat(ExternalVariedHeaders.splitName("김춘은")).containsExactly("김", "춘은");
    assertThat(ExternalVariedHeaders.splitName("鄭영란")).containsExactly("鄭", "영란");
    assertThat(ExternalVariedHeaders.splitName("Ran-eun Gim")).containsExactly("Ran-eun", "Gim");
  }

  /**
   * Not a test: writes the six lists for a measurement ({@code -Dtumen.extvaried.out=DIR}), then
   * {@code tumen link --input DIR/*.csv --truth DIR/truth.csv} (docs/linkage.md).
   */
  @Test
  @EnabledIfSystemProperty(named = "tumen.extvaried.out", matches = ".+")
  void writeForMeasurement() throws IOException {
    ExternalVariedHeaders.write(
        korean20k(),
        Path.of(System.getProperty("tumen.extvaried.out")),
        Long.getLong("tumen.extvaried.seed", 1));
  }
}
