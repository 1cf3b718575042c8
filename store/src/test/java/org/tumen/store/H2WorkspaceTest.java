package org.tumen.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The repository contract on the embedded H2 database in a temporary workspace folder. */
class H2WorkspaceTest extends WorkspaceContract {

  @Override
  Workspace open(Path folder) {
    return Workspace.open(folder, Optional.empty());
  }

  /**
   * Opening a workspace whose schema is up to date keeps the first connection open until the
   * workspace holds its own (H2 then neither closes nor compacts the file in between); the schema's
   * CHECKs hold as after a migration, for a value they refuse and a value they take.
   */
  @Test
  void aReopenedWorkspaceThatNeedsNoMigrationKeepsItsChecks() throws Exception {
    for (int open = 0; open < 2; open++) {
      ws.close();
      ws = open(dir.resolve("ws"));
      try (java.sql.Connection c = ws.dataSource().getConnection();
          java.sql.Statement s = c.createStatement()) {
        String insert =
            "INSERT INTO source (id, kind, name, consent_store, consent_quote, consent_contact,"
                + " created_at) VALUES (%d, '%s', 'check-%d', TRUE, TRUE, TRUE,"
                + " CURRENT_TIMESTAMP)";
        int id = 900_000 + open;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> s.executeUpdate(String.format(insert, id, "rumour", id)))
            .isInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class)
            .hasMessageContaining("Check constraint");
        assertThat(s.executeUpdate(String.format(insert, id, "interview", id))).isEqualTo(1);
      }
    }
  }

  @Test
  void theDatabaseLivesInTheWorkspaceFolder() {
    assertThat(ws.isEmbedded()).isTrue();
    assertThat(Files.exists(ws.directory().resolve(Workspace.H2_NAME + ".mv.db"))).isTrue();
  }
}
