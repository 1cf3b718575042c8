package org.tumen.store.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tumen.store.Workspace;

/** The documentation contract on the embedded database: its files are in the searched folder. */
class H2DocumentationTest extends DocumentationContract {

  @Override
  Workspace open(Path folder) {
    return Workspace.open(folder, Optional.empty());
  }

  @Override
  byte[] dump() {
    return new byte[0];
  }

  private String writeDelay() throws Exception {
    try (var c = ws.dataSource().getConnection();
        var ps =
            c.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'WRITE_DELAY'");
        var rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  /**
   * A bulk import lets H2's background writer store pages while it writes, and sets the workspace's
   * WRITE_DELAY=0 back when it ends, committed or not: later commits are stored as they return.
   */
  @Test
  void aBulkImportLeavesEachLaterCommitStoredAsItReturns() throws Exception {
    protect();
    ws.documentation().saveImport(manyJourneys(300, ""));
    assertThat(writeDelay()).isEqualTo("0");
    assertThatThrownBy(() -> ws.documentation().saveImport(manyJourneys(300, "")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(writeDelay()).isEqualTo("0");
  }
}
