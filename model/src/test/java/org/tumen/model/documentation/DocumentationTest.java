package org.tumen.model.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tumen.model.DateRange;
import org.tumen.model.PartialDate;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.vocabulary.Vocabularies;

class DocumentationTest {

  private static final Vocabularies V = Vocabularies.standard();
  private static final Gazetteer G = Gazetteer.standard();
  private static final String TEXT =
      "Synthetic testimony: we were arrested in Tumen in March 2002.";

  private static Source interview(String id, Optional<String> text) {
    return new Source(
        id,
        SourceKind.INTERVIEW,
        Optional.of("staff-7"),
        Optional.of(PartialDate.parseIso("2003-05")),
        Optional.of("ko"),
        Optional.of(Location.at(G.require("kr.seoul"))),
        "NGO A",
        new Consent(List.of(ConsentGrant.of(ConsentUse.STORE, LocalDate.of(2003, 5, 1)))),
        Reliability.HIGH,
        text);
  }

  private static Event event(String id, String... next) {
    List<ChainLink> chain = new ArrayList<>();
    for (String n : next) {
      chain.add(new ChainLink(n, new PersonRef("p1")));
    }
    return new Event(
        id,
        V.eventType("arrest").orElseThrow(),
        DateRange.parse("2002-03"),
        Location.at(G.require("cn.jilin.yanbian.tumen")),
        Optional.empty(),
        chain);
  }

  private static Act act(String id, String event, String info) {
    return new Act(
        id,
        event,
        new PersonRef("p1"),
        V.actType("arbitrary-arrest").orElseThrow(),
        DateRange.parse("2002-03"),
        Location.at(G.require("cn.jilin.yanbian.tumen")),
        List.of(
            new Involvement(
                Institution.of(V.institutionType("public-security").orElseThrow(), "CHN"),
                Degree.DIRECT)),
        List.of(info));
  }

  private static Information info(String id, String source, Passage passage) {
    return new Information(
        id,
        source,
        Optional.of("e1"),
        Optional.ofNullable(passage),
        Reliability.HIGH,
        Observation.EXPERIENCED);
  }

  @Test
  void aConsistentBodyOfDocumentationIsAccepted() {
    Documentation d =
        new Documentation(
            List.of(interview("s1", Optional.of(TEXT))),
            List.of(event("e1", "e2"), event("e2")),
            List.of(act("a1", "e1", "i1")),
            List.of(info("i1", "s1", new Passage.TextSpan(21, 60))));
    assertThat(d.acts()).hasSize(1);
    assertThat(d.event("e2")).isPresent();
  }

  @Test
  void brokenReferencesAreRefusedByName() {
    Source s = interview("s1", Optional.of(TEXT));
    assertThatThrownBy(
            () ->
                new Documentation(
                    List.of(s),
                    List.of(event("e1")),
                    List.of(act("a1", "e9", "i1")),
                    List.of(info("i1", "s1", null))))
        .hasMessage("act a1: unknown event e9");
    assertThatThrownBy(
            () ->
                new Documentation(
                    List.of(s),
                    List.of(event("e1")),
                    List.of(act("a1", "e1", "i2")),
                    List.of(info("i1", "s1", null))))
        .hasMessage("act a1: unknown information i2");
    assertThatThrownBy(
            () ->
                new Documentation(
                    List.of(s), List.of(event("e1")), List.of(), List.of(info("i1", "s2", null))))
        .hasMessage("information i1: unknown source s2");
    assertThatThrownBy(
            () -> new Documentation(List.of(s), List.of(event("e1", "e3")), List.of(), List.of()))
        .hasMessage("event e1: chained to unknown event e3");
    assertThatThrownBy(
            () ->
                new Documentation(
                    List.of(s, interview("e1", Optional.empty())),
                    List.of(event("e1")),
                    List.of(),
                    List.of()))
        .hasMessage("id e1 is used twice");
  }

  @Test
  void aQuoteSpanOutsideItsTextIsRefused() {
    int length = TEXT.length();
    assertThatThrownBy(
            () ->
                new Documentation(
                    List.of(interview("s1", Optional.of(TEXT))),
                    List.of(event("e1")),
                    List.of(),
                    List.of(info("i1", "s1", new Passage.TextSpan(10, length + 1)))))
        .hasMessageContaining("lies outside the " + length + " characters of source s1");
    assertThatThrownBy(
            () ->
                new Documentation(
                    List.of(interview("s1", Optional.empty())),
                    List.of(event("e1")),
                    List.of(),
                    List.of(info("i1", "s1", new Passage.TextSpan(0, 1)))))
        .hasMessageContaining("which has no text");
  }

  @Test
  void aJourneyThatLoopsBackIsRefused() {
    assertThatThrownBy(
            () ->
                new Documentation(
                    List.of(),
                    List.of(event("e1", "e2"), event("e2", "e3"), event("e3", "e1")),
                    List.of(),
                    List.of()))
        .hasMessageContaining("is a cycle");
    assertThatThrownBy(() -> event("e1", "e1")).hasMessageContaining("chained to itself");
  }

