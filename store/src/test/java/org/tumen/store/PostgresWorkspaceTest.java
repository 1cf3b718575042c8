package org.tumen.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tumen.model.BadInputException;

/**
 * The repository contract on PostgreSQL (127.0.0.1:5432, database {@code test}, trust auth; see
 * STACK.md). Each test runs in a schema of its own, dropped afterwards, so parallel builds never
 * meet. Override the server with {@code -Dtumen.test.postgres=jdbc:postgresql://...}.
 */
class PostgresWorkspaceTest extends WorkspaceContract {

  static final String SERVER =
      System.getProperty(
          "tumen.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private String schema;

  @Override
  Workspace open(Path folder) {
    if (schema == null) {
      schema = "tumen_test_" + UUID.randomUUID().toString().replace("-", "");
      execute("CREATE SCHEMA " + schema);
    }
    return Workspace.open(folder, Optional.of(SERVER + "&currentSchema=" + schema));
  }

  @AfterEach
  void dropSchema() {
    if (schema != null) {
      ws.close();
      execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is needed at " + SERVER + " (start it, see STACK.md): " + e.getMessage(), e);
    }
  }

  @Test
  void theDataLivesInPostgres() {
    assertThat(ws.isEmbedded()).isFalse();
  }

  @Test
  void aMigratedSchemaHasThisBuildsHistorySoTheNextOpenSkipsFlyway() throws Exception {
    try (Connection c = ws.dataSource().getConnection()) {
      assertThat(MigrationHistory.upToDate(c, Workspace.MIGRATIONS)).isTrue();
    }
    try (Workspace again = open(ws.directory());
        Connection c = again.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '5.000'");
      assertThat(MigrationHistory.upToDate(c, Workspace.MIGRATIONS)).isFalse();
    }
    // a changed script is refused on PostgreSQL too, by Flyway as before
    assertThatThrownBy(() -> open(ws.directory()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("earlier development build");
  }

  @Test
  void anUnreachableServerIsAClearError() {
    assertThatThrownBy(
            () ->
                Workspace.open(
                    dir.resolve("other"),
                    Optional.of("jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=pw")))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("jdbc:postgresql://127.0.0.1:1/test: cannot use the database: ")
        .hasMessageNotContaining("pw");
  }
}
