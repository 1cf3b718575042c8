package org.tumen.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tumen.store.Workspace;
import org.tumen.store.protect.AuditLog;
import org.tumen.store.protect.IdentityCheck;
import org.tumen.store.protect.IntegrityCheck;
import org.tumen.store.protect.PendingAudit;
import org.tumen.store.protect.Protection;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tumen audit verify | show}: the tamper-evident audit trail. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "The audit trail: every unlock, import, read of identities, export, forget, backup, restore",
      "and key operation, hash-chained and anchored with a key that is not in the database."
    },
    subcommands = {AuditCommand.Verify.class, AuditCommand.Show.class})
final class AuditCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Check the chain and its anchor, and that every sealed identity value opens where it is",
        "(a read of every value, recorded as such). Exit 0 when whole; exit 1 naming the first",
        "broken entry or value."
      })
  static final class Verify implements Callable<Integer> {
    @Mixin WorkspaceOptions workspace;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try (WorkspaceSession session =
          WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
        Workspace ws = session.workspace();
        // Verified before anything is written: an unlock entry appended first would move the
        // anchor over a truncated trail and hide it (issue 12, finding 2).
        Protection p = session.unlockWithoutAudit(workspace.passphraseFile);
        AuditLog.Verification v = p.audit().verify();
        if (!v.ok()) {
          err.printf(
              "tumen: audit trail broken at entry %d: %s%n",
              v.firstBroken(), printable(v.problem()));
          err.flush();
          return Main.FAILURE;
        }
        p.recordUnlock();
        IdentityCheck.Result ids = new IdentityCheck(p).run();
        if (ids.firstBroken().isPresent()) {
          err.printf(
              "tumen: identity value altered, moved or inserted: %s%n", ids.firstBroken().get());
          err.flush();
          return Main.FAILURE;
        }
        if (ids.missing() > 0) {
          err.printf(
              "tumen: %,d identity values are missing: the audit trail accounts for %,d, the"
                  + " workspace holds %,d (deleted outside Tumen?)%n",
              ids.missing(), ids.accountedFor(), ids.opened());
          err.flush();
          return Main.FAILURE;
        }
        IntegrityCheck.Result integrity = new IntegrityCheck(p).run();
        if (!integrity.ok()) {
          err.printf("tumen: %s%n", printable(integrity.problem()));
          err.flush();
          return Main.FAILURE;
        }
        out.printf(
            "audit trail whole: %,d entries, chain and anchor verified; %,d identity values open"
                + " where they are; %,d import batches, %,d records and %,d persons match their"
                + " MACs%n",
            v.entries(),
            ids.opened(),
            integrity.batches(),
            integrity.records(),
            integrity.persons());
        if (ids.missing() < 0) {
          out.printf(
              "note: %,d identity values have no import entry in the audit trail (an import"
                  + " interrupted before its entry was written, or not audited)%n",
              -ids.missing());
        }
        out.flush();
        return 0;
      }
    }
  }

  /**
   * The text with control characters (a terminal's escape sequences, tabs and line breaks that
   * would forge columns or lines) written as {@code \\uXXXX}, and backslashes doubled.
   */
  static String printable(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\\') {
                b.append("\\\\");
              } else if (Character.isISOControl(cp)
                  || Character.getType(cp) == Character.FORMAT
                  || cp == 0x2028
                  || cp == 0x2029) {
                b.append(String.format("\\u%04x", cp));
              } else {
                b.appendCodePoint(cp);
              }
            });
    return b.toString();
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "List the entries, then those waiting for the next unlock of a server that was locked",
        "(sign-ins, password changes), with 'pending' for their number."
      })
  static final class Show implements Callable<Integer> {
    @Mixin WorkspaceOptions workspace;
    @Spec CommandSpec spec;

    @Option(
        names = "--from",
        paramLabel = "N",
        description = "First entry to show (default: ${DEFAULT-VALUE}).",
        defaultValue = "1")
    long from;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (WorkspaceSession session =
          WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
        Workspace ws = session.workspace();
        // Shown as it is, broken or not, without appending to it first.
        Protection p = session.unlockWithoutAudit(workspace.passphraseFile);
        AuditLog.Verification v = p.audit().verifyHead();
        if (!v.ok()) {
          PrintWriter err = spec.commandLine().getErr();
          err.printf(
              "tumen: warning: audit trail broken at entry %d: %s%n",
              v.firstBroken(), printable(v.problem()));
          err.flush();
        } else {
          p.recordUnlock();
        }
        out.println("seq\ttime\tactor\taction\tsubject\tdetails");
        p.audit()
            .entries(
                from,
                e ->
                    out.printf(
                        "%d\t%s\t%s\t%s\t%s\t%s%n",
                        e.seq(),
                        printable(e.at()),
                        printable(e.actor()),
                        printable(e.action()),
                        printable(e.subject()),
                        printable(e.details())));
        // Events of a server while locked (sign-ins, password changes) wait, MAC-chained under
        // the server's memory, for its next unlock: listed as pending, not moved (this process
        // could not vouch for them; the server's unlock does).
        for (PendingAudit.Waiting w : session.auditQueue()) {
          out.printf(
              "pending\t%s\t%s\t%s\t%s\t%s%n",
              printable(w.at()),
              printable(w.actor()),
              printable(w.action()),
              printable(w.subject()),
              printable(w.details()));
        }
        out.flush();
      }
      return 0;
    }
  }
}
