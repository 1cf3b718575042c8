package org.tumen.store.access;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The access contract on PostgreSQL (127.0.0.1:5432, database test): one schema per test. */
class PostgresAccessTest extends AccessContract {

  static final String SERVER =
      System.getProperty(
          "tumen.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private final String schema = "tumen_access_" + UUID.randomUUID().toString().replace("-", "");

  @Override
  Optional<String> jdbcUrl() {
    execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    return Optional.of(SERVER + "&currentSchema=" + schema);
  }

  @AfterEach
  void dropSchema() {
    close();
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
