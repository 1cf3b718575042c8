package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Term-frequency adjustment of agreement weights. */
class ModelTest {

  /** Agreeing on a province most records share is weaker evidence than on a rare one. */
  @Test
  void agreementOnACommonPlaceWeighsLess() {
    List<String> headers = List.of("id", "name", "birthplace");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(List.of(String.valueOf(i), "김순희" + i, i < 36 ? "함경북도" : "평양"));
    }
    List<SourceTable> tables = List.of(new SourceTable("list", headers, rows));
    Records rs = Records.build(tables, LinkSpec.infer(tables));
    int place = -1;
    for (int f = 0; f < rs.fields.size(); f++) {
      if (rs.field(f).kind() == Field.Kind.PLACE) {
        place = f;
      }
    }
    Model model = informative(rs);
    double common = model.fieldWeight(place, 0, 0, 1);
    double rare = model.fieldWeight(place, 0, 36, 37);
    assertThat(common).isLessThan(model.w[place][0]).isGreaterThanOrEqualTo(0);
    assertThat(rare).isGreaterThan(common + 2);
    assertThat(model.fieldWeight(place, 0, 0, 37)).isEqualTo(common); // the commoner value
  }

  /** Agreeing only to the year is weaker evidence in a year many were born in. */
  @Test
  void agreementOnACommonBirthYearWeighsLess() {
    List<String> headers = List.of("id", "name", "birth_date");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(List.of(String.valueOf(i), "김순희" + i, i < 30 ? "1970" : String.valueOf(1930 + i)));
    }
    List<SourceTable> tables = List.of(new SourceTable("list", headers, rows));
    Records rs = Records.build(tables, LinkSpec.infer(tables));
    Model model = informative(rs);
    int date = rs.dateField;
    int sameYear = 3;
    double common = model.fieldWeight(date, sameYear, 0, 1);
    double rare = model.fieldWeight(date, sameYear, 30, 30);
    assertThat(common).isLessThan(model.w[date][sameYear]);
    assertThat(rare).isGreaterThan(common + 0.5);
    // a rare year known on one side only never outweighs agreement on the whole date
    assertThat(rare).isLessThanOrEqualTo(model.w[date][0]);
    assertThat(model.fieldWeight(date, 0, 0, 1)).isEqualTo(model.w[date][0]); // full dates: none
  }

  /**
   * Term frequencies refine agreement, never reverse the levels: per (m of agreement, u of
   * agreement) and per value, from a very common to a unique one, agreement weighs at least as much
   * as disagreement and, where agreement is evidence for a match, at least 0 bits; a weaker level
   * never weighs more than agreement on the commoner of the two values. The first row is a field
   * with no evidence at all (m = u on every level: the fit of a handful of records), where once
   * agreement on the commonest surname weighed less than disagreement (seed -1708 of
   * LinkerPropertiesTest).
   */
  @ParameterizedTest
  @CsvSource({
    "0.25, 0.25", // no evidence
    "0.30, 0.25", // barely any
    "0.90, 0.25",
    "0.90, 0.05",
    "0.50, 0.45", // a field most non-matches agree on too
    "0.10, 0.20", // agreement less likely among matches: a broken fit
  })
  void agreementOnAnyNameNeverWeighsLessThanDisagreement(double mAgree, double uAgree) {
    List<String> headers = List.of("id", "surname", "given_name");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      // 김 on 50 records, 이 on 6, three more surnames on one or two each
      String surname = i < 50 ? "김" : i < 56 ? "이" : i < 58 ? "박" : i < 59 ? "황보" : "남궁";
      rows.add(List.of(String.valueOf(i), surname, "순희" + (char) ('가' + i)));
    }
    List<SourceTable> tables = List.of(new SourceTable("list", headers, rows));
    Records rs = Records.build(tables, LinkSpec.infer(tables));
    int f = rs.surnameField;
    int levels = rs.field(f).levels();
    double[][] m = new double[rs.fields.size()][];
    double[][] u = new double[rs.fields.size()][];
    for (int g = 0; g < m.length; g++) {
      int l = rs.field(g).levels();
      m[g] = new double[l];
      u[g] = new double[l];
      m[g][0] = mAgree;
      u[g][0] = uAgree;
      for (int k = 1; k < l; k++) {
        m[g][k] = (1 - mAgree) / (l - 1);
        u[g][k] = (1 - uAgree) / (l - 1);
      }
    }
    double[] lambda = new double[rs.groups()];
    Arrays.fill(lambda, 0.01);
    Model model = new Model(rs, m, u, lambda);
    double different = model.w[f][levels - 1];
    Comparison cmp = new Comparison(rs);
    for (int a = 0; a < rs.n; a++) {
      double agree = model.fieldWeight(f, 0, a, a);
      assertThat(agree).as("agreement on %s", rows.get(a).get(1)).isGreaterThanOrEqualTo(different);
      if (model.w[f][0] >= 0) {
        assertThat(agree).isGreaterThanOrEqualTo(0);
      }
      for (int b = 0; b < rs.n; b++) {
        int level = cmp.level(f, a, b);
        double commoner = Math.min(agree, model.fieldWeight(f, 0, b, b));
        assertThat(model.fieldWeight(f, level, a, b)).isLessThanOrEqualTo(commoner + 1e-12);
      }
    }
    // the refinement still works where the field has evidence: 황보 = 황보 weighs more than 김 = 김
    if (mAgree > uAgree) {
      assertThat(model.fieldWeight(f, 0, 58, 58)).isGreaterThan(model.fieldWeight(f, 0, 0, 1));
    }
  }

  /** m falls linearly from the strongest level to the weakest; u is the same on every level. */
  private static Model informative(Records rs) {
    double[][] m = new double[rs.fields.size()][];
    double[][] u = new double[rs.fields.size()][];
    for (int f = 0; f < m.length; f++) {
      int levels = rs.field(f).levels();
      m[f] = new double[levels];
      u[f] = new double[levels];
      double sum = levels * (levels + 1) / 2.0;
      for (int l = 0; l < levels; l++) {
        m[f][l] = (levels - l) / sum;
      }
      Arrays.fill(u[f], 1.0 / levels);
    }
    double[] lambda = new double[rs.groups()];
    Arrays.fill(lambda, 0.01);
    return new Model(rs, m, u, lambda);
  }
}
