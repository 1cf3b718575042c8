package org.tumen.document.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * A search restricted to the sources a user may read (the web's need-to-know) shows only their
 * testimonies and the summaries of the events they tell, and as many of those as there are: the
 * filter acts before the best hits are cut. All texts are synthetic.
 */
class VisibleSourcesTest {

  private static final String[] FILLER = {"강물", "겨울", "시장", "기차", "산길", "마을", "공장", "학교"};

  /**
   * {@code texts} sources whose testimony mentions 체포 (arrest) a varying number of times, so their
   * scores differ, and one event summary per third source, told by that source.
   */
  private static SyntheticTexts corpus(int texts) {
    SyntheticTexts t = new SyntheticTexts();
    for (int i = 0; i < texts; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = 0; k <= i % 4; k++) {
        text.append("그는 체포되었다. ");
      }
      text.append(FILLER[i % FILLER.length]).append("에서 있었던 일이다.");
      t.source("s" + i, "ko", text.toString());
      if (i % 3 == 0) {
        t.event("e" + i, "공안이 " + FILLER[(i + 1) % FILLER.length] + "에서 체포함")
            .tells("s" + i, "e" + i);
      }
    }
    return t;
  }

  @Property(tries = 40)
  void hitsComeOnlyFromVisibleSourcesAndNoneAreLostToTheCut(
      @ForAll @IntRange(min = 1, max = 40) int texts,
      @ForAll @Size(max = 40) Set<@IntRange(min = 0, max = 39) Integer> visible,
      @ForAll @IntRange(min = 1, max = 30) int limit) {
    Set<String> sources = visible.stream().map(i -> "s" + i).collect(Collectors.toSet());
    Set<String> allowed = new HashSet<>();
    for (int i = 0; i < texts; i++) {
      if (visible.contains(i)) {
        allowed.add("s" + i);
        if (i % 3 == 0) {
          allowed.add("e" + i);
        }
      }
    }
    try (TestimonySearch search = TestimonySearch.build(corpus(texts).build())) {
      List<SearchHit> hits = search.search("체포", limit, sources);
      assertThat(hits)
          .extracting(SearchHit::id)
          .allMatch(allowed::contains)
          .doesNotHaveDuplicates();
      // every allowed text mentions 체포, so a user sees min(limit, allowed) of them: none hidden by
      // texts they may not see that scored higher
      assertThat(hits).hasSize(Math.min(limit, allowed.size()));
      assertThat(search.count("체포", sources)).isEqualTo(allowed.size());
      // and with a limit above the count, exactly the allowed texts
      assertThat(search.search("체포", 100, sources))
          .extracting(SearchHit::id)
          .containsExactlyInAnyOrderElementsOf(allowed);
    }
  }

  @Test
  void aHitFromAnUnseenSourceNeverAppearsNorChangesTheCount() {
    // The unseen testimony mentions the word many times, so it would rank first unfiltered.
    SyntheticTexts base = corpus(6);
    SyntheticTexts withUnseen = corpus(6).source("hidden", "ko", "체포 체포 체포 체포 체포 체포 체포 체포 체포 체포.");
    withUnseen.event("e-hidden", "체포 체포 체포").tells("hidden", "e-hidden");
    Set<String> mine = Set.of("s0", "s1", "s2");
    try (TestimonySearch without = TestimonySearch.build(base.build());
        TestimonySearch with = TestimonySearch.build(withUnseen.build())) {
      assertThat(with.search("체포", 1, null).get(0).id()).isIn("hidden", "e-hidden");
      for (int limit = 1; limit <= 6; limit++) {
        assertThat(with.search("체포", limit, mine))
            .extracting(SearchHit::id)
            .noneMatch(id -> id.contains("hidden"))
            .containsExactlyElementsOf(
                without.search("체포", limit, mine).stream().map(SearchHit::id).toList());
      }
      assertThat(with.count("체포", mine)).isEqualTo(without.count("체포", mine)).isEqualTo(4);
      assertThat(with.count("체포", null)).isEqualTo(without.count("체포", null) + 2);
    }
  }

  @Test
  void anEventIsSeenThroughAnyOfItsTellersAndNotWithoutOne() {
    SyntheticTexts t =
        new SyntheticTexts()
            .source("a", "ko", "강을 건넜다.")
            .source("b", "ko", "산을 넘었다.")
            .event("told-by-both", "국경경비대가 체포함")
            .event("told-by-none", "국경경비대가 체포함")
            .tells("a", "told-by-both")
            .tells("b", "told-by-both");
    try (TestimonySearch search = TestimonySearch.build(t.build())) {
      assertThat(search.search("체포", 10, Set.of("b")))
          .extracting(SearchHit::id)
          .containsExactly("told-by-both");
      assertThat(search.search("체포", 10, Set.of())).isEmpty();
      assertThat(search.count("체포", Set.of("a"))).isEqualTo(1);
      assertThat(search.count("체포", null)).isEqualTo(2);
    }
  }
}
