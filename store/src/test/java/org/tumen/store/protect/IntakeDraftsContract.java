package org.tumen.store.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;
import org.tumen.model.documentation.Documentation;
import org.tumen.store.Workspace;
import org.tumen.store.identity.PlaintextCodec;
import org.tumen.store.intake.Drafts;
import org.tumen.store.intake.FieldProblem;
import org.tumen.store.intake.IntakeCheck;
import org.tumen.store.intake.IntakeDraft;
import org.tumen.store.intake.IntakeDrafts;

/**
 * Intake drafts (issue 14), on H2 and PostgreSQL: saved sealed as the interviewer goes, surviving a
 * restart, per user, each opening audited; submitted into the documentation tables in one
 * transaction with the draft's deletion, or not at all. The testimony is synthetic.
 */
abstract class IntakeDraftsContract {

  @TempDir Path dir;
  Path home;
  Workspace ws;

  abstract Workspace open(Path folder);

  abstract byte[] dump() throws Exception;

  @BeforeEach
  void openWorkspace() {
    home = dir.resolve("ws");
    ws = open(home);
  }

  @AfterEach
  void closeWorkspace() {
    ws.close();
  }

  Protection protect() {
    return Protection.of(ws, TestKeys.init(home));
  }

  Protection reopen() {
    ws.close();
    ws = open(home);
    return Protection.unlock(ws, TestKeys.PASSPHRASE.clone());
  }

  static final List<String> SECRETS = List.of(Drafts.TESTIMONY, "캐너리드라프트");

