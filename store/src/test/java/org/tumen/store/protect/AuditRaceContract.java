package org.tumen.store.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.documentation.Consent;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Reliability;
import org.tumen.model.documentation.Source;
import org.tumen.model.documentation.SourceKind;
import org.tumen.store.Workspace;

/**
 * Every append to the trail takes its number and chains its MAC in one order: standalone appends
 * (group commit, as audited reads do) and appends inside a caller's transaction (as an import, a
 * save of documentation, forgetting or a withdrawal of consent do) race from many threads, some of
 * the transactions roll back, and afterwards the trail verifies and holds exactly one entry per
 * committed append. Synthetic entries only.
 */
abstract class AuditRaceContract {

  @TempDir Path home;
  Workspace ws;

  abstract Workspace open(Path folder);

  @AfterEach
  void closeWorkspace() {
    if (ws != null) {
      ws.close();
    }
  }

  @Test
  void standaloneAndInTransactionAppendsNeverCollide() throws Exception {
    ws = open(home);
    AuditLog log = new AuditLog(ws.dataSource(), home, TestKeys.init(home));
    log.append("tester", "keys-init", "synthetic", "");
    int threads = 8;
    int each = 15;
    Set<Long> numbers = ConcurrentHashMap.newKeySet();
    AtomicInteger committed = new AtomicInteger();
    AtomicInteger rolledBack = new AtomicInteger();
    List<Throwable> failures =
        together(
            threads,
            each,
            (n, i) -> {
              if ((i + n) % 2 == 0) {
                // an audited read: its own transaction, through the group writer
                numbers.add(log.append("t" + n, "read-identities", "person " + i, ""));
                committed.incrementAndGet();
              } else {
                // an import or a save of documentation: the entry commits with the change
                boolean rollBack = i % 5 == 0;
                long seq = inTransaction(ws.dataSource(), log, n, i, rollBack);
                if (rollBack) {
                  rolledBack.incrementAndGet();
                } else {
                  numbers.add(seq);
                  committed.incrementAndGet();
                }
              }
            });
    assertThat(failures).isEmpty();
    assertThat(rolledBack.get()).isPositive();
    assertThat(committed.get()).isEqualTo(threads * each - rolledBack.get());
    assertThat(numbers).hasSize(committed.get());
    AuditLog.Verification v = log.verify();
    assertThat(v.problem()).isEmpty();
    assertThat(v.ok()).isTrue();
    assertThat(v.entries()).isEqualTo(1 + committed.get());
    assertThat(log.entries()).hasSize(1 + committed.get());
    assertThat(log.verifyHead().ok()).isTrue();
  }

  /**
   * The same race through real callers: saves of documentation (their {@code document} entry inside
   * the save's transaction, as an intake submission makes) against standalone entries.
   */
  @Test
  void savesOfDocumentationAndStandaloneEntriesNeverCollide() throws Exception {
    ws = open(home);
    Protection p = Protection.of(ws, TestKeys.init(home));
    // One save first: the first saves of a workspace also record its codec, a race of its own.
    ws.documentation().save(oneSource("race-first"));
    long before = p.audit().verify().entries();
    int threads = 6;
    int each = 8;
    List<Throwable> failures =
        together(
            threads,
            each,
            (n, i) -> {
              if ((i + n) % 2 == 0) {
                p.audit().append("t" + n, "read-identities", "person " + i, "");
              } else {
                ws.documentation().save(oneSource("race-" + n + "-" + i));
              }
            });
    assertThat(failures).isEmpty();
    AuditLog.Verification v = p.audit().verify();
    assertThat(v.problem()).isEmpty();
    assertThat(v.entries()).isEqualTo(before + threads * each);
    assertThat(p.audit().entries())
        .filteredOn(e -> e.action().equals(Protection.DOCUMENT))
        .hasSize(1 + threads * each / 2);
  }

  /** One step of a racing thread: the thread's number and the step's. */
  interface Step {
    void run(int thread, int step) throws Exception;
  }

  /**
   * Runs {@code steps} steps on each of {@code threads} threads, all released at once; returns what
   * was thrown (at most one per thread: a thread stops at its first failure).
   */
  static List<Throwable> together(int threads, int steps, Step step) throws InterruptedException {
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int n = t;
      all.add(
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = 0; i < steps; i++) {
                    step.run(n, i);
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              }));
    }
    all.forEach(Thread::start);
    start.countDown();
    for (Thread t : all) {
      t.join(120_000);
    }
    return failures;
  }

  /** A synthetic source and nothing else. */
  private static Documentation oneSource(String ref) {
    return new Documentation(
        List.of(
            new Source(
                ref,
                SourceKind.DOCUMENT,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "Synthetic NGO",
                Consent.none(),
                Reliability.MEDIUM,
                Optional.empty())),
        List.of(),
        List.of(),
        List.of());
  }

  /** As a caller does: work, the entry in the same transaction, commit, anchor; or roll back. */
  static long inTransaction(
      javax.sql.DataSource ds, AuditLog log, int thread, int i, boolean rollBack) throws Exception {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_entry");
            ResultSet rs = ps.executeQuery()) {
          rs.next();
        }
        long seq = log.append(c, "t" + thread, "import", "list-" + thread + "-" + i, "records=1");
        Thread.onSpinWait();
        if (rollBack) {
          c.rollback();
        } else {
          c.commit();
          log.anchor();
        }
        return seq;
      } catch (Exception e) {
        c.rollback();
        throw e;
      }
    } finally {
      log.transactionEnded();
    }
  }
}
