package org.tumen.store.protect;

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
import org.tumen.store.Workspace;

/** Issue 12's attacks on PostgreSQL: one schema per test, dropped afterwards. */
class PostgresAttackTest extends AttackContract {

  private String schema;
  private final java.util.List<String> older = new java.util.ArrayList<>();

  @Override
  void newDatabase() {
    older.add(schema);
    schema = null;
  }

  @Override
  Workspace open(Path folder) {
    if (schema == null) {
      schema = "tumen_attack_" + UUID.randomUUID().toString().replace("-", "");
      execute("CREATE SCHEMA " + schema);
    }
    return Workspace.open(
        folder, Optional.of(PostgresProtectionTest.SERVER + "&currentSchema=" + schema));
  }

  @AfterEach
  void dropSchema() {
    ws.close();
    execute("DROP SCHEMA " + schema + " CASCADE");
    for (String s : older) {
      execute("DROP SCHEMA " + s + " CASCADE");
    }
  }

  /**
   * Finding 3 on PostgreSQL: a DBA's code runs in the server, not in Tumen, but a rule or trigger
   * could drop audit entries silently (and a policy hide them); such a schema is not used.
   */
  @Test
  void finding3ARuleOrTriggerThatCouldSilenceTheTrailIsRefused() {
    String[] attacks = {
      "CREATE RULE quiet AS ON INSERT TO " + schema + ".audit_entry DO INSTEAD NOTHING",
      "CREATE FUNCTION "
          + schema
          + ".f() RETURNS trigger LANGUAGE plpgsql AS"
          + " 'BEGIN RETURN NULL; END'",
      "ALTER TABLE " + schema + ".audit_entry ENABLE ROW LEVEL SECURITY",
    };
    for (String attack : attacks) {
      execute(attack);
      assertThatThrownBy(() -> open(home))
          .as(attack)
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("migrations do not make");
      execute("DROP RULE IF EXISTS quiet ON " + schema + ".audit_entry");
      execute("DROP FUNCTION IF EXISTS " + schema + ".f()");
      execute("ALTER TABLE " + schema + ".audit_entry DISABLE ROW LEVEL SECURITY");
    }
    open(home).close();
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(PostgresProtectionTest.SERVER);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is needed: " + e, e);
    }
  }
}
