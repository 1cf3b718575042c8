package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of the comparison levels for any records: every level is symmetric, and a record
 * compared with a copy of itself is at the top level of every field it has (for a partial date, the
 * top level its parts allow).
 */
class ComparisonPropertiesTest {

  private static final List<String> HEADERS =
      List.of("rec_id", "name", "sex", "birth", "birthplace", "year_crossed");
  private static final String[] NAMES = {
    "김순희",
    "Kim Sun-hui",
    "Yong JunK im",
    "aBk Ok Jin",
    "李희민",
    "이민희",
    "Ch'oe Kukok",
    "Choi Gukk",
    "박정순",
    "朴순정",
    "Hwang Min-guk",
    "황국민",
    "SinOk-hyon",
    "Sunhy eIm",
    "Lim Sun-hye",
    "O Il",
    "",
  };
  private static final String[] PLACES = {
    "Hamkyung Bukdo",
    "Hamgyongbuk-do",
    "N. Hamgyong",
    "함경북도",
    "Kumgol-ri",
    "Kumkkol-ri",
    "남양리",
    "Namyangri",
    "Yanbian",
    "Ryanggang-do",
    "Yanggang Province",
    "Hamgyong",
    "",
  };
  private static final String[] SEXES = {"F", "M", "여", ""};

  private static String date(SplittableRandom rnd) {
    int y = 1950 + rnd.nextInt(45);
    return switch (rnd.nextInt(5)) {
      case 0 -> "";
      case 1 -> Integer.toString(y);
      case 2 -> String.format("%d-%02d", y, 1 + rnd.nextInt(12));
      case 3 -> String.format("%02d/%02d/%d", 1 + rnd.nextInt(28), 1 + rnd.nextInt(12), y);
      default -> String.format("%d-%02d-%02d", y, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
    };
  }

  /** A syllable name, so that the names are not only the fixed ones. */
  private static String hangulName(SplittableRandom rnd) {
    StringBuilder b = new StringBuilder();
    int n = 2 + rnd.nextInt(3);
    for (int i = 0; i < n; i++) {
      b.append((char) (0xAC00 + rnd.nextInt(11172)));
    }
    return b.toString();
  }

  private static Records records(long seed, int size) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      List<String> row =
          List.of(
              "r" + i,
              rnd.nextInt(4) == 0 ? hangulName(rnd) : NAMES[rnd.nextInt(NAMES.length)],
              SEXES[rnd.nextInt(SEXES.length)],
              date(rnd),
              PLACES[rnd.nextInt(PLACES.length)],
              rnd.nextInt(6) == 0 ? "" : Integer.toString(1995 + rnd.nextInt(12)));
      rows.add(row);
      List<String> copy = new ArrayList<>(row);
      copy.set(0, "c" + i);
      rows.add(copy);
    }
    List<SourceTable> t = List.of(new SourceTable("list", HEADERS, rows));
    LinkSpec spec = LinkSpec.infer(t);
    return Records.build(t, spec);
  }

  @Property(tries = 40)
  void levelsAreSymmetric(@ForAll long seed, @ForAll @IntRange(min = 2, max = 30) int size) {
    Records rs = records(seed, size);
    Comparison cmp = new Comparison(rs);
    for (int a = 0; a < rs.n; a++) {
      for (int b = a + 1; b < rs.n; b++) {
        assertThat(cmp.pattern(a, b)).isEqualTo(cmp.pattern(b, a));
      }
    }
  }

  @Property(tries = 40)
  void aRecordMatchesItsCopyAtTheTopLevel(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int size) {
    Records rs = records(seed, size);
    Comparison cmp = new Comparison(rs);
    for (int i = 0; i < rs.n; i += 2) {
      long p = cmp.pattern(i, i + 1);
      for (int f = 0; f < rs.fields.size(); f++) {
        int level = Comparison.level(p, f);
        int v = rs.value[f][i];
        assertThat(level == Field.MISSING).isEqualTo(v < 0);
        if (v >= 0 && rs.field(f).kind() == Field.Kind.DATE) {
          // a partial date agrees with itself as far as it knows: to the month, or to the year
          assertThat(level)
              .isEqualTo(
                  v % 100 != 0
                      ? Comparison.DATE_EXACT
                      : v / 100 % 100 != 0
                          ? Comparison.DATE_SAME_MONTH_PARTIAL
                          : Comparison.DATE_SAME_YEAR_PARTIAL);
        } else if (v >= 0) {
          assertThat(level).as("field %s", rs.field(f).name()).isZero();
        }
      }
    }
  }

  @Property(tries = 2000)
  void dateAndYearLevelsAreSymmetricAndExactOnlyWhenEqual(
      @ForAll @IntRange(min = 1900, max = 2030) int ya,
      @ForAll @IntRange(min = 0, max = 12) int ma,
      @ForAll @IntRange(min = 0, max = 28) int da,
      @ForAll @IntRange(min = 1900, max = 2030) int yb,
      @ForAll @IntRange(min = 0, max = 12) int mb,
      @ForAll @IntRange(min = 0, max = 28) int db) {
    int a = ya * 10000 + ma * 100 + (ma == 0 ? 0 : da);
    int b = yb * 10000 + mb * 100 + (mb == 0 ? 0 : db);
    assertThat(Comparison.date(a, b)).isEqualTo(Comparison.date(b, a));
    assertThat(Comparison.date(a, b) == Comparison.DATE_EXACT).isEqualTo(a == b && a % 100 != 0);
    assertThat(Comparison.year(ya, yb)).isEqualTo(Comparison.year(yb, ya));
    assertThat(Comparison.year(ya, yb) == 0).isEqualTo(ya == yb);
  }
}
