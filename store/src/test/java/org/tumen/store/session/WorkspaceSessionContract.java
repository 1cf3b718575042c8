package org.tumen.store.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;
import org.tumen.model.Progress;
import org.tumen.store.protect.Actor;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.AuditLog;

/** The session object on one database: open, create keys, unlock, audited reads, lock, close. */
abstract class WorkspaceSessionContract {

  static final Argon2Cost CHEAP = new Argon2Cost(64, 1, 1);

  @TempDir Path dir;
  WorkspaceSession session;

  abstract Optional<String> jdbcUrl();

  WorkspaceSession open() {
    session = WorkspaceSession.open(dir.resolve("ws"), jdbcUrl());
    return session;
  }

  @AfterEach
  void closeSession() {
    if (session != null) {
      session.close();
    }
  }

  private Path list() throws Exception {
    Path csv = dir.resolve("a.csv");
    Files.writeString(
        csv, "id,name,birth\n1,Synthetic Kim,1970\n2,Synthetic Ri,1981\n", StandardCharsets.UTF_8);
    return csv;
  }

  private Path passphrase() throws Exception {
    Path f = dir.resolve("pass");
    Files.writeString(f, "correct horse battery\n");
    return f;
  }

  @Test
  void aWorkspaceWithoutKeysGetsThemOnTheFirstWriteAndIsUnlockedAfterwards() throws Exception {
    open();
    assertThat(session.hasKeys()).isFalse();
    assertThat(session.unlockOrCreateKeys(passphrase(), false, CHEAP))
        .isEqualTo(WorkspaceSession.Readiness.KEYS_CREATED);
    assertThat(session.isUnlocked()).isTrue();
    session.workspace().importer().importList("a", list(), null, Map.of(), Progress.NONE);
    session.close();
    open();
    assertThat(session.isUnlocked()).isFalse();
    assertThat(session.unlockOrCreateKeys(passphrase(), false, CHEAP))
        .isEqualTo(WorkspaceSession.Readiness.UNLOCKED);
    assertThatThrownBy(() -> session.unlockOrCreateKeys(passphrase(), true, CHEAP))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("always sealed");
  }

  @Test
  void lockingDropsTheKeysSoThatNoIdentityOpensUntilTheNextUnlock() throws Exception {
    open();
    session.unlockOrCreateKeys(passphrase(), false, CHEAP);
    session.workspace().importer().importList("a", list(), null, Map.of(), Progress.NONE);
    List<String> names = new ArrayList<>();
    session.workspace().records().forEachRecord("a", "test", r -> names.add(r.toString()));
    assertThat(names).hasSize(2);

    session.lock();
    assertThat(session.isUnlocked()).isFalse();
    assertThatThrownBy(() -> session.protection()).isInstanceOf(LockedException.class);
    assertThatThrownBy(() -> session.workspace().records().forEachRecord("a", "test", r -> {}))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("passphrase");
    assertThatThrownBy(() -> session.show("person", 1, List.of("name"), "test", () -> "never read"))
        .isInstanceOf(LockedException.class);

    assertThatThrownBy(() -> session.unlock("wrong passphrase!".toCharArray()))
        .isInstanceOf(BadInputException.class);
    assertThat(session.isUnlocked()).isFalse();
    session.unlock("correct horse battery".toCharArray());
    List<AuditLog.Entry> trail = session.protection().audit().entries();
    assertThat(trail).extracting(AuditLog.Entry::action).contains("lock").endsWith("unlock");
    assertThat(session.protection().audit().verify().ok()).isTrue();
  }

