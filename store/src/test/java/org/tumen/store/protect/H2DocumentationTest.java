package org.tumen.store.protect;

import java.nio.file.Path;
import java.util.Optional;
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
}
