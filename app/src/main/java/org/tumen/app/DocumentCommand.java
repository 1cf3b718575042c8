package org.tumen.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tumen.model.BadInputException;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.store.Workspace;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tumen document}: bulk import and export of documentation (docs/documentation.md). */
@Command(
    name = "document",
    mixinStandardHelpOptions = true,
    description =
        "Import documentation (sources and acts) from CSV or XLSX, export it, or withdraw a"
            + " source's consent.",
    subcommands = {
      DocumentCommand.Import.class,
      DocumentCommand.Export.class,
      DocumentWithdrawCommand.class
    })
final class DocumentCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import a sources file (one row per source) and an acts file (one row per act), CSV or",
        "XLSX, in one transaction: all of it, or on any error nothing (exit 2, file:line:column)."
      })
  static final class Import implements Callable<Integer> {
    @Mixin WorkspaceOptions workspace;
    @Spec CommandSpec spec;

    @Option(
        names = "--sources",
        required = true,
        paramLabel = "FILE",
        description = "The sources the acts cite, one row per source.")
    Path sources;

    @Option(
        names = "--people",
        paramLabel = "FILE",
        description = {
          "The people this import introduces (a 'person' column of pseudonymous ids). A person",
          "an act names must be listed here or stored already."
        })
    Path people;

    @Parameters(paramLabel = "ACTS", description = "The acts, one row per act.")
    Path acts;

    @Override
    public Integer call() {
      try (WorkspaceSession session =
          WorkspaceSession.open(workspace.workspace(), workspace.jdbcUrl())) {
        Workspace ws = session.workspace();
        DocumentationImport.Stored stored =
            DocumentationImport.Stored.of(ws.documentation().loadCodes());
        Documentation d =
            new DocumentationImport(Vocabularies.standard(), Gazetteer.standard())
                .read(sources, people, acts, stored);
        if (!session.hasKeys()) {
          throw new BadInputException(
              ws.directory().toString(),
              "this workspace has no keys: create them first (tumen keys init); testimony is"
                  + " never stored unsealed");
        }
        session.unlock(workspace.passphraseFile);
        int sealed = ws.documentation().saveImport(d);
        spec.commandLine()
            .getOut()
            .printf(
                "imported %d sources, %d events, %d acts (%d values sealed)%n",
                d.sources().size(), d.events().size(), d.acts().size(), sealed);
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Export the stored documentation: documentation.json (the whole graph) and acts.csv (one",
        "row per act, HXL hashtags on the second header row). Pseudonymised: no testimony and no",
        "summaries, and no passphrase needed, unless --with-identities (recorded in the audit trail)."
      })
  static final class Export implements Callable<Integer> {
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
        description = "Also write testimony text and event summaries (needs the passphrase).")
    boolean withIdentities;

    @Override
    public Integer call() {
      OutputPaths.outsideWorkspace("--out", out, workspace.workspace());
      try (WorkspaceSession session =
          WorkspaceSession.open(workspace.workspace(), workspace.jdbcUrl())) {
        Workspace ws = session.workspace();
        Documentation d;
        if (withIdentities) {
          session.unlock(workspace.passphraseFile);
          d = ws.documentation().load("document export --with-identities");
        } else {
          d = ws.documentation().loadCodes();
        }
        new DocumentationExport(Gazetteer.standard()).write(d, out);
        spec.commandLine()
            .getOut()
            .printf(
                "exported %d acts to %s%s%n",
                d.acts().size(),
                out,
                withIdentities
                    ? " WITH testimony and summaries (recorded in the audit trail)"
                    : " (pseudonymised)");
        spec.commandLine().getOut().flush();
      } catch (IOException e) {
        throw new BadInputException("--out", "cannot write: " + e.getMessage());
      } catch (UncheckedIOException e) {
        throw new BadInputException("--out", "cannot write: " + e.getMessage());
      }
      return 0;
    }
  }
}