  @Test
  void valuesAreCheckedOnConstruction() {
    assertThatThrownBy(() -> new Group("g1", 1)).hasMessageContaining("at least 2");
    assertThatThrownBy(() -> new PersonRef("Kim Young-ho")).hasMessageContaining("person id");
    Act a = act("a1", "e1", "i1");
    assertThatThrownBy(
            () ->
                new Act(
                    "a1",
                    "e1",
                    a.victim(),
                    a.type(),
                    a.when(),
                    a.where(),
                    a.involvements(),
                    List.of()))
        .hasMessageContaining("cites no information");
    assertThatThrownBy(
            () ->
                new Institution(
                    V.institutionType("border-guard").orElseThrow(),
                    Optional.empty(),
                    Optional.empty()))
        .hasMessageContaining("name the state");
    assertThatThrownBy(
            () ->
                new Source(
                    "s1",
                    SourceKind.LIST,
                    Optional.of("staff-1"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    "NGO",
                    Consent.none(),
                    Reliability.LOW,
                    Optional.empty()))
        .hasMessageContaining("only an interview");
    assertThatThrownBy(
            () ->
                new Source(
                    "s1",
                    SourceKind.INTERVIEW,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("not a tag!"),
                    Optional.empty(),
                    "NGO",
                    Consent.none(),
                    Reliability.LOW,
                    Optional.empty()))
        .hasMessageContaining("BCP 47");
  }

  @Test
  void consentIsPerUseDatedAndRevocable() {
    Consent c =
        new Consent(
            List.of(
                ConsentGrant.of(ConsentUse.STORE, LocalDate.of(2003, 5, 1)),
                ConsentGrant.of(ConsentUse.QUOTE, LocalDate.of(2003, 5, 1)),
                new ConsentGrant(
                    ConsentUse.SHARE,
                    LocalDate.of(2003, 5, 1),
                    Optional.empty(),
                    Set.of("NGO B"))));
    assertThat(c.allows(ConsentUse.QUOTE, LocalDate.of(2004, 1, 1))).isTrue();
    assertThat(c.allows(ConsentUse.QUOTE, LocalDate.of(2003, 4, 30))).isFalse();
    assertThat(c.allows(ConsentUse.CONTACT_AGAIN, LocalDate.of(2004, 1, 1))).isFalse();
    assertThat(c.allowsSharingWith("NGO B", LocalDate.of(2004, 1, 1))).isTrue();
    assertThat(c.allowsSharingWith("NGO C", LocalDate.of(2004, 1, 1))).isFalse();
    Consent withdrawn = c.withdraw(ConsentUse.QUOTE, LocalDate.of(2005, 6, 1));
    assertThat(withdrawn.allows(ConsentUse.QUOTE, LocalDate.of(2005, 5, 31))).isTrue();
    assertThat(withdrawn.allows(ConsentUse.QUOTE, LocalDate.of(2005, 6, 1))).isFalse();
    assertThat(withdrawn.allows(ConsentUse.STORE, LocalDate.of(2005, 6, 1))).isTrue();
    assertThatThrownBy(
            () ->
                new ConsentGrant(
                    ConsentUse.SHARE, LocalDate.of(2003, 5, 1), Optional.empty(), Set.of()))
        .hasMessageContaining("names the partners");
    assertThatThrownBy(
            () ->
                new ConsentGrant(
                    ConsentUse.STORE,
                    LocalDate.of(2003, 5, 1),
                    Optional.of(LocalDate.of(2003, 4, 1)),
                    Set.of()))
        .hasMessageContaining("withdrawn before");
    assertThatThrownBy(
            () ->
                new Consent(
                    List.of(
                        ConsentGrant.of(ConsentUse.STORE, LocalDate.of(2003, 5, 1)),
                        ConsentGrant.of(ConsentUse.STORE, LocalDate.of(2004, 5, 1)))))
        .hasMessageContaining("two grants");
  }

  @Test
  void reliabilityIsOrdinalWithUnknownApart() {
    assertThat(Reliability.HIGH.isAtLeast(Reliability.MEDIUM)).isTrue();
    assertThat(Reliability.LOW.isAtLeast(Reliability.MEDIUM)).isFalse();
    assertThat(Reliability.UNKNOWN.isAtLeast(Reliability.LOW)).isFalse();
    assertThat(Reliability.LOW.isAtLeast(Reliability.UNKNOWN)).isTrue();
  }

  @Test
  void whatSomeSourcesTellKeepsTheirInformationActsAndEventsOnly() {
    Act both =
        new Act(
            "a1",
            "e1",
            new PersonRef("p1"),
            V.actType("arbitrary-arrest").orElseThrow(),
            DateRange.parse("2002-03"),
            Location.at(G.require("cn.jilin.yanbian.tumen")),
            List.of(),
            List.of("i1", "i2"));
    Documentation d =
        new Documentation(
            List.of(interview("s1", Optional.empty()), interview("s2", Optional.empty())),
            List.of(event("e1", "e2"), event("e2")),
            List.of(both, act("a2", "e2", "i3")),
            List.of(
                info("i1", "s1", null),
                info("i2", "s2", null),
                new Information(
                    "i3",
                    "s2",
                    Optional.of("e2"),
                    Optional.empty(),
                    Reliability.HIGH,
                    Observation.EXPERIENCED)));
    Documentation mine = d.toldBy(Set.of("s1"));
    assertThat(mine.sources()).extracting(Source::id).containsExactly("s1");
    assertThat(mine.information()).extracting(Information::id).containsExactly("i1");
    // the act told by both keeps only the citation of s1; the act only s2 tells is gone
    assertThat(mine.acts())
        .singleElement()
        .satisfies(a -> assertThat(a.information()).containsExactly("i1"));
    // e2 is told only by s2: gone, and e1's link to it with it
    assertThat(mine.events()).singleElement().satisfies(e -> assertThat(e.chain()).isEmpty());
    assertThat(d.toldBy(Set.of()).acts()).isEmpty();
    assertThat(d.toldBy(Set.of("s1", "s2"))).isEqualTo(d);
  }
}
