package org.tumen.store.protect;

import java.nio.file.Path;
import java.util.Optional;
import org.tumen.store.Workspace;

/** Issue 12's attacks on the embedded database. */
class H2AttackTest extends AttackContract {

  @Override
  Workspace open(Path folder) {
    return Workspace.open(folder, Optional.empty());
  }
}
