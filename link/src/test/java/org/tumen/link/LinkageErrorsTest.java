package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumen.model.BadInputException;
import org.tumen.model.Progress;

/** The expected linkage errors: their arithmetic, their JSON round trip, and bad files. */
class LinkageErrorsTest {

  private static LinkageErrors twoLists() {
    return new LinkageErrors(
        List.of("a", "b"),
        List.of(
            new LinkageErrors.SourcePair(0, 0, 10, 0.5, 0.2, 0.0),
            new LinkageErrors.SourcePair(0, 1, 1000, 10, 25, 5),
            new LinkageErrors.SourcePair(1, 1, 0, 0, 0.1, 0)));
  }

  @Test
  void ratesAndShortfall() {
    LinkageErrors e = twoLists();
    LinkageErrors.SourcePair ab = e.between("b", "a");
    assertThat(ab).isEqualTo(e.between(0, 1));
    assertThat(ab.expectedMissed()).isEqualTo(30);
    assertThat(ab.expectedTruePairs()).isEqualTo(1020);
    assertThat(ab.falseLinkRate()).isEqualTo(0.01);
    assertThat(ab.missedLinkRate()).isEqualTo(30.0 / 1020);
    // 20 more true pairs than linked: the overlap is 2% short, enough to move an estimate
    assertThat(ab.overlapShortfall()).isEqualTo(0.02);
    assertThat(ab.material()).isTrue();
    assertThat(e.within("a").overlapShortfall()).isEqualTo(-0.03);
    assertThat(e.within("b").material()).isFalse();
    assertThat(e.expectedMissed()).isEqualTo(30.3, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(e.linkedPairs()).isEqualTo(1010);
    assertThat(e.material()).isTrue();
  }

  @Test
  void jsonRoundTrip() {
    LinkageErrors e = twoLists();
    StringWriter w = new StringWriter();
    e.write(w);
    assertThat(w.toString()).contains("\"expected_missed_outside_blocks\"");
    assertThat(LinkageErrors.read(new StringReader(w.toString()), "e.json")).isEqualTo(e);
  }

  @Test
  void badFilesSayWhatInOneLine() {
    assertThatThrownBy(
            () -> LinkageErrors.read(new StringReader("{\"sources\": [\"a\"]"), "x.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("x.json")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(
            () ->
                LinkageErrors.read(
                    new StringReader("{\"sources\": [\"a\"], \"pairs\": []}"), "y.json"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("one entry per pair of lists");
  }

  @Test
  void entriesMustComeInOrder() {
    assertThatThrownBy(
            () ->
                new LinkageErrors(
                    List.of("a", "b"),
                    List.of(
                        new LinkageErrors.SourcePair(0, 1, 0, 0, 0, 0),
                        new LinkageErrors.SourcePair(0, 0, 0, 0, 0, 0),
                        new LinkageErrors.SourcePair(1, 1, 0, 0, 0, 0))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * On linked lists the linked pairs of each pair of lists are exactly the pairs of records that
   * share a cluster, and the expected false links lie between 0 and them.
   */
  @Test
  void linkedPairsAreTheClustersPairs() {
    List<SourceTable> t = LinkerPropertiesTest.lists(3, 60);
    LinkResult r = new Linker().withThreads(1).link(t, LinkSpec.infer(t), Progress.NONE);
    LinkageErrors e = r.linkageErrors();
    long[][] pairs = new long[2][2];
    for (int i = 0; i < r.size(); i++) {
      for (int j = i + 1; j < r.size(); j++) {
        if (r.clusterOf(i) == r.clusterOf(j)) {
          int a = r.record(i).source().equals("list_a") ? 0 : 1;
          int b = r.record(j).source().equals("list_a") ? 0 : 1;
          pairs[Math.min(a, b)][Math.max(a, b)]++;
        }
      }
    }
    assertThat(e.between(0, 0).linkedPairs()).isEqualTo(pairs[0][0]);
    assertThat(e.between(0, 1).linkedPairs()).isEqualTo(pairs[0][1]);
    assertThat(e.between(1, 1).linkedPairs()).isEqualTo(pairs[1][1]);
    for (LinkageErrors.SourcePair p : e.pairs()) {
      assertThat(p.expectedFalse()).isBetween(0.0, (double) p.linkedPairs());
    }
    assertThat(e.between(0, 1).linkedPairs()).isPositive();
  }
}