  @Test
  void aDraftSurvivesARestartAndOnlyItsOwnerReachesIt() {
    protect();
    IntakeDraft half =
        new IntakeDraft(Drafts.complete("").source(), List.of(), List.of(), List.of());
    IntakeDrafts.Saved first = ws.intake().save("alice", 0, half);
    IntakeDrafts.Saved second = ws.intake().save("alice", first.id(), Drafts.complete(""));
    assertThat(second.version()).isEqualTo(2);

    reopen(); // the server stopped, or the session expired: what was saved is there
    IntakeDrafts drafts = ws.intake();
    assertThat(drafts.open("alice", first.id(), "resume an interview"))
        .contains(Drafts.complete(""));
    assertThat(drafts.list("alice"))
        .singleElement()
        .satisfies(i -> assertThat(i.version()).isEqualTo(2));

    assertThat(drafts.open("bob", first.id(), "resume")).isEmpty();
    assertThat(drafts.list("bob")).isEmpty();
    assertThat(drafts.discard("bob", first.id())).isFalse();
    assertThatThrownBy(() -> drafts.save("bob", first.id(), IntakeDraft.empty()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no such draft of yours");
    assertThatThrownBy(() -> drafts.submit("bob", first.id(), "submit"))
        .isInstanceOf(BadInputException.class);
    assertThat(drafts.open("alice", first.id(), "resume")).contains(Drafts.complete(""));
  }

  @Test
  void openingADraftIsOneAuditEntryNamingItAndNoValue() {
    Protection p = protect();
    long id = ws.intake().save("alice", 0, Drafts.complete("")).id();
    int before = p.audit().entries().size();
    ws.intake().open("alice", id, "resume an interview");
    List<AuditLog.Entry> after = p.audit().entries();
    assertThat(after).hasSize(before + 1);
    assertThat(after.get(after.size() - 1).subject()).isEqualTo("intake_draft " + id);
    StringBuilder trail = new StringBuilder();
    after.forEach(e -> trail.append(e.subject()).append(e.details()));
    assertThat(Canaries.found(trail.toString().getBytes(StandardCharsets.UTF_8), SECRETS))
        .isEmpty();
  }

  @Test
  void aDraftIsNowhereInPlaintextWhenProtected() throws Exception {
    protect();
    long id = ws.intake().save("alice", 0, Drafts.complete("")).id();
    ws.intake().save("alice", id, Drafts.complete(""));
    ws.intake().open("alice", id, "test");
    byte[] dump = dump();
    ws.close();
    List<String> hits = Canaries.foundUnder(SECRETS, home);
    hits.addAll(Canaries.found(dump, SECRETS));
    assertThat(hits).isEmpty();
    ws = open(home);
  }

  @Test
  void theSameSearchFindsItWhenProtectionIsOff() throws Exception {
    ws.useCodec(new PlaintextCodec());
    ws.intake().save("alice", 0, Drafts.complete(""));
    byte[] dump = dump();
    ws.close();
    List<String> hits = Canaries.foundUnder(SECRETS, home);
    hits.addAll(Canaries.found(dump, SECRETS));
    assertThat(String.join("\n", hits)).contains("캐너리드라프트");
    ws = open(home);
  }

  @Test
  void nothingIsSavedWithoutKeysUnlessPlaintextIsChosen() {
    assertThatThrownBy(() -> ws.intake().save("alice", 0, Drafts.complete("")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no keys");
  }

  @Test
  void submittingStoresTheDocumentationAndDeletesTheDraftTogether() throws Exception {
    Protection p = protect();
    IntakeDrafts drafts = ws.intake();
    long id = drafts.save("alice", 0, Drafts.complete("")).id();
    IntakeDrafts.Submission s = drafts.submit("alice", id, "submit an interview");
    assertThat(s.problems()).isEmpty();
    Documentation expected =
        IntakeCheck.standard()
            .check(Drafts.complete(""), java.util.Set.of())
            .documentation()
            .orElseThrow();
    assertThat(ws.documentation().load("test")).isEqualTo(expected);
    assertThat(drafts.list("alice")).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM intake_draft")).isZero();
    assertThat(p.audit().entries())
        .filteredOn(e -> e.action().equals("document"))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).isEqualTo("sources=1 acts=3 values=2"));
    assertThatThrownBy(() -> drafts.submit("alice", id, "again"))
        .isInstanceOf(BadInputException.class);
    assertThat(p.audit().verify().ok()).isTrue();
    assertThat(new IntegrityCheck(p).run().problem()).isNull();

    // the same ids again: refused at their fields, nothing stored, the draft kept as typed
    long again = drafts.save("alice", 0, Drafts.complete("")).id();
    IntakeDrafts.Submission refused = drafts.submit("alice", again, "submit");
    assertThat(refused.stored()).isEmpty();
    assertThat(refused.problems())
        .contains(
            new FieldProblem("source.id", "intake.id.stored"),
            new FieldProblem("events[0].id", "intake.id.stored"),
            new FieldProblem("acts[2].id", "intake.id.stored"));
    assertThat(drafts.open("alice", again, "resume")).contains(Drafts.complete(""));
    assertThat(count("SELECT COUNT(*) FROM doc_source")).isEqualTo(1);
  }

  @Test
  void aSubmissionThatFailsInsideTheTransactionStoresNothingAndKeepsTheDraft() throws Exception {
    Protection p = protect();
    IntakeDrafts drafts = ws.intake();
    // a first interview names person p1; then p1 withdraws consent and is forgotten
    drafts.submit("alice", drafts.save("alice", 0, Drafts.complete("")).id(), "submit");
    long p1 = ws.documentation().personOf("p1").orElseThrow();
    new Forgetting(p).forget(p1);
    long persons = count("SELECT COUNT(*) FROM person");
    // a second interview names p1 too: the writer refuses to seal under a forgotten person
    long id = drafts.save("alice", 0, withPeople("x-", "p1")).id();
    assertThatThrownBy(() -> drafts.submit("alice", id, "submit"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("forgotten");
    assertThat(count("SELECT COUNT(*) FROM doc_source")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(persons);
    assertThat(drafts.list("alice"))
        .singleElement()
        .satisfies(i -> assertThat(i.id()).isEqualTo(id));
  }

  /** The complete draft with new ids, whose first person is {@code person}. */
  static IntakeDraft withPeople(String prefix, String person) {
    IntakeDraft d = Drafts.complete(prefix);
    String old = prefix + "p1";
    return new IntakeDraft(
        d.source(),
        List.of(new IntakeDraft.PersonForm(person), d.people().get(1)),
        d.events().stream()
            .map(
                e ->
                    new IntakeDraft.EventForm(
                        e.id(),
                        e.type(),
                        e.date(),
                        e.place(),
                        e.summary(),
                        e.nextEvent(),
                        old.equals(e.nextPerson()) ? person : e.nextPerson()))
            .toList(),
        d.acts().stream()
            .map(
                a ->
                    new IntakeDraft.ActForm(
                        a.id(),
                        a.event(),
                        old.equals(a.victim()) ? person : a.victim(),
                        a.groupCount(),
                        a.type(),
                        a.date(),
                        a.place(),
                        a.perpetratorType(),
                        a.perpetratorState(),
                        a.perpetratorUnit(),
                        a.degree(),
                        a.passageStart(),
                        a.passageEnd(),
                        a.reliability(),
                        a.observation()))
            .toList());
  }

  long count(String sql) throws Exception {
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
