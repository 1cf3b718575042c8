package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dependence among non-matches: two fields agreeing together more often than the product of their
 * u's, measured from the records by exact grouping counts.
 */
class DependenceTest {

  private static final List<String> WOMEN = List.of("순희", "영희", "미경", "정숙", "옥순", "춘화");
  private static final List<String> MEN = List.of("철수", "영철", "광호", "성진", "명수", "국진");
  private static final List<String> SURNAMES = List.of("김", "리", "박", "최", "정", "강", "조");

  /** Different people only (no one twice), given name by sex or not, all born in 1970. */
  private static Records people(boolean gendered) {
    List<String> headers = List.of("id", "name", "sex", "birth_date");
    List<List<String>> rows = new ArrayList<>();
    int id = 0;
    for (int i = 0; i < 420; i++) {
      boolean woman = i % 2 == 0;
      List<String> given = gendered ? (woman ? WOMEN : MEN) : (i % 4 < 2 ? WOMEN : MEN);
      String name = SURNAMES.get(i % 7) + given.get(i / 7 % 6);
      rows.add(List.of(String.valueOf(++id), name, woman ? "F" : "M", "1970"));
    }
    List<SourceTable> tables = List.of(new SourceTable("a", headers, rows));
    return Records.build(tables, LinkSpec.infer(tables));
  }

  private static Dependence estimate(Records rs) {
    int nf = rs.fields.size();
    double[][] m = new double[nf][];
    double[][] u = new double[nf][];
    for (int f = 0; f < nf; f++) {
      int levels = rs.field(f).levels();
      m[f] = new double[levels];
      u[f] = new double[levels];
      java.util.Arrays.fill(m[f], 1.0 / levels);
      java.util.Arrays.fill(u[f], 1.0 / levels);
    }
    Model shape = new Model(rs, m, u, new double[] {1e-9});
    // no candidate pairs: nothing to take away as matches
    PatternCounts.Table none = new PatternCounts.Table(new long[0], new int[0], new long[0]);
    return Dependence.estimate(rs, none, shape);
  }

  private static int field(Records rs, String name) {
    for (int f = 0; f < rs.fields.size(); f++) {
      if (rs.field(f).name().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no field " + name);
  }

  /**
   * A given name of one sex: two people sharing it always share their sex, where random pairs do
   * half the time, so agreement on both is worth one bit less than the product of the two says.
   */
  @Test
  void givenNamesOfOneSexTakeTheSexsBitBack() {
    Records rs = people(true);
    Dependence d = estimate(rs);
    int given = field(rs, FieldSpec.GIVEN);
    int sex = field(rs, FieldSpec.SEX);
    // pairs sharing a given name: 6 names × 2 sexes... each name 35 people, all of one sex; random
    // pairs agree on sex with 2 · (210 choose 2) / (420 choose 2) ≈ 0.499
    assertThat(d.bits[given][sex]).isCloseTo(-Model.log2(1 / 0.4988), within(0.02));
    assertThat(d.bits[sex][given]).isEqualTo(d.bits[given][sex]);
    // surnames are spread evenly over both sexes and all given names
    int surname = field(rs, FieldSpec.SURNAME);
    assertThat(d.bits[surname][sex]).isCloseTo(0, within(0.05));
  }

  @Test
  void givenNamesOfBothSexesLeaveTheProductAlone() {
    Records rs = people(false);
    Dependence d = estimate(rs);
    assertThat(d.bits[field(rs, FieldSpec.GIVEN)][field(rs, FieldSpec.SEX)])
        .isCloseTo(0, within(0.05));
  }

  /** The weight of a pattern agreeing on both falls by the bits; disagreeing on one, not at all. */
  @Test
  void thePatternWeightCarriesTheBitsOnlyWhereBothAgree() {
    Records rs = people(true);
    Dependence d = estimate(rs);
    int given = field(rs, FieldSpec.GIVEN);
    int sex = field(rs, FieldSpec.SEX);
    long both = 0; // every field at level 0: exact
    long sexDiffers = (long) 1 << (4 * sex);
    assertThat(d.bits(rs, both)).isCloseTo(sum(d.bits), within(1e-9));
    assertThat(d.bits(rs, both) - d.bits(rs, sexDiffers))
        .isCloseTo(d.bits[given][sex] + otherWithSex(d, sex, given), within(1e-9));
    assertThat(Dependence.none(rs.fields.size()).bits(rs, both)).isZero();
  }

  private static double sum(double[][] bits) {
    double s = 0;
    for (int f = 0; f < bits.length; f++) {
      for (int g = f + 1; g < bits.length; g++) {
        s += bits[f][g];
      }
    }
    return s;
  }

  private static double otherWithSex(Dependence d, int sex, int given) {
    double s = 0;
    for (int f = 0; f < d.bits.length; f++) {
      if (f != sex && f != given) {
        s += d.bits[f][sex];
      }
    }
    return s;
  }

  @Test
  void aDateAgreesByItsYear() {
    assertThat(Dependence.agrees(Field.Kind.DATE, Comparison.DATE_SAME_YEAR_PARTIAL)).isTrue();
    assertThat(Dependence.agrees(Field.Kind.DATE, Comparison.DATE_CONFLICT)).isTrue();
    assertThat(Dependence.agrees(Field.Kind.DATE, Comparison.DATE_YEAR_1_PARTIAL)).isFalse();
    assertThat(Dependence.agrees(Field.Kind.GIVEN, Comparison.NAME_VARIANT)).isTrue();
    assertThat(Dependence.agrees(Field.Kind.GIVEN, Comparison.NAME_SIMILAR_94)).isFalse();
    assertThat(Dependence.agrees(Field.Kind.SEX, Field.MISSING)).isFalse();
  }
}
