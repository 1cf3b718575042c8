package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tally of expected matches, missed and false links from pair probabilities. */
class ExpectedLinkErrorsTest {

  @Test
  void talliesProbabilitiesByPairOfListsAgainstTheClusters() {
    List<String> headers = List.of("id", "name", "birth_date");
    List<SourceTable> tables =
        List.of(
            new SourceTable(
                "a", headers, List.of(List.of("1", "김순희", "1970"), List.of("2", "김순희", "1971"))),
            new SourceTable(
                "b",
                headers,
                List.of(List.of("1", "김순희", "1970-01-02"), List.of("2", "박영철", "1960"))));
    Records rs = Records.build(tables, LinkSpec.infer(tables));
    // records: 0 = a1, 1 = a2, 2 = b1, 3 = b2; a1 and b1 one person, a2 and b2 alone
    int[] cluster = {0, 1, 0, 2};
    int[] pa = {0, 1, 1, 0, 0};
    int[] pb = {2, 2, 3, 1, 3};
    // probabilities 0.9 (a1–b1, linked), 0.3 (a2–b1: b1's cluster holds a record of a already,
    // and no cluster holds two records of a list, so a2 is a namesake, not a missed match), 0.2
    // (a2–b2, missed), 0.6 (a1–a2, a missed
    // duplicate), 0.005 (below the floor)
    float[] pw = {w(0.9), w(0.3), w(0.2), w(0.6), w(0.005)};
    ExpectedLinkErrors e = ExpectedLinkErrors.tally(rs, cluster, pa, pb, pw, 0.5, 0.01);
    assertThat(e.lists()).containsExactly("a", "b");
    assertThat(e.missed(0, 1)).isCloseTo(0.2, within(1e-6));
    assertThat(e.missed(1, 0)).isCloseTo(0.2, within(1e-6));
    // a cluster of two records: the one link is wrong with 1 − 0.9, counted half by each record
    assertThat(e.falseLinks(0, 1)).isCloseTo(0.1, within(1e-6));
    // one pair together, less the false link, plus the missed one
    assertThat(e.matches(0, 1)).isCloseTo(1 - 0.1 + 0.2, within(1e-6));
    assertThat(e.matches(0, 0)).isCloseTo(0.6, within(1e-6));
    assertThat(e.missed(0, 0)).isCloseTo(0.6, within(1e-6));
    assertThat(e.falseLinks(0, 0)).isZero();
    assertThat(e.matches(1, 1)).isZero();
    assertThat(e.floor()).isEqualTo(0.01);
  }

  /** A candidate on a list with several namesakes: the chance one is the match, not their sum. */
  @Test
  void namesakesOnOneListCountOnceNotEach() {
    List<String> headers = List.of("id", "name");
    List<SourceTable> tables =
        List.of(
            new SourceTable("a", headers, List.of(List.of("1", "김순희"))),
            new SourceTable("b", headers, List.of(List.of("1", "김순희"), List.of("2", "김순희"))));
    Records rs = Records.build(tables, LinkSpec.infer(tables));
    int[] cluster = {0, 1, 2};
    ExpectedLinkErrors e =
        ExpectedLinkErrors.tally(
            rs,
            cluster,
            new int[] {0, 0},
            new int[] {1, 2},
            new float[] {w(0.4), w(0.4)},
            0.5,
            0.01);
    // from a1: 1 − 0.6²; from b1 and b2: 0.4 each; each end counts half
    assertThat(e.missed(0, 1)).isCloseTo((1 - 0.36) / 2 + 0.4, within(1e-6));
  }

  /**
   * A record linked to two records of its cluster is wrong only if both links are, and they are
   * wrong together: a namesake agrees with every record of the person alike, so the chance is that
   * of its strongest link being wrong, not the product (which put a namesake linked to three
   * records of a person at 0.8 each at 0.008).
   */
  @Test
  void aRecordsLinksInOneClusterStandOrFallTogether() {
    List<String> headers = List.of("id", "name");
    List<SourceTable> tables =
        List.of(
            new SourceTable("a", headers, List.of(List.of("1", "김순희"))),
            new SourceTable("b", headers, List.of(List.of("1", "김순희"))),
            new SourceTable("c", headers, List.of(List.of("1", "김순희"))));
    Records rs = Records.build(tables, LinkSpec.infer(tables));
    int[] cluster = {0, 0, 0};
    // a–b 0.8, a–c 0.7, b–c 0.9: a wrong with 1 − 0.8, b with 1 − 0.9, c with 1 − 0.9
    int[] pa = {0, 0, 1};
    int[] pb = {1, 2, 2};
    float[] pw = {w(0.8), w(0.7), w(0.9)};
    ExpectedLinkErrors e = ExpectedLinkErrors.tally(rs, cluster, pa, pb, pw, 0.5, 0.01);
    // a's strongest link is to b, b's to c, c's to b
    assertThat(e.falseLinks(0, 1)).isCloseTo(0.2, within(1e-6));
    assertThat(e.falseLinks(1, 2)).isCloseTo(0.1 + 0.1, within(1e-6));
    assertThat(e.falseLinks(0, 2)).isZero();
    assertThat(e.missed(0, 1) + e.missed(0, 2) + e.missed(1, 2)).isZero();
    assertThat(e.matches(0, 1)).isCloseTo(1 - 0.2, within(1e-6));
    assertThat(e.matches(0, 2)).isCloseTo(1, within(1e-6));
  }

  /** Three links of 0.8 from one record into one cluster: 0.2 wrong, not 0.2³. */
  @Test
  void aNamesakeOfAPersonOnThreeListsIsWrongAsOftenAsItsBestLink() {
    List<String> headers = List.of("id", "name");
    List<SourceTable> tables =
        List.of(
            new SourceTable("a", headers, List.of(List.of("1", "김순희"))),
            new SourceTable("b", headers, List.of(List.of("1", "김순희"))),
            new SourceTable("c", headers, List.of(List.of("1", "김순희"))),
            new SourceTable("d", headers, List.of(List.of("1", "김순희"))));
    Records rs = Records.build(tables, LinkSpec.infer(tables));
    int[] cluster = {0, 0, 0, 0};
    // b, c and d one person (0.999 between them), a linked to each at 0.8
    int[] pa = {0, 0, 0, 1, 1, 2};
    int[] pb = {1, 2, 3, 2, 3, 3};
    float[] pw = {w(0.8), w(0.8), w(0.8), w(0.999), w(0.999), w(0.999)};
    ExpectedLinkErrors e = ExpectedLinkErrors.tally(rs, cluster, pa, pb, pw, 0.5, 0.01);
    double wrongA = e.falseLinks(0, 1) + e.falseLinks(0, 2) + e.falseLinks(0, 3);
    assertThat(wrongA).isCloseTo(0.2, within(1e-6));
  }

  private static float w(double p) {
    return (float) Model.logit2(p);
  }
}
