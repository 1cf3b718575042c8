package org.tumen.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;

/** A workspace whose schema history no longer matches this build's migrations is a clear error. */
class WorkspaceSchemaTest {

  @TempDir Path dir;

  @Test
  void aWorkspaceOfAnEarlierDevelopmentSchemaIsRefusedClearly() throws Exception {
    Path ws = dir.resolve("ws");
    try (Workspace w = Workspace.open(ws, Optional.empty());
        Connection c = w.dataSource().getConnection();
        Statement s = c.createStatement()) {
      // What an older build's V1 leaves behind: the same version with another checksum.
      assertThat(
              s.executeUpdate(
                  "UPDATE \"flyway_schema_history\" SET \"checksum\" = 12345 WHERE \"version\" = '1'"))
          .isEqualTo(1);
    }
    assertThatThrownBy(() -> Workspace.open(ws, Optional.empty()))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            ws.toAbsolutePath()
                + ": this workspace was made by an earlier development build of Tumen whose schema"
                + " has changed since; import its lists into a new workspace");
  }
}
