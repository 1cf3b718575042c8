package org.tumen.document.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The web's search path (docs/web.md, "Performance"): hits and total from one pass with a cached
 * need-to-know filter give what the unrestricted search filtered by hand and the separate count
 * give; an index grown by {@link TestimonySearch#add} finds what a full rebuild finds. All texts
 * are synthetic.
 */
class OnePassSearchTest {

  private static final String[] FILLER = {"강물", "겨울", "시장", "기차", "산길", "마을", "공장", "학교"};
  private static final List<String> QUERIES = List.of("체포", "강물", "시장 체포", "기차", "arrest");

  /** Sources s{from}..s{to-1}; each third one tells an event of its own. */
  private static SyntheticTexts corpus(SyntheticTexts t, int from, int to) {
    for (int i = from; i < to; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = 0; k <= i % 4; k++) {
        text.append("그는 체포되었다. ");
      }
      text.append(FILLER[i % FILLER.length]).append("에서 있었던 일이다.");
      if (i % 5 == 0) {
        text.append(" The arrest was at the market.");
      }
      t.source("s" + i, i % 5 == 0 ? "en" : "ko", text.toString());
      if (i % 3 == 0) {
        t.event("e" + i, "공안이 " + FILLER[(i + 1) % FILLER.length] + "에서 체포함")
            .tells("s" + i, "e" + i);
      }
    }
    return t;
  }

  /** What a user may see: their sources, and the events one of them tells. */
  private static Set<String> allowed(Set<String> sources, int texts) {
    Set<String> out = new HashSet<>(sources);
    for (int i = 0; i < texts; i += 3) {
      if (sources.contains("s" + i)) {
        out.add("e" + i);
      }
    }
    return out;
  }

  @Property(tries = 30)
  void onePassGivesTheFilteredHitsAndTheSeparateCount(
      @ForAll @IntRange(min = 1, max = 40) int texts,
      @ForAll @Size(max = 40) Set<@IntRange(min = 0, max = 39) Integer> visible,
      @ForAll @IntRange(min = 1, max = 30) int limit) {
    Set<String> sources = visible.stream().map(i -> "s" + i).collect(Collectors.toSet());
    Set<String> allowed = allowed(sources, texts);
    try (TestimonySearch search =
        TestimonySearch.build(corpus(new SyntheticTexts(), 0, texts).build())) {
      for (int round = 0; round < 2; round++) { // the second round uses the cached filter
        for (String q : QUERIES) {
          // the oracle: every hit unrestricted, filtered here, in the same order and scores
          List<SearchHit> expected =
              search.search(q, 1000, null).stream().filter(h -> allowed.contains(h.id())).toList();
          TestimonySearch.Result r = search.find(q, limit, new HashSet<>(sources));
          assertThat(r.hits()).isEqualTo(expected.subList(0, Math.min(limit, expected.size())));
          assertThat(r.total()).isEqualTo(expected.size()).isEqualTo(search.count(q, sources));
        }
      }
      // one source is a term query, not kept
      assertThat(search.filtersKept()).isEqualTo(sources.size() == 1 ? 0 : 1);
      // a grant changes the set, so the filter: the new source is seen at once
      Set<String> more = new HashSet<>(sources);
      more.add("s0");
      assertThat(search.find("arrest", 100, more).hits()).extracting(SearchHit::id).contains("s0");
      // and a revoked one is not
      Set<String> less = new HashSet<>(more);
      less.remove("s0");
      assertThat(search.find("arrest", 100, less).hits())
          .extracting(SearchHit::id)
          .doesNotContain("s0");
    }
  }

  @Test
  void anIndexGrownByAddFindsWhatARebuildFinds() {
    int texts = 30;
    try (TestimonySearch full =
            TestimonySearch.build(
                corpus(new SyntheticTexts(), 0, texts + 1).tells("s" + texts, "e0").build());
        TestimonySearch grown =
            TestimonySearch.build(corpus(new SyntheticTexts(), 0, 20).build())) {
      assertThat(grown.find("체포", 100, Set.of("s30")).total()).isZero();
      // two intakes, the second also telling an event already indexed (e0, told by s0)
      grown.add(corpus(new SyntheticTexts(), 20, texts).build());
      grown.add(
          corpus(new SyntheticTexts(), texts, texts + 1)
              .event("e0", "공안이 겨울에서 체포함")
              .tells("s" + texts, "e0")
              .build());
      assertThat(grown.size()).isEqualTo(full.size());
      List<Set<String>> users = new ArrayList<>();
      users.add(null);
      users.add(Set.of("s30"));
      users.add(Set.of("s0", "s21", "s25"));
      users.add(Set.of("s3", "s6", "s29"));
      users.add(Set.of());
      for (Set<String> user : users) {
        for (String q : QUERIES) {
          TestimonySearch.Result a = full.find(q, 100, user);
          TestimonySearch.Result b = grown.find(q, 100, user);
          assertThat(b.total()).as(q + " " + user).isEqualTo(a.total());
          assertThat(ids(b)).as(q + " " + user).isEqualTo(ids(a));
        }
      }
      // the new source sees the older event it tells, and its own texts
      assertThat(ids(grown.find("체포", 100, Set.of("s30")))).containsExactly("e0", "e30");
      assertThat(ids(grown.find("arrest", 100, Set.of("s30")))).containsExactly("s30");
      // and a re-submitted text replaces the old one
      grown.add(new SyntheticTexts().source("s30", "ko", "강물을 건넜다.").build());
      assertThat(ids(grown.find("arrest", 100, Set.of("s30")))).isEmpty();
      assertThat(ids(grown.find("강물을", 100, Set.of("s30")))).containsExactly("s30");
      assertThat(grown.size()).isEqualTo(full.size());
    }
  }

  @Test
  void aUsersFilterIsLookedUpOncePerSegmentNotAtEverySearch() {
    try (TestimonySearch search =
        TestimonySearch.build(corpus(new SyntheticTexts(), 0, 40).build())) {
      Set<String> user = Set.of("s0", "s3", "s5", "s10", "s33");
      TestimonySearch.Result first = search.find("체포", 100, user);
      long kept = search.filterDocsHits();
      // the same set again (another Set object, as a new request reads it): its documents are kept
      TestimonySearch.Result again = search.find("체포", 100, new HashSet<>(user));
      assertThat(search.filterDocsHits()).isGreaterThan(kept);
      assertThat(ids(again)).isEqualTo(ids(first)).containsExactly("e0", "e3", "e33", "s3", "s33");
      assertThat(again.total()).isEqualTo(first.total()).isEqualTo(5);
    }
  }

  private static Set<String> ids(TestimonySearch.Result r) {
    return r.hits().stream().map(SearchHit::id).collect(Collectors.toCollection(TreeSet::new));
  }
}
