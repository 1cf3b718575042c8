package org.tumen.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;

/**
 * Issue 12, finding 3: whoever can write the workspace folder once, without any key, must not get
 * code run inside the next (unlocked) Tumen process. H2 compiles and runs a source trigger's code
 * as it opens the database, so the schema is checked before H2 opens it.
 */
class H2SchemaGuardTest {

  @TempDir Path dir;

  /** The attacker: plain H2, the workspace's file, no key. */
  private void tamper(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("tumen"));
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private void create() {
    try (Workspace ws = Workspace.open(dir, Optional.empty())) {
      assertThat(ws.isEmbedded()).isTrue();
    }
  }

  @Test
  void aTamperedDatabaseRunsNoCodeInTheUnlockedProcess() throws Exception {
    create();
    Path marker = dir.resolve("ran");
    String body =
        "org.h2.api.Trigger create() { try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
            + marker
            + "\"), \"x\"); } catch (Exception e) {} return new org.h2.tools.TriggerAdapter() {"
            + " public void fire(java.sql.Connection c, java.sql.ResultSet o, java.sql.ResultSet"
            + " n) {} }; }";
    tamper("CREATE TRIGGER steal BEFORE INSERT ON audit_entry AS '" + body + "'");
    Files.delete(marker); // it ran once, in the attacker's own process
    assertThatThrownBy(() -> Workspace.open(dir, Optional.empty()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("TRIGGER \"PUBLIC\".\"STEAL\"");
    assertThat(marker).doesNotExist();
  }

  @Test
  void anAliasAViewAUserOrAnAddedConstraintIsRefused() throws Exception {
    String[][] attacks = {
      {"CREATE ALIAS shout FOR 'java.lang.System.getProperty'", "CREATE FORCE ALIAS"},
      {"CREATE VIEW v AS SELECT * FROM audit_entry", "CREATE FORCE VIEW"},
      {"CREATE USER eve PASSWORD 'x' ADMIN", "CREATE USER"},
      {
        "ALTER TABLE record ADD CONSTRAINT c CHECK (LENGTH(CSVWRITE('/tmp/x', 'SELECT 1')) > 0)",
        "CSVWRITE"
      },
      {"ALTER TABLE person ADD COLUMN note VARCHAR(10)", "PERSON"},
    };
    for (String[] attack : attacks) {
      Path ws = dir.resolve("ws-" + Math.abs(attack[0].hashCode()));
      try (Workspace w = Workspace.open(ws, Optional.empty())) {
        assertThat(w.isEmbedded()).isTrue();
      }
      try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + ws.resolve("tumen"));
          Statement s = c.createStatement()) {
        s.execute(attack[0]);
      }
      assertThatThrownBy(() -> Workspace.open(ws, Optional.empty()))
          .as(attack[0])
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("migrations do not make")
          .hasMessageContaining(attack[1]);
    }
  }

  @Test
  void anUntouchedWorkspaceOpensAgainAfterManyRows() throws Exception {
    create();
    // Enough rows for H2 to analyse the tables and store column statistics in the schema.
    try (Workspace ws = Workspace.open(dir, Optional.empty());
        Connection c = ws.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO person (id, created_at) SELECT X, CURRENT_TIMESTAMP FROM"
              + " SYSTEM_RANGE(1, 30000)");
      s.execute("ALTER SEQUENCE tumen_id RESTART WITH 99000");
    }
    try (Workspace ws = Workspace.open(dir, Optional.empty())) {
      assertThat(ws.isEmbedded()).isTrue();
    }
  }
}
