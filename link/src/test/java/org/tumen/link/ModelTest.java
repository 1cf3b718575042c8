package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    double[][] m = new double[rs.fields.size()][];
    double[][] u = new double[rs.fields.size()][];
    for (int f = 0; f < m.length; f++) {
      int levels = rs.field(f).levels();
      m[f] = new double[levels];
      u[f] = new double[levels];
      Arrays.fill(m[f], 1.0 / levels);
      Arrays.fill(u[f], 1.0 / levels);
    }
    double[] lambda = new double[rs.groups()];
    Arrays.fill(lambda, 0.01);
    Model model = new Model(rs, m, u, lambda);
    double common = model.fieldWeight(place, 0, 0, 1);
    double rare = model.fieldWeight(place, 0, 36, 37);
    assertThat(common).isLessThan(0);
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
    Model model = uniform(rs);
    int date = rs.dateField;
    int sameYear = 3;
    double common = model.fieldWeight(date, sameYear, 0, 1);
    double rare = model.fieldWeight(date, sameYear, 30, 30);
    assertThat(common).isLessThan(0);
    assertThat(rare).isGreaterThan(common + 2);
    assertThat(model.fieldWeight(date, 0, 0, 1)).isEqualTo(0); // full dates: no adjustment
  }

  private static Model uniform(Records rs) {
    double[][] m = new double[rs.fields.size()][];
    double[][] u = new double[rs.fields.size()][];
    for (int f = 0; f < m.length; f++) {
      int levels = rs.field(f).levels();
      m[f] = new double[levels];
      u[f] = new double[levels];
      Arrays.fill(m[f], 1.0 / levels);
      Arrays.fill(u[f], 1.0 / levels);
    }
    double[] lambda = new double[rs.groups()];
    Arrays.fill(lambda, 0.01);
    return new Model(rs, m, u, lambda);
  }
}
