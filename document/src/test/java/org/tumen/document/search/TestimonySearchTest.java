package org.tumen.document.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Passage;

/** All texts are synthetic. */
class TestimonySearchTest {

  static final String KO_ARREST = "저는 2004년 2월 연길 시장에서 공안에게 체포되었다. 그 뒤 도문 구류장으로 옮겨졌다.";
  static final String KO_CROSSING = "겨울에 두만강을 건넜다. 강물이 얼어 있었다.";
  static final String ZH_RETURN = "她在延吉被公安逮捕，后来被遣返回朝鲜。";
  static final String ZH_WORK = "她在农村的一个家庭干活，每天工作很长时间。";
  static final String EN_BEATEN =
      "He was arrested by the border guards near Musan and beaten in detention.";
  static final String EN_NAME = "Ri Sun Hui crossed the river at Hoeryong in the winter.";
  static final String KO_SUMMARY = "국경경비대가 두 여성을 체포함";

  static Documentation documentation() {
    return new SyntheticTexts()
        .source("s-ko-arrest", "ko", KO_ARREST)
        .source("s-ko-crossing", "ko", KO_CROSSING)
        .source("s-zh-return", "zh-Hans", ZH_RETURN)
        .source("s-zh-work", null, ZH_WORK)
        .source("s-en-beaten", "en", EN_BEATEN)
        .source("s-en-name", null, EN_NAME)
        .event("e-ko-summary", KO_SUMMARY)
        .build();
  }

  static final Map<String, String> TEXT =
      Map.of(
          "s-ko-arrest", KO_ARREST,
          "s-ko-crossing", KO_CROSSING,
          "s-zh-return", ZH_RETURN,
          "s-zh-work", ZH_WORK,
          "s-en-beaten", EN_BEATEN,
          "s-en-name", EN_NAME,
          "e-ko-summary", KO_SUMMARY);

  private static final TestimonySearch SEARCH =
      TestimonySearch.build(
          documentation(), q -> q.equals("리순희") ? Set.of("Ri Sun Hui", "Lee Soon Hee") : Set.of());

  @AfterAll
  static void close() {
    SEARCH.close();
  }

  private static Set<String> ids(String query) {
    return SEARCH.search(query, 10).stream().map(SearchHit::id).collect(Collectors.toSet());
  }

  /** The words each hit points at, read back from the test's own copy of the texts. */
  private static List<String> quoted(String query) {
    return SEARCH.search(query, 10).stream()
        .flatMap(
            h -> h.passages().stream().map(p -> TEXT.get(h.id()).substring(p.start(), p.end())))
        .toList();
  }

  @Test
  void indexesEveryTestimonyAndSummary() {
    assertThat(SEARCH.size()).isEqualTo(7);
  }

  @Test
  void aKoreanStemFindsTheInflectedVerbThatNoriSplits() {
    // 체포되었다 = 체포 (arrest, noun) + 되 + 었 + 다: Nori indexes the noun 체포.
    assertThat(ids("체포")).containsExactlyInAnyOrder("s-ko-arrest", "e-ko-summary");
    assertThat(quoted("체포")).containsOnly("체포");
  }

  @Test
  void aKoreanQueryIsAnalysedToo() {
    // The query inflected differently from the text still meets it at the noun.
    assertThat(ids("체포됐다")).contains("s-ko-arrest");
    assertThat(ids("두만강")).containsExactly("s-ko-crossing");
  }

  @Test
  void aChineseWordIsFoundBySmartCnSegmentation() {
    assertThat(ids("遣返")).containsExactly("s-zh-return");
    assertThat(quoted("遣返")).containsExactly("遣返");
    // No declared language: the script says Chinese.
    assertThat(ids("工作")).containsExactly("s-zh-work");
  }

  @Test
  void anEnglishQueryIsStemmed() {
    assertThat(ids("arrest")).containsExactly("s-en-beaten");
    assertThat(quoted("arrest")).containsExactly("arrested");
    assertThat(ids("guard")).containsExactly("s-en-beaten");
    assertThat(quoted("guard")).containsExactly("guards");
  }

  @Test
  void aQueryInOneLanguageDoesNotReturnUnrelatedText() {
    assertThat(ids("체포")).doesNotContain("s-en-beaten", "s-zh-return", "s-ko-crossing");
    assertThat(ids("遣返")).containsExactly("s-zh-return");
    assertThat(ids("arrested")).containsExactly("s-en-beaten");
    assertThat(ids("passport")).isEmpty();
    assertThat(ids("여권")).isEmpty();
  }

  @Test
  void aChineseWordAlsoFindsItsSinoKoreanReading() {
    // Nori reads Hanja as Hangul: 逮捕 (arrest) is read 체포, the same word in Korean.
    assertThat(ids("逮捕"))
        .containsExactlyInAnyOrder("s-zh-return", "s-ko-arrest", "e-ko-summary")
        .doesNotContain("s-en-beaten");
  }

  @Test
  void everyWordOfAQueryMustBeInTheText() {
    assertThat(ids("border guards")).containsExactly("s-en-beaten");
    assertThat(ids("border river")).isEmpty();
  }

  @Test
  void aNameInHangulFindsItsRomanisationThroughTheExpander() {
    assertThat(ids("리순희")).containsExactly("s-en-name");
    assertThat(quoted("리순희")).containsExactly("Ri", "Sun", "Hui");
    try (TestimonySearch plain = TestimonySearch.build(documentation())) {
      assertThat(plain.search("리순희", 10)).isEmpty();
    }
  }

  @Test
  void aHitSaysWhetherItIsATestimonyOrASummary() {
    Map<String, SearchHit.Kind> kinds =
        SEARCH.search("체포", 10).stream().collect(Collectors.toMap(SearchHit::id, SearchHit::kind));
    assertThat(kinds)
        .containsEntry("s-ko-arrest", SearchHit.Kind.SOURCE)
        .containsEntry("e-ko-summary", SearchHit.Kind.EVENT);
  }

  @Test
  void neverMoreHitsThanAsked() {
    assertThat(SEARCH.search("체포", 1)).hasSize(1);
    assertThatThrownBy(() -> SEARCH.search("체포", 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aQueryWithNoWordFindsNothing() {
    assertThat(SEARCH.search("   ", 10)).isEmpty();
    assertThat(SEARCH.search("the", 10)).isEmpty(); // an English stop word
  }

  @Test
  void everyPassageLiesInsideItsText() {
    for (String q : List.of("체포", "遣返", "arrest", "리순희", "winter", "두만강")) {
      for (SearchHit h : SEARCH.search(q, 10)) {
        for (Passage.TextSpan p : h.passages()) {
          assertThat(p.end()).isLessThanOrEqualTo(TEXT.get(h.id()).length());
        }
        assertThat(h.passages()).as(q + " in " + h.id()).isNotEmpty();
      }
    }
  }
}
