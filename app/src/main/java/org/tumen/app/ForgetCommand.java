package org.tumen.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Forgetting;
import org.tumen.store.protect.Protection;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tumen forget PERSON-ID}: consent withdrawn; crypto-shred one person. */
@Command(
    name = "forget",
    mixinStandardHelpOptions = true,
    description = {
      "Forget a person (consent withdrawn): destroy their key in keys.tumen, so that their",
      "identity cannot be read again from this workspace or from any backup, and delete their",
      "sealed values. A tombstone keeps counts right; the audit trail records it."
    })
final class ForgetCommand implements Callable<Integer> {

  @Mixin WorkspaceOptions workspace;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "PERSON-ID",
      description = "The person's Tumen id as tumen find prints it (P-1042; 1042 also works).")
  String person;

  @Override
  public Integer call() {
    long personId = FindCommand.parsePersonId(person, "PERSON-ID " + person);
    try (WorkspaceSession session =
        WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
      Workspace ws = session.workspace();
      Protection p = session.unlock(workspace.passphraseFile);
      Forgetting.Result r = new Forgetting(p).forget(personId);
      PrintWriter out = spec.commandLine().getOut();
      if (r.alreadyForgotten()) {
        out.printf(
            "person %s was already forgotten; nothing changed%n", FindCommand.personId(personId));
      } else {
        out.printf(
            "person %s forgotten: key destroyed, %d sealed values deleted, tombstone kept%n",
            FindCommand.personId(personId), r.valuesDeleted());
        out.println(
            "replace your offline copy of keys.tumen now: an older copy can still open them");
      }
      out.flush();
    }
    return 0;
  }
}
