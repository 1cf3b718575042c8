package org.tumen.store.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;
import org.tumen.store.session.WorkspaceSession;

/** Accounts and need-to-know grants (migration V4_001) on one database. */
abstract class AccessContract {

  @TempDir Path dir;
  WorkspaceSession session;

  abstract Optional<String> jdbcUrl();

  private WorkspaceSession open() {
    session = WorkspaceSession.open(dir.resolve("ws"), jdbcUrl());
    return session;
  }

  @AfterEach
  void close() {
    if (session != null) {
      session.close();
      session = null;
    }
  }

  private long account(String login, Role role, String interviewer) {
    return session
        .accounts()
        .create(
            new Accounts.NewAccount(
                login, role, "hash", new byte[16], null, null, "ko", interviewer));
  }

  @Test
  void accountsRoundTripAndLockAfterRepeatedFailures() {
    open();
    long id = account("reviewer1", Role.REVIEWER, null);
    Account a = session.accounts().byLogin("reviewer1").orElseThrow();
    assertThat(a.id()).isEqualTo(id);
    assertThat(a.role()).isEqualTo(Role.REVIEWER);
    assertThat(a.language()).isEqualTo("ko");
    assertThat(a.enrolled()).isFalse();
    assertThatThrownBy(() -> account("reviewer1", Role.VIEWER, null))
        .isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> account("Kim Chol", Role.VIEWER, null))
        .isInstanceOf(BadInputException.class);
    for (int i = 0; i < 4; i++) {
      session.accounts().recordFailure(id, 5, Duration.ofMinutes(15));
    }
    assertThat(session.accounts().byId(id).orElseThrow().lockedAt(java.time.Instant.now()))
        .isFalse();
    session.accounts().recordFailure(id, 5, Duration.ofMinutes(15));
    assertThat(session.accounts().byId(id).orElseThrow().lockedAt(java.time.Instant.now()))
        .isTrue();
    session.accounts().recordSuccess(id);
    assertThat(session.accounts().byId(id).orElseThrow().failedAttempts()).isZero();
  }

  @Test
  void aTimeStepIsTakenOnceAndNeverAnEarlierOne() {
    open();
    long id = account("a1", Role.ANALYST, null);
    assertThat(session.accounts().useTotpStep(id, 100)).isTrue();
    assertThat(session.accounts().useTotpStep(id, 100)).as("replayed").isFalse();
    assertThat(session.accounts().useTotpStep(id, 99)).as("earlier").isFalse();
    assertThat(session.accounts().useTotpStep(id, 101)).isTrue();
  }

  @Test
  void anAccountSeesOnlyWhatItWasGrantedItsCaseFilesAndItsOwnInterviews() throws Exception {
    open();
    long a = account("interviewer1", Role.INTERVIEWER, "INT-7");
    long b = account("reviewer2", Role.REVIEWER, null);
    AccessGrants g = session.access();
    g.grant(a, CaseKind.LIST, "church_a", "admin");
    g.grant(a, CaseKind.LIST, "church_a", "admin");
    g.grant(b, CaseKind.CASE, "case-2024-3", "admin");
    g.addToCase("case-2024-3", CaseKind.LIST, "ngo_b");
    g.addToCase("case-2024-3", CaseKind.SOURCE, "S-9");
    try (Connection c = session.workspace().dataSource().getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO person (id, created_at) VALUES (900000, CURRENT_TIMESTAMP)")) {
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO doc_source (id, ref, kind, interviewer, holder, reliability, has_text,"
                  + " key_person_id, created_at) VALUES (900001, 'S-1', 'interview', 'INT-7',"
                  + " 'synthetic NGO', 'high', FALSE, 900000, CURRENT_TIMESTAMP)")) {
        ps.executeUpdate();
      }
    }
    assertThat(g.of(a)).hasSize(1);
    assertThat(g.visibleLists(a)).containsExactly("church_a");
    assertThat(g.visibleSources(a)).containsExactly("S-1");
    assertThat(g.visibleLists(b)).containsExactly("ngo_b");
    assertThat(g.visibleSources(b)).containsExactly("S-9");
    assertThat(g.may(b, CaseKind.CASE, "case-2024-3")).isTrue();
    assertThat(g.may(b, CaseKind.LIST, "church_a")).isFalse();
    assertThat(g.may(a, CaseKind.SOURCE, "S-9")).isFalse();
    assertThat(g.may(a, CaseKind.LIST, null)).isFalse();
    // asked of one source, the same answers as the whole set (a direct grant, a case file, one's
    // own interviews)
    g.grant(b, CaseKind.SOURCE, "S-5", "admin");
    assertThat(g.may(a, CaseKind.SOURCE, "S-1")).isTrue();
    assertThat(g.may(b, CaseKind.SOURCE, "S-1")).isFalse();
    assertThat(g.may(b, CaseKind.SOURCE, "S-9")).isTrue();
    assertThat(g.may(b, CaseKind.SOURCE, "S-5")).isTrue();
    assertThat(g.may(a, CaseKind.SOURCE, "S-5")).isFalse();
    g.addAllToCase("case-2024-3", CaseKind.SOURCE, java.util.List.of("S-9", "S-10", "S-11"));
    assertThat(g.visibleSources(b)).containsExactlyInAnyOrder("S-5", "S-9", "S-10", "S-11");
    assertThat(g.may(b, CaseKind.SOURCE, "S-11")).isTrue();
    assertThat(g.may(a, CaseKind.SOURCE, "S-11")).isFalse();
    assertThat(g.visibleLists(b)).containsExactly("ngo_b");
    long grant =
        g.of(b).stream().filter(x -> x.kind() == CaseKind.CASE).findFirst().orElseThrow().id();
    assertThat(g.revoke(grant)).isTrue();
    assertThat(g.visibleLists(b)).isEmpty();
  }

  @Test
  void keptVisibleSourcesGoWithEveryGrantChangeMadeThroughTheSession() throws Exception {
    open();
    long b = account("reviewer3", Role.REVIEWER, null);
    AccessGrants g = session.access();
    long caseGrant = g.grant(b, CaseKind.CASE, "case-7", "admin");
    g.addAllToCase("case-7", CaseKind.SOURCE, java.util.List.of("S-1", "S-2"));
    assertThat(g.visibleSources(b)).containsExactlyInAnyOrder("S-1", "S-2");
    // a grant written behind the session's back is not seen while the set is kept ...
    try (Connection c = session.workspace().dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO web_access_grant (id, account_id, kind, target, granted_by,"
                    + " granted_at) VALUES (990001, ?, 'source', 'S-3', 'sql', '2026-12-07')")) {
      ps.setLong(1, b);
      ps.executeUpdate();
    }
    assertThat(g.visibleSources(b)).containsExactlyInAnyOrder("S-1", "S-2");
    assertThat(g.may(b, CaseKind.SOURCE, "S-3")).as("answered from the kept set").isFalse();
    // ... until a caller says the sources changed
    g.changed();
    assertThat(g.visibleSources(b)).containsExactlyInAnyOrder("S-1", "S-2", "S-3");
    // a revocation, a grant and a case file change through the session are seen at once
    assertThat(g.may(b, CaseKind.SOURCE, "S-2")).isTrue();
    assertThat(g.revoke(caseGrant)).isTrue();
    assertThat(g.may(b, CaseKind.SOURCE, "S-2")).isFalse();
    assertThat(g.visibleSources(b)).containsExactly("S-3");
    g.grant(b, CaseKind.CASE, "case-7", "admin");
    assertThat(g.visibleSources(b)).containsExactlyInAnyOrder("S-1", "S-2", "S-3");
    g.addToCase("case-7", CaseKind.SOURCE, "S-4");
    assertThat(g.visibleSources(b)).containsExactlyInAnyOrder("S-1", "S-2", "S-3", "S-4");
    assertThat(g.may(b, CaseKind.SOURCE, "S-4")).isTrue();
    assertThat(session.access()).as("one per session").isSameAs(g);
    assertThatThrownBy(() -> g.visibleSources(b).add("S-9"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void concurrentWritersEachGetTheirOwnId() throws Exception {
    open();
    java.util.List<Thread> threads = new java.util.ArrayList<>();
    java.util.Set<Long> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
    for (int t = 0; t < 8; t++) {
      int n = t;
      threads.add(
          new Thread(
              () -> {
                long id = account("user" + n, Role.VIEWER, null);
                ids.add(id);
                session.access().grant(id, CaseKind.LIST, "l" + n, "test");
              }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(ids).hasSize(8);
    assertThat(session.access().all()).hasSize(8);
  }
}
