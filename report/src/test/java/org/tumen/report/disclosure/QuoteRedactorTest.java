package org.tumen.report.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumen.model.PartialDate;
import org.tumen.model.documentation.Consent;
import org.tumen.model.documentation.ConsentGrant;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.place.PlaceLevel;

/** Names in any script, places below the published level, dates and ages; consent first. */
class QuoteRedactorTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
  private static final Consent QUOTE =
      new Consent(List.of(ConsentGrant.of(ConsentUse.QUOTE, LocalDate.of(2024, 5, 1))));
  private static final QuoteRedactor REDACTOR = new QuoteRedactor();

  /** Synthetic persons: P-1 known to the workspace only in Hangul, P-2 only in Latin letters. */
  private static final IdentityTerms TERMS =
      IdentityTerms.builder()
          .name("P-1", "리순희")
          .birthDate("P-1", new PartialDate(1975, 3, 9))
          .name("P-2", "Pak Tong Gu")
          .build();

  private static RedactedQuote redact(String quote) {
    return REDACTOR.redact(quote, "S-1", QUOTE, DAY, TERMS, PlaceLevel.REGION);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "리순희가 강을 건넜다.|리순희|P-1",
        "이순희 씨가 말했다.|이순희|P-1",
        "李순희는 잡혔다.|李순희|P-1",
        "李順姬 was returned.|李順姬|P-1",
        "Then Ri Sun Hui was taken away.|Ri Sun Hui|P-1",
        "Lee Soon-hee told us everything.|Lee Soon-hee|P-1",
        "Yi Sun-hŭi was there.|Yi Sun-hŭi|P-1",
        "Sun-hui said nothing.|Sun-hui|P-1",
        "순희는 울었다.|순희|P-1",
        "박동구가 끌려갔다.|박동구|P-2",
        "朴東九 was beaten.|朴東九|P-2",
        "Park Dong-gu stayed behind.|Park Dong-gu|P-2",
        "Tong-gu ran.|Tong-gu|P-2",
      })
  void aNameOfAnyPersonIsFoundInAnyScript(String quote, String name, String person) {
    RedactedQuote q = redact(quote);
    assertThat(q.redactions())
        .anySatisfy(
            r -> {
              assertThat(r.kind()).isEqualTo(Redaction.Kind.NAME);
              assertThat(q.spanText(r)).isEqualTo(name);
              assertThat(r.reason()).endsWith("person " + person);
            });
    assertThat(q.text()).doesNotContain(name).contains("[name]");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The sun rose over the river and we walked on.",
        "Kim Jong Un's soldiers were at the bridge.",
        "우리는 밤에 강을 건넜다.",
        "In Seoul I finally slept.",
      })
  void textWithoutTheirNamesKeepsItsWords(String quote) {
    assertThat(redact(quote).redactions()).noneMatch(r -> r.kind() == Redaction.Kind.NAME);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "We crossed near Hoeryong at night.|Hoeryong",
        "회령에서 강을 건넜다.|회령",
        "我们在會寧过江。|會寧",
        "They held us in Yanji.|Yanji",
        "Hoeryŏng was dark.|Hoeryŏng",
        "I worked in Sinpa-ri for a year.|Sinpa-ri",
        "우리 마을은 작았다. 솔밭마을에서 태어났다.|솔밭마을",
      })
  void placesBelowThePublishedLevelGo(String quote, String place) {
    RedactedQuote q = redact(quote);
    assertThat(q.redactions())
        .anySatisfy(
            r -> {
              assertThat(r.kind()).isEqualTo(Redaction.Kind.PLACE);
              assertThat(q.spanText(r)).isEqualTo(place);
            });
  }

  @Test
  void placesAtThePublishedLevelStay() {
    RedactedQuote q = redact("From North Hamgyong to 함경북도 and 吉林, then China.");
    assertThat(q.redactions()).isEmpty();
    RedactedQuote district =
        REDACTOR.redact("We crossed near Hoeryong.", "S-1", QUOTE, DAY, TERMS, PlaceLevel.DISTRICT);
    assertThat(district.redactions()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "It was 9 March 2003 when they came.|9 March 2003|DATE",
        "They came in March 2003.|March 2003|DATE",
        "2003년 3월 9일에 잡혔다.|2003년 3월 9일|DATE",
        "3월 9일에 잡혔다.|3월 9일|DATE",
        "2003年3月9日被抓。|2003年3月9日|DATE",
        "On 2003-03-09 we ran.|2003-03-09|DATE",
        "On 09/03/2003 we ran.|09/03/2003|DATE",
        "I was 34세 then.|34세|AGE",
        "그때 나는 스물두 살이었다.|스물두 살|AGE",
        "她当时十五岁。|十五岁|AGE",
        "She was aged 15.|aged 15|AGE",
        "A 15-year-old girl.|15-year-old|AGE",
      })
  void datesFinerThanAYearAndAgesGo(String quote, String span, Redaction.Kind kind) {
    RedactedQuote q = redact(quote);
    assertThat(q.redactions())
        .anySatisfy(
            r -> {
              assertThat(r.kind()).isEqualTo(kind);
              assertThat(q.spanText(r)).isEqualTo(span);
            });
  }

  @Test
  void aBareYearStaysBecauseTablesPublishYears() {
    assertThat(redact("In 2003 and in 2004년 they came back.").redactions()).isEmpty();
  }

  @Test
  void theEditorSeesEachRedactionAndMayPutOneBack() {
    RedactedQuote q = redact("리순희 crossed near Hoeryong on 9 March 2003, aged 27.");
    assertThat(q.redactions())
        .extracting(Redaction::kind)
        .containsExactly(
            Redaction.Kind.NAME, Redaction.Kind.PLACE, Redaction.Kind.DATE, Redaction.Kind.AGE);
    assertThat(q.text()).isEqualTo("[name] crossed near [place] on [date], [age].");
    Redaction place = q.redactions().get(1);
    assertThat(q.without(place).text()).isEqualTo("[name] crossed near Hoeryong on [date], [age].");
  }

  @Test
  void aQuoteWithoutStandingConsentIsRefused() {
    Consent withdrawn = QUOTE.withdraw(ConsentUse.QUOTE, LocalDate.of(2026, 11, 2));
    assertThatThrownBy(
            () -> REDACTOR.redact("text", "S-9", withdrawn, DAY, TERMS, PlaceLevel.REGION))
        .isInstanceOf(QuoteRefusedException.class)
        .hasMessage(
            "source S-9: consent to quote withdrawn on 2026-11-02 (publication day 2026-12-07)");
    assertThatThrownBy(
            () -> REDACTOR.redact("text", "S-9", Consent.none(), DAY, TERMS, PlaceLevel.REGION))
        .hasMessageContaining("no consent to quote");
    Consent storeOnly = new Consent(List.of(ConsentGrant.of(ConsentUse.STORE, DAY)));
    assertThatThrownBy(
            () -> REDACTOR.redact("text", "S-9", storeOnly, DAY, TERMS, PlaceLevel.REGION))
        .isInstanceOf(QuoteRefusedException.class);
    Consent later = new Consent(List.of(ConsentGrant.of(ConsentUse.QUOTE, DAY.plusDays(1))));
    assertThatThrownBy(() -> REDACTOR.redact("text", "S-9", later, DAY, TERMS, PlaceLevel.REGION))
        .hasMessageContaining("given only on 2026-12-08");
    // the day before the withdrawal it still stood
    assertThat(
            REDACTOR.redact(
                "text", "S-9", withdrawn, LocalDate.of(2026, 11, 1), TERMS, PlaceLevel.REGION))
        .isNotNull();
  }

  @Test
  void identityTermsSpellTheNameInTheFormsTheModelKnowsAndNeverPrintThem() {
    assertThat(TERMS.spellings("P-1")).contains("리순희", "이순희");
    assertThat(TERMS.spellings("P-2")).contains("Pak Tong Gu", "Park Tong Gu", "Tong Gu Park");
    assertThat(TERMS.toString()).isEqualTo("IdentityTerms[2 persons]");
    assertThat(TERMS).isNotInstanceOf(java.io.Serializable.class);
  }
}
