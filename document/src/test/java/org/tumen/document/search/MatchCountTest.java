package org.tumen.document.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The results page's count of matching words ({@link TestimonySearch#findCounted}, from term
 * frequencies) equals the number of ranges the offsets give ({@link TestimonySearch#find}) on
 * generated texts in the three languages, mixed, with name variants (so touching ranges: 工厂 is two
 * words in the English field). All texts are synthetic.
 */
class MatchCountTest {

  private static final String[] KO = {"체포", "강물", "시장", "기차", "마을", "공장", "학교"};
  private static final String[] KO_TAIL = {"", "에서", "을", "이", "으로"};
  private static final String[] ZH = {"逮捕", "市场", "火车", "工厂", "学校", "河流"};
  private static final String[] EN = {"arrest", "market", "train", "river", "factory", "police"};
  private static final String[] LANGS = {"ko", "zh", "en", null};

  /** Text i: words drawn by a small generator from the seed, in one language (or unsaid). */
  private static String text(long seed, int i, String lang) {
    java.util.Random r = new java.util.Random(seed * 31 + i);
    StringBuilder out = new StringBuilder();
    int words = 1 + r.nextInt(12);
    for (int w = 0; w < words; w++) {
      String l = lang == null ? LANGS[r.nextInt(3)] : lang;
      switch (l) {
        case "ko" -> out.append(KO[r.nextInt(KO.length)]).append(KO_TAIL[r.nextInt(5)]);
        case "zh" -> out.append(ZH[r.nextInt(ZH.length)]);
        default -> out.append(EN[r.nextInt(EN.length)]).append(r.nextBoolean() ? "s" : "");
      }
      out.append(r.nextInt(4) == 0 ? ". " : r.nextInt(3) == 0 ? "" : " ");
    }
    return out.toString();
  }

  private static List<String> queries() {
    List<String> out = new java.util.ArrayList<>();
    for (String[] words : List.of(KO, ZH, EN)) {
      out.addAll(List.of(words));
    }
    out.addAll(List.of("시장 체포", "arrest market", "市场 逮捕", "체포 arrest", "강물을", "trains"));
    return out;
  }

  @Property(tries = 25)
  void theCountIsTheNumberOfRangesTheOffsetsGive(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 60) int texts,
      @ForAll @Size(max = 3) Set<@IntRange(min = 0, max = 59) Integer> visible) {
    SyntheticTexts t = new SyntheticTexts();
    for (int i = 0; i < texts; i++) {
      String lang = LANGS[Math.floorMod(seed + i, LANGS.length)];
      t.source("s" + i, lang, text(seed, i, lang));
      if (i % 4 == 0) {
        t.event("e" + i, text(seed, -i - 1, null)).tells("s" + i, "e" + i);
      }
    }
    Set<String> sources = new java.util.HashSet<>();
    visible.forEach(v -> sources.add("s" + v));
    // a name variant across languages, as the linker's name keys give
    try (TestimonySearch search =
        TestimonySearch.build(t.build(), q -> q.equals("체포") ? Set.of("arrest", "逮捕") : Set.of())) {
      for (String q : queries()) {
        for (Set<String> user : java.util.Arrays.asList(null, sources)) {
          TestimonySearch.Result located = search.find(q, 25, user);
          TestimonySearch.Result counted = search.findCounted(q, 25, user);
          assertThat(counted.total()).isEqualTo(located.total());
          assertThat(counted.hits()).hasSameSizeAs(located.hits());
          for (int h = 0; h < located.hits().size(); h++) {
            SearchHit a = located.hits().get(h);
            SearchHit b = counted.hits().get(h);
            assertThat(b.id()).as(q).isEqualTo(a.id());
            assertThat(b.score()).isEqualTo(a.score());
            assertThat(b.passages()).isEmpty();
            assertThat(a.passages()).isNotEmpty();
            assertThat(b.matches()).as(q + " in " + a.id()).isEqualTo(a.passages().size());
          }
        }
      }
    }
  }
}
