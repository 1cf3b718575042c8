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

  @Test
  void theDatabaseLivesInTheWorkspaceFolder() {
    assertThat(ws.isEmbedded()).isTrue();
    assertThat(Files.exists(ws.directory().resolve(Workspace.H2_NAME + ".mv.db"))).isTrue();
  }
}
