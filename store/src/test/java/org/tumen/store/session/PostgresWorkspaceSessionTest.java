package org.tumen.store.session;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The session contract on PostgreSQL (127.0.0.1:5432, database test): one schema per test. */
class PostgresWorkspaceSessionTest extends WorkspaceSessionContract {

  static final String SERVER =
      System.getProperty(
          "tumen.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private final String schema = "tumen_session_" + UUID.randomUUID().toString().replace("-", "");

  @Override
  Optional<String> jdbcUrl() {
    execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    return Optional.of(SERVER + "&currentSchema=" + schema);
  }

  @AfterEach
  void dropSchema() {
    closeSession();
    session = null;
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
