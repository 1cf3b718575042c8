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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tumen backup --out FILE}: an encrypted, authenticated copy of the database. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Write an encrypted, integrity-checked backup of the workspace's database. It does not",
      "contain the keys: restoring needs this workspace's keys.tumen and passphrase."
    })
final class BackupCommand implements Callable<Integer> {

  @Mixin WorkspaceOptions workspace;
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Backup file: a new file outside the workspace folder.")
  Path out;

  @Option(
      names = "--force",
      description = "Replace --out if it exists (never a file inside the workspace).")
  boolean force;

  @Override
  public Integer call() {
    OutputPaths.outsideWorkspace("--out", out, workspace.workspace());
    OutputPaths.notExisting("--out", out, force);
    OutputPaths.createParent("--out", out);
    try (WorkspaceSession session =
        WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
      Workspace ws = session.workspace();
      Protection p = session.unlock(workspace.passphraseFile);
      Backup.Summary s = new Backup(p).write(out);
      spec.commandLine()
          .getOut()
          .printf(
              "backup written to %s: %,d rows in %d tables%n",
              out, s.rows(), s.rowsPerTable().size());
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
