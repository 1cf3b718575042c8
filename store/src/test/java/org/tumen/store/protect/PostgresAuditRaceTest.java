package org.tumen.store.protect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.tumen.store.Workspace;

/** The audit race contract on PostgreSQL: a schema of its own, dropped afterwards. */
class PostgresAuditRaceTest extends AuditRaceContract {

  private final String schema = "tumen_auditrace_" + UUID.randomUUID().toString().replace("-", "");

  @Override
  Workspace open(Path folder) {
    execute("CREATE SCHEMA " + schema);
    return Workspace.open(
        folder, Optional.of(PostgresProtectionTest.SERVER + "&currentSchema=" + schema));
  }

  @AfterEach
  void dropSchema() {
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
