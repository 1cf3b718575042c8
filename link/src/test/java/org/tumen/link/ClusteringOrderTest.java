package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The order in which {@link Clustering} tries edges: rivals in the same list come later. */
class ClusteringOrderTest {

  private static Records records() {
    List<String> headers = List.of("id", "name", "birth_date");
    List<SourceTable> tables =
        List.of(
            new SourceTable("a", headers, List.of(List.of("1", "김순희", "1970"))),
            new SourceTable(
                "b",
                headers,
                List.of(List.of("1", "김순희", "1970-01-02"), List.of("2", "김순희", "1970-05-06"))),
            new SourceTable("c", headers, List.of(List.of("1", "박영철", "1960-03-04"))),
            new SourceTable("d", headers, List.of(List.of("1", "박영철", "1960-03-04"))));
    return Records.build(tables, LinkSpec.infer(tables));
  }

  @Test
  void anEdgeWithRivalsInTheSameListComesAfterAnEqualEdgeWithout() {
    Records rs = records();
    // records: 0 = a1, 1 = b1, 2 = b2, 3 = c1, 4 = d1
    int[] a = {0, 0, 3, 1};
    int[] b = {1, 2, 4, 2};
    float[] w = {5f, 4f, 5f, -3f};
    float[] key = Clustering.orderKeys(rs, a, b, w, 0.0);
    // a1–b1 has a rival (a1–b2, into the same list b); c1–d1 has none
    assertThat(key[0]).isLessThan(key[2]);
    assertThat(key[2]).isEqualTo(5f);
    // the rival itself is discounted more: it is the weaker of the two
    assertThat(key[1]).isLessThan(key[0]);
    // an edge below the threshold neither counts as a rival nor gets a key
    assertThat(key[3]).isEqualTo(0f);
    // keys never exceed the weight
    for (int i = 0; i < 3; i++) {
      assertThat(key[i]).isLessThanOrEqualTo(w[i]);
    }
  }
}
