package org.tumen.store.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

  @TempDir Path dir;
  JdbcDataSource ds;
  WorkspaceKeys keys;
  AuditLog log;

  @BeforeEach
  void fiveEntries() throws Exception {
    ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + dir.getFileName() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "RUNSCRIPT FROM"
              + " 'classpath:/org/tumen/store/protect/migration/V1_900__protect_audit.sql'");
    }
    keys = TestKeys.init(dir);
    log = new AuditLog(ds, dir, keys);
    for (int i = 1; i <= 5; i++) {
      log.append("tester", "import", "list-" + i, "records=" + (10 * i));
    }
  }

  /**
   * Issue 12, finding 6: the hash covered the unclipped actor while the row kept 200 characters, so
   * one long actor (say from -Duser.name) broke the chain for good.
   */
  @Test
  void finding6AnActorOver200CharactersKeepsTheChainWhole() {
    log.append("x".repeat(300), "unlock", "ws", "");
    log.append("tester", "import", "list-6", "d".repeat(5000));
    assertThat(log.verify().ok()).isTrue();
    assertThat(log.verifyHead().ok()).isTrue();
    assertThat(log.entries().get(5).actor()).hasSize(200);
  }

  /**
   * The web application appends from many threads at once: each append returns its own number, once
   * its entry is committed and anchored, and the chain stays whole (group commit).
   */
  @Test
  void concurrentAppendsEachGetTheirOwnNumberAndKeepTheChainWhole() throws Exception {
    int threads = 16;
    int each = 20;
    java.util.Set<Long> numbers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.List<Thread> all = new java.util.ArrayList<>();
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger failures =
        new java.util.concurrent.atomic.AtomicInteger();
    for (int t = 0; t < threads; t++) {
      int n = t;
      all.add(
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = 0; i < each; i++) {
                    long seq = log.append("t" + n, "read-identities", "person " + i, "");
                    numbers.add(seq);
                    // committed before it returned: visible to another connection
                    java.util.List<AuditLog.Entry> got = new java.util.ArrayList<>();
                    log.entries(seq, got::add);
                    if (got.isEmpty() || got.get(0).seq() != seq) {
                      failures.incrementAndGet();
                    }
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                }
              }));
    }
    all.forEach(Thread::start);
    start.countDown();
    for (Thread t : all) {
      t.join();
    }
    assertThat(failures.get()).isZero();
    assertThat(numbers).hasSize(threads * each);
    assertThat(numbers).allMatch(n -> n > 5 && n <= 5 + threads * each);
    assertThat(log.verify().ok()).isTrue();
    assertThat(log.verifyHead().ok()).isTrue();
  }

  @Test
  void theHeadIsCheckedAgainstTheAnchorWithoutTheWholeChain() throws Exception {
    assertThat(log.verifyHead().ok()).isTrue();
    sql("DELETE FROM audit_entry WHERE seq >= 4");
    assertThat(log.verifyHead().ok()).isFalse();
    assertThat(log.verifyHead().problem()).contains("entries 4 to 5 are missing");
  }

  @Test
  void anUntouchedChainVerifies() {
    AuditLog.Verification v = log.verify();
    assertThat(v.ok()).isTrue();
    assertThat(v.entries()).isEqualTo(5);
    assertThat(log.entries()).extracting(AuditLog.Entry::subject).startsWith("list-1", "list-2");
  }

  @Test
  void anAlteredEntryIsNamed() throws Exception {
    sql("UPDATE audit_entry SET details = 'records=0' WHERE seq = 3");
    assertBroken(3, "altered");
  }

  @Test
  void aFlippedHashIsNamed() throws Exception {
    sql("UPDATE audit_entry SET entry_hash = prev_hash WHERE seq = 2");
    assertBroken(2, "altered");
  }

  @Test
  void aDeletedEntryIsNamed() throws Exception {
    sql("DELETE FROM audit_entry WHERE seq = 2");
    assertBroken(2, "missing");
  }

  @Test
  void aDeletedTailIsCaughtByTheAnchor() throws Exception {
    sql("DELETE FROM audit_entry WHERE seq >= 4");
    assertBroken(4, "missing");
  }

  @Test
  void reorderedEntriesAreNamed() throws Exception {
    // Swap the contents of entries 2 and 3, keeping their numbers.
    sql("UPDATE audit_entry SET seq = -2 WHERE seq = 2");
    sql("UPDATE audit_entry SET seq = 2 WHERE seq = 3");
    sql("UPDATE audit_entry SET seq = 3 WHERE seq = -2");
    assertBroken(2, "does not follow");
  }

  @Test
  void anInsertedEntryWithAForgedHashFailsItsMac() throws Exception {
    // The attacker knows the algorithm and computes a perfect hash, but not the MAC key.
    AuditLog.Entry forged = new AuditLog.Entry(6, "2026-01-01T00:00:00Z", "x", "forget", "p", "");
    byte[] prev;
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT entry_hash FROM audit_entry WHERE seq = 5")) {
      rs.next();
      prev = rs.getBytes(1);
    }
    byte[] hash = AuditLog.hash(prev, forged);
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO audit_entry VALUES (6, ?, 'x', 'forget', 'p', '', ?, ?, ?)")) {
      ps.setString(1, forged.at());
      ps.setBytes(2, prev);
      ps.setBytes(3, hash);
      ps.setBytes(4, hash);
      ps.executeUpdate();
    }
    assertBroken(6, "MAC");
  }

  @Test
  void aChainRewrittenUnderAnotherKeyFails() throws Exception {
    // Someone with database access but without this workspace's key file rebuilds the chain.
    sql("DELETE FROM audit_entry");
    Path elsewhere = dir.resolve("elsewhere");
    AuditLog impostor = new AuditLog(ds, elsewhere, TestKeys.init(elsewhere));
    for (int i = 1; i <= 5; i++) {
      impostor.append("tester", "import", "list-" + i, "records=0");
    }
    assertThat(impostor.verify().ok()).isTrue();
    assertBroken(1, "MAC");
  }

  @Test
  void anAlteredAnchorIsDetected() throws Exception {
    Path anchor = dir.resolve(AuditLog.ANCHOR_FILE);
    Files.writeString(anchor, Files.readString(anchor).replace("\"seq\":5", "\"seq\":3"));
    assertThat(log.verify().ok()).isFalse();
    assertThat(log.verify().problem()).contains("anchor");
  }

  private void assertBroken(long seq, String problem) {
    AuditLog.Verification v = log.verify();
    assertThat(v.ok()).isFalse();
    assertThat(v.firstBroken()).isEqualTo(seq);
    assertThat(v.problem()).contains(problem);
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }
}
