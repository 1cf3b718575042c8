package org.tumen.store.protect;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.tumen.store.Workspace;

/** The documentation contract on PostgreSQL: one schema per test, dropped afterwards. */
class PostgresDocumentationTest extends DocumentationContract {

  private String schema;

  @Override
  Workspace open(Path folder) {
    if (schema == null) {
      schema = "tumen_doc_" + UUID.randomUUID().toString().replace("-", "");
      PostgresProtectionTest.execute("CREATE SCHEMA " + schema);
    }
    return Workspace.open(
        folder, Optional.of(PostgresProtectionTest.SERVER + "&currentSchema=" + schema));
  }

  @AfterEach
  void dropSchema() {
    ws.close();
    PostgresProtectionTest.execute("DROP SCHEMA " + schema + " CASCADE");
  }

  @Override
  byte[] dump() throws Exception {
    return PostgresProtectionTest.dump(ws, schema);
  }
}
