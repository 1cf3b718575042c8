package org.tumen.app;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tumen.model.BadInputException;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.store.protect.ConsentWithdrawal;
import org.tumen.store.protect.Protection;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tumen document withdraw}: a source withdraws its consent to one use
 * (docs/documentation.md, "Consent withdrawn"). Withdrawing consent to store destroys the source's
 * key, as {@code tumen forget} does a person's: its testimony can never be read again, while counts
 * keep its codes.
 */
@Command(
    name = "withdraw",
    mixinStandardHelpOptions = true,
    description = {
      "Record that a source withdrew its consent to one use (store, quote, contact-again, share).",
      "Withdrawing consent to store destroys the source's key: its testimony becomes unreadable",
      "here and in every backup; counts keep its codes. Recorded in the audit trail."
    })
final class DocumentWithdrawCommand implements Callable<Integer> {

  @Mixin WorkspaceOptions workspace;
  @Spec CommandSpec spec;

  @Option(names = "--source", required = true, paramLabel = "ID", description = "The source's id.")
  String source;

  @Option(
      names = "--use",
      required = true,
      paramLabel = "USE",
      description = "store, quote, contact-again (or contact), share.")
  String use;

  @Option(
      names = "--on",
      paramLabel = "DATE",
      description = "The day consent was withdrawn, YYYY-MM-DD (default: today, UTC).")
  String on;

  @Override
  public Integer call() {
    ConsentUse u = use(use);
    LocalDate day;
    try {
      day = on == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(on.strip());
    } catch (DateTimeParseException e) {
      throw new BadInputException("--on", "not a date YYYY-MM-DD");
    }
    try (WorkspaceSession session =
        WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
      Protection p = session.unlock(workspace.passphraseFile);
      ConsentWithdrawal.Result r = new ConsentWithdrawal(p).withdraw(source, u, day);
      PrintWriter out = spec.commandLine().getOut();
      String code = u.name().toLowerCase(Locale.ROOT).replace('_', '-');
      if (r.alreadyWithdrawn()) {
        out.printf(
            "source %s had withdrawn its consent to %s on %s; nothing changed%n",
            source, code, r.on());
      } else if (u == ConsentUse.STORE) {
        out.printf(
            "source %s withdrew its consent to store on %s: key destroyed, %d sealed values"
                + " deleted; its codes stay for counts%n",
            source, r.on(), r.valuesDestroyed());
        out.println(
            "replace your offline copy of keys.tumen now: an older copy can still open them");
      } else {
        out.printf("source %s withdrew its consent to %s on %s%n", source, code, r.on());
      }
      out.flush();
    }
    return 0;
  }

  static ConsentUse use(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "store" -> ConsentUse.STORE;
      case "quote" -> ConsentUse.QUOTE;
      case "contact", "contact-again" -> ConsentUse.CONTACT_AGAIN;
      case "share" -> ConsentUse.SHARE;
      default ->
          throw new BadInputException("--use", "must be store, quote, contact-again or share");
    };
  }
}
