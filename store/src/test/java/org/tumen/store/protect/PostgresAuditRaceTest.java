package org.tumen.store.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tumen.store.Workspace;

/** The audit race contract on PostgreSQL: a schema of its own, dropped afterwards. */
class PostgresAuditRaceTest extends AuditRaceContract {

  private final String schema = "tumen_auditrace_" + UUID.randomUUID().toString().replace("-", "");
  private Workspace second;

  @Override
  Workspace open(Path folder) {
    execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    return Workspace.open(
        folder, Optional.of(PostgresProtectionTest.SERVER + "&currentSchema=" + schema));
  }

  /**
   * Two processes on one workspace (`tumen serve` and a command run beside it): each has its own
   * in-process trail lock and its own connections, and they share the schema and the anchor file.
   * The second "process" reaches the folder through a symbolic link, so that its in-process lock is
   * another one, as in another JVM. Before the lock across processes, appends of the two took the
   * same number (duplicate keys) and replaced each other's temporary anchor file.
   */
  @Test
  void twoProcessesAppendingToOneSchemaNeverCollide() throws Exception {
    Path folder = Files.createDirectories(home.resolve("ws"));
    Path alias = Files.createSymbolicLink(home.resolve("alias"), folder);
    ws = open(folder);
    second = open(alias);
    WorkspaceKeys keys = TestKeys.init(folder);
    List<AuditLog> logs =
        List.of(
            new AuditLog(ws.dataSource(), folder, keys),
            new AuditLog(second.dataSource(), alias, keys));
    logs.get(0).append("tester", "keys-init", "synthetic", "");
    int threadsEach = 3;
    int each = 12;
    AtomicInteger committed = new AtomicInteger();
    List<Throwable> failures =
        together(
            2 * threadsEach,
            each,
            (n, i) -> {
              // threads 0..threadsEach-1 are the first process, the others the second
              int proc = n / threadsEach;
              AuditLog log = logs.get(proc);
              if ((i + n) % 2 == 0) {
                log.append("p" + n, "read-identities", "person " + i, "");
              } else {
                inTransaction((proc == 0 ? ws : second).dataSource(), log, n, i, false);
              }
              committed.incrementAndGet();
            });
    assertThat(failures).isEmpty();
    assertThat(committed.get()).isEqualTo(2 * threadsEach * each);
    for (AuditLog log : logs) {
      AuditLog.Verification v = log.verify();
      assertThat(v.problem()).isEmpty();
      assertThat(v.entries()).isEqualTo(1 + committed.get());
    }
  }

  @AfterEach
  void dropSchema() {
    if (second != null) {
      second.close();
      second = null;
    }
    if (ws != null) {
      ws.close();
      ws = null;
    }
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(PostgresProtectionTest.SERVER);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