  @Test
  void aShowingIsAuditedWithItsActorAndFieldsBeforeTheReadRuns() throws Exception {
    open();
    session.unlockOrCreateKeys(passphrase(), false, CHEAP);
    AtomicInteger entriesWhenRead = new AtomicInteger();
    try (Actor.Scope s = Actor.as("web:reviewer1")) {
      session.show(
          "record",
          7,
          List.of("full_name", "birth_date"),
          "linkage review",
          () -> {
            entriesWhenRead.set(session.protection().audit().entries().size());
            return null;
          });
    }
    List<AuditLog.Entry> trail = session.protection().audit().entries();
    AuditLog.Entry last = trail.get(trail.size() - 1);
    assertThat(entriesWhenRead.get()).isEqualTo(trail.size());
    assertThat(last.actor()).isEqualTo("web:reviewer1");
    assertThat(last.subject()).isEqualTo("record 7");
    assertThat(last.details()).isEqualTo("fields=full_name,birth_date purpose=linkage review");
    assertThatThrownBy(() -> session.show("audit_entry", 1, List.of("x"), "p", () -> null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Actor.current()).isEqualTo(System.getProperty("user.name", "unknown"));
  }

  @Test
  void noPassphraseAndNoKeysStoresNothing() {
    open();
    // No file; the test JVM has no console; TUMEN_PASSPHRASE is not set in the build.
    if (System.getenv("TUMEN_PASSPHRASE") == null && System.console() == null) {
      assertThatThrownBy(() -> session.unlockOrCreateKeys(null, false, CHEAP))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("has no keys yet");
      assertThat(session.hasKeys()).isFalse();
    }
  }

  private List<AuditLog.Entry> trail() {
    return session.protection().audit().entries();
  }

  private void sql(String statement) throws Exception {
    try (java.sql.Connection c = session.workspace().dataSource().getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.executeUpdate(statement);
    }
  }

  @Test
  void eventsWhileLockedJoinTheTrailAtTheNextUnlockInOrder() throws Exception {
    open();
    session.unlockOrCreateKeys(passphrase(), false, CHEAP);
    session.audit("web:ana", "sign-in", "account ana", "factor=totp");
    session.lock();
    session.audit("web:bo", "sign-in", "account bo", "factor=totp");
    session.audit("web:bo", "account-password", "account bo", "second-factor=resealed");
    assertThat(session.auditWaiting()).isEqualTo(2);
    session.unlock(passphrase());
    assertThat(session.auditWaiting()).isZero();
    List<AuditLog.Entry> t = trail();
    List<String> actions = t.stream().map(AuditLog.Entry::action).toList();
    // ana signed in while unlocked (directly); bo's two events waited for the unlock
    assertThat(actions)
        .containsSubsequence("sign-in", "lock", "unlock", "sign-in", "account-password");
    assertThat(t)
        .filteredOn(e -> e.actor().equals("web:bo"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.details()).contains(" at=20").endsWith(" queued"));
    assertThat(actions).doesNotContain("audit-queue-broken", "audit-queue-unverified");
    assertThat(session.protection().audit().verify().ok()).isTrue();
  }

  @Test
  void aQueuedEntryDeletedOrChangedWhileLockedIsNamedInTheTrail() throws Exception {
    open();
    session.unlockOrCreateKeys(passphrase(), false, CHEAP);
    session.lock();
    session.audit("web:ana", "sign-in", "account ana", "factor=totp");
    session.audit("web:mallory", "sign-in", "account mallory", "factor=totp");
    session.audit("web:ana", "sign-in", "account ana", "factor=recovery-code");
    // whoever has the database hides mallory's sign-in and alters ana's second one
    sql("DELETE FROM audit_pending WHERE actor = 'web:mallory'");
    sql("UPDATE audit_pending SET details = 'factor=totp' WHERE details = 'factor=recovery-code'");
    session.unlock(passphrase());
    List<AuditLog.Entry> t = trail();
    assertThat(t)
        .filteredOn(e -> e.action().equals("audit-queue-broken"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.details())
                    .contains("written-while-locked=3", "verified=1", "unverified=1"));
    assertThat(t)
        .filteredOn(e -> e.actor().equals("web:ana"))
        .extracting(AuditLog.Entry::details)
        .anySatisfy(d -> assertThat(d).endsWith(" queued"))
        .anySatisfy(d -> assertThat(d).endsWith(" unverified"));
    assertThat(session.protection().audit().verify().ok()).isTrue();
  }

  @Test
  void entriesQueuedByAnEarlierProcessAreMovedButMarkedUnverified() throws Exception {
    open();
    session.unlockOrCreateKeys(passphrase(), false, CHEAP);
    session.lock();
    session.audit("web:ana", "sign-in", "account ana", "factor=totp");
    session.close();
    open();
    session.unlock(passphrase());
    List<AuditLog.Entry> t = trail();
    assertThat(t)
        .filteredOn(e -> e.actor().equals("web:ana"))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).endsWith(" unverified"));
    assertThat(t)
        .filteredOn(e -> e.action().equals("audit-queue-unverified"))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).contains("written-while-locked=0", "unverified=1"));
  }
}
