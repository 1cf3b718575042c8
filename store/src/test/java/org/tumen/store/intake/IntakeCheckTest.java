package org.tumen.store.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Group;
import org.tumen.model.documentation.Passage;
import org.tumen.model.documentation.PersonRef;
import org.tumen.store.intake.IntakeDraft.ActForm;
import org.tumen.store.intake.IntakeDraft.EventForm;
import org.tumen.store.intake.IntakeDraft.PersonForm;
import org.tumen.store.intake.IntakeDraft.SourceForm;

class IntakeCheckTest {

  private static final IntakeCheck CHECK = IntakeCheck.standard();

  @Test
  void aCompleteInterviewBecomesDocumentation() {
    IntakeCheck.Result r = CHECK.check(Drafts.complete(""), Set.of());
    assertThat(r.problems()).isEmpty();
    Documentation d = r.documentation().orElseThrow();
    assertThat(d.sources())
        .singleElement()
        .satisfies(s -> assertThat(s.text()).contains(Drafts.TESTIMONY));
    assertThat(d.events()).hasSize(2);
    assertThat(d.events().get(0).chain())
        .singleElement()
        .satisfies(l -> assertThat(l.next()).isEqualTo("e2"));
    assertThat(d.acts()).hasSize(3);
    assertThat(d.acts().get(1).victim()).isEqualTo(new PersonRef("p2"));
    int at = Drafts.TESTIMONY.indexOf("체포");
    assertThat(d.information().get(0).passage()).contains(new Passage.TextSpan(at, at + 2));
    assertThat(d.acts().get(2).involvements())
        .singleElement()
        .satisfies(i -> assertThat(i.perpetrator().toString()).contains("CHN"));
  }

  @Test
  void everyProblemIsReportedAtItsFieldAtOnce() {
    IntakeDraft d = Drafts.complete("");
    SourceForm s = d.source();
    SourceForm badSource =
        new SourceForm(
            s.id(),
            "interview",
            " ",
            "2026-13",
            "ko",
            s.interviewer(),
            "nowhere",
            "sure",
            "",
            null,
            null,
            s.text());
    List<ActForm> acts = new ArrayList<>(d.acts());
    ActForm a = acts.get(0);
    acts.set(
        0,
        new ActForm(
            a.id(),
            "e9",
            "nobody",
            "",
            "torturing",
            "2004-13",
            a.place(),
            "border-guard",
            "",
            null,
            "direct",
            "5",
            "9999",
            null,
            null));
    acts.set(
        1,
        new ActForm(
            "a1", a.event(), "g1", "1", a.type(), a.date(), a.place(), null, null, null, null, null,
            null, null, null));
    IntakeDraft bad = new IntakeDraft(badSource, d.people(), d.events(), acts);
    IntakeCheck.Result r = CHECK.check(bad, Set.of("e2"));
    assertThat(r.documentation()).isEmpty();
    assertThat(r.problems())
        .containsExactlyInAnyOrder(
            new FieldProblem("source.holder", "intake.required"),
            new FieldProblem("source.date", "intake.date.invalid"),
            new FieldProblem("source.place", "intake.place.unknown"),
            new FieldProblem("source.reliability", "intake.code.unknown"),
            new FieldProblem("source.consentStore", "intake.consent.store-required"),
            new FieldProblem("events[1].id", "intake.id.stored"),
            new FieldProblem("acts[0].event", "intake.event.unknown"),
            new FieldProblem("acts[0].victim", "intake.person.unknown"),
            new FieldProblem("acts[0].type", "intake.code.unknown"),
            new FieldProblem("acts[0].date", "intake.date.invalid"),
            new FieldProblem("acts[0].perpetratorState", "intake.state.required"),
            new FieldProblem("acts[0].passageEnd", "intake.passage.outside"),
            new FieldProblem("acts[1].id", "intake.id.duplicate"),
            new FieldProblem("acts[1].groupCount", "intake.group.count-invalid"));
    assertThat(r.problems()).extracting(FieldProblem::key).allMatch(IntakeCheck.KEYS::contains);
  }

  @Test
  void aGroupVictimNeedsNoPersonAndAnEmptyDraftSaysWhatIsMissing() {
    IntakeDraft d = Drafts.complete("");
    ActForm a = d.acts().get(0);
    ActForm group =
        new ActForm(
            a.id(), a.event(), "g-11", "11", a.type(), a.date(), a.place(), null, null, null, null,
            null, null, null, null);
    IntakeCheck.Result r =
        CHECK.check(new IntakeDraft(d.source(), d.people(), d.events(), List.of(group)), Set.of());
    assertThat(r.problems()).isEmpty();
    assertThat(r.documentation().orElseThrow().acts().get(0).victim())
        .isEqualTo(new Group("g-11", 11));

    assertThat(CHECK.check(IntakeDraft.empty(), Set.of()).problems())
        .containsExactlyInAnyOrder(
            new FieldProblem("source.id", "intake.required"),
            new FieldProblem("source.holder", "intake.required"),
            new FieldProblem("source.consentStore", "intake.consent.store-required"));
  }

  @Property(tries = 300)
  void anyTypingIsCheckedWithoutThrowingAndEveryKeyIsCatalogued(
      @ForAll("typed") List<String> cells) {
    IntakeDraft d = Drafts.complete("");
    int i = 0;
    SourceForm s =
        new SourceForm(
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++));
    EventForm e =
        new EventForm(
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++));
    ActForm a =
        new ActForm(
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++),
            cells.get(i++));
    IntakeDraft typed =
        new IntakeDraft(
            s,
            List.of(new PersonForm(cells.get(i++)), new PersonForm("p1")),
            List.of(e, d.events().get(0), d.events().get(1)),
            List.of(a, d.acts().get(0)));
    IntakeCheck.Result r = CHECK.check(typed, Set.of());
    assertThat(r.ok()).isEqualTo(r.documentation().isPresent());
    assertThat(r.problems()).extracting(FieldProblem::key).allMatch(IntakeCheck.KEYS::contains);
    assertThat(r.problems())
        .extracting(FieldProblem::path)
        .allMatch(
            p ->
                p.matches(
                    "source\\.\\w+|people\\[\\d+]\\.ref|events(\\[\\d+]\\.\\w+)?|acts\\[\\d+]\\.\\w+"));
  }

  /** Cells as an interviewer might leave them: valid codes, near misses, blanks, nulls, junk. */
  @Provide
  Arbitrary<List<String>> typed() {
    Arbitrary<String> cell =
        Arbitraries.oneOf(
            Arbitraries.of(
                "",
                " ",
                "interview",
                "media-report",
                "arrest",
                "forced-return",
                "arbitrary-arrest",
                "e1",
                "e2",
                "p1",
                "p2",
                "x",
                "kr.seoul",
                "kp",
                "2004",
                "2004-02",
                "2004-02-30",
                "2004-03/2004-01",
                "winter 1999",
                "ko",
                "zh-Hans",
                "!!",
                "high",
                "heard",
                "border-guard",
                "public-security",
                "CHN",
                "chn",
                "0",
                "1",
                "2",
                "11",
                "-3",
                "99999",
                "a1",
                "s1",
                Drafts.TESTIMONY),
            Arbitraries.strings().ofMaxLength(12),
            Arbitraries.just(null));
    return cell.list().ofSize(35);
  }
}
