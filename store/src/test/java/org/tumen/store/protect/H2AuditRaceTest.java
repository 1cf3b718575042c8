package org.tumen.store.protect;

import java.nio.file.Path;
import java.util.Optional;
import org.tumen.store.Workspace;

/** The audit race contract on the embedded database. */
class H2AuditRaceTest extends AuditRaceContract {

  @Override
  Workspace open(Path folder) {
    return Workspace.open(folder, Optional.empty());
  }
}
