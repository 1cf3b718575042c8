package org.tumen.store.protect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.tumen.store.Workspace;

/**
 * The protection contract on PostgreSQL (127.0.0.1:5432, database {@code test}, as the store's own
 * PostgreSQL tests): one schema per test, dropped afterwards; the canary search reads a {@code
 * pg_dump} of it (or, without pg_dump, every row of every table).
 */
class PostgresProtectionTest extends ProtectionContract {

  static final String SERVER =
      System.getProperty(
          "tumen.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private String schema;

  @Override
  Workspace open(Path folder) {
    if (schema == null) {
      schema = "tumen_protect_" + UUID.randomUUID().toString().replace("-", "");
      execute("CREATE SCHEMA " + schema);
    }
    return Workspace.open(folder, Optional.of(SERVER + "&currentSchema=" + schema));
  }

  @AfterEach
  void dropSchema() {
    ws.close();
    execute("DROP SCHEMA " + schema + " CASCADE");
  }

  @Override
  byte[] dump() throws Exception {
    return dump(ws, schema);
  }

  /** Every byte of one schema's data: its pg_dump, or without pg_dump every row of every table. */
  static byte[] dump(Workspace ws, String schema) throws Exception {
    try {
      Process p =
          new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-n", schema, "test")
              .redirectErrorStream(true)
              .start();
      byte[] out = p.getInputStream().readAllBytes();
      if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return out;
      }
    } catch (IOException e) {
      // No pg_dump on this machine: read every row instead.
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try (Connection c = ws.dataSource().getConnection()) {
      for (String t : DatabaseTables.inDependencyOrder(c)) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM " + DatabaseTables.quote(t))) {
          int k = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= k; i++) {
              byte[] b = rs.getBytes(i);
              all.write(b == null ? new byte[0] : b);
              all.write('\n');
            }
          }
        }
      }
    }
    return all.toByteArray();
  }

  static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is needed at " + SERVER + ": " + e, e);
    }
  }
}
