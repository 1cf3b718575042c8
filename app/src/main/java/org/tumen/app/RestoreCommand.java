package org.tumen.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Backup;
import org.tumen.store.protect.Protection;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tumen restore FILE}: verify a backup completely, then replace the workspace's data. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Check every byte of a backup, then replace the workspace's data with it in one",
      "transaction. Persons forgotten since the backup stay forgotten."
    })
final class RestoreCommand implements Callable<Integer> {

  @Mixin WorkspaceOptions workspace;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A file written by tumen backup.")
  Path file;

  @Override
  public Integer call() {
    try (WorkspaceSession session =
        WorkspaceSession.open(workspace.workspace(), workspace.jdbcUrl())) {
      Workspace ws = session.workspace();
      Protection p = session.unlock(workspace.passphraseFile);
      Backup.Summary s = new Backup(p).restore(file);
      spec.commandLine()
          .getOut()
          .printf("restored %,d rows from %s (backup of %s)%n", s.rows(), file, s.createdAt());
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
