package org.tumen.store.protect;

import java.nio.file.Path;
import java.util.Optional;
import org.tumen.store.Workspace;

/** The intake drafts contract on the embedded database: its files are in the searched folder. */
class H2IntakeDraftsTest extends IntakeDraftsContract {

  @Override
  Workspace open(Path folder) {
    return Workspace.open(folder, Optional.empty());
  }

  @Override
  byte[] dump() {
    return new byte[0];
  }
}
