package org.tumen.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Export;
import org.tumen.store.protect.Protection;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tumen export --out DIR [--with-identities]}: pseudonymised CSV by default. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export the workspace as CSV files: pseudonymised (Tumen ids and coded fields, no names,",
      "dates, places or free text) unless --with-identities, which the audit trail records."
    })
final class ExportCommand implements Callable<Integer> {

  @Mixin WorkspaceOptions workspace;
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output folder, outside the workspace folder.")
  Path out;

  @Option(
      names = "--with-identities",
      description = "Also write identities.csv with every decrypted identity value.")
  boolean withIdentities;

  @Override
  public Integer call() {
    OutputPaths.outsideWorkspace("--out", out, workspace.workspace());
    try (WorkspaceSession session =
        WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
      Workspace ws = session.workspace();
      Protection p = session.unlock(workspace.passphraseFile);
      Export.Summary s = new Export(p).write(out, withIdentities);
      spec.commandLine()
          .getOut()
          .printf(
              "exported %d files to %s%s%n",
              s.rowsPerFile().size(),
              out,
              withIdentities
                  ? String.format(
                      " WITH %,d identity values (recorded in the audit trail)", s.identityValues())
                  : " (pseudonymised)");
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
