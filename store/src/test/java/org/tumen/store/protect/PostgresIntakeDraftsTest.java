package org.tumen.store.protect;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.tumen.store.Workspace;

/**
 * The intake drafts contract on PostgreSQL: one schema per test (webdata_intake_…), dropped
 * afterwards.
 */
class PostgresIntakeDraftsTest extends IntakeDraftsContract {

  private String schema;

  @Override
  Workspace open(Path folder) {
    if (schema == null) {
      schema = "webdata_intake_" + UUID.randomUUID().toString().replace("-", "");
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
