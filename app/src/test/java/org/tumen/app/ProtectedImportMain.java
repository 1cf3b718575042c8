package org.tumen.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.tumen.model.Progress;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Protection;

/**
 * A protected import in a process of its own, for {@link ProtectCrashIT} to kill: unlock, import
 * one list (one transaction), append its audit entry. Run with the shaded jar on the class path.
 *
 * <p>Arguments: WORKSPACE PASSPHRASE-FILE LIST FILE.
 */
final class ProtectedImportMain {

  private ProtectedImportMain() {}

  public static void main(String[] args) {
    try (Workspace ws = Workspace.open(Path.of(args[0]), Optional.empty())) {
      Protection p = Protection.unlock(ws, Path.of(args[1]));
      long n =
          ws.importer()
              .importList(args[2], Path.of(args[3]), null, Map.of(), Progress.NONE)
              .records();
      p.recordImport(args[2], n);
    }
  }
}
