package org.tumen.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.KeyRotation;
import org.tumen.store.protect.Passphrase;
import org.tumen.store.protect.Protection;
import org.tumen.store.protect.WorkspaceKeys;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tumen keys init | rotate | change-passphrase}: the workspace's keys (threat model). */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = {
      "Manage the workspace keys: the keyset that seals every identity, kept in keys.tumen in",
      "the workspace folder, encrypted under your passphrase (Argon2id, 64 MiB). Keep one offline",
      "copy of keys.tumen and the passphrase: without both nothing can be read, and backups do",
      "not contain the keys."
    },
    subcommands = {
      KeysCommand.Init.class,
      KeysCommand.Rotate.class,
      KeysCommand.ChangePassphrase.class
    })
final class KeysCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = {
        "Create the keys of a new workspace. The passphrase comes from --passphrase-file,",
        "TUMEN_PASSPHRASE or a prompt (asked twice). At least 8 characters; prefer several words."
      })
  static final class Init implements Callable<Integer> {
    @Mixin WorkspaceOptions workspace;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (WorkspaceSession session =
          WorkspaceSession.open(workspace.workspace(), workspace.jdbcUrl())) {
        create(session, workspace.passphraseFile, spec.commandLine().getOut());
      }
      return 0;
    }

    /**
     * Creates the keys of the session's workspace under a new passphrase and says so: {@code tumen
     * keys init}.
     */
    static Protection create(WorkspaceSession session, Path passphraseFile, PrintWriter out) {
      Protection p = session.createKeys(passphraseFile, Argon2Cost.RFC9106_SECOND);
      created(session, out);
      return p;
    }

    /** Says that keys were made: {@code keys init}, and the first {@code tumen import}. */
    static void created(WorkspaceSession session, PrintWriter out) {
      out.printf(
          "keys created in %s (Argon2id: 64 MiB, 3 passes, 4 lanes); identities in this"
              + " workspace are now sealed%n",
          WorkspaceKeys.file(session.directory()));
      out.println("keep one offline copy of that file and the passphrase: backups hold no keys");
      out.flush();
    }
  }

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = {
        "Add a new wrapping key and re-wrap every person's data key under it (no data key is",
        "ever decrypted). Safe to interrupt: run it again to finish."
      })
  static final class Rotate implements Callable<Integer> {
    @Mixin WorkspaceOptions workspace;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (WorkspaceSession session =
          WorkspaceSession.open(workspace.workspace(), workspace.jdbcUrl())) {
        Workspace ws = session.workspace();
        Protection p = session.unlock(workspace.passphraseFile);
        KeyRotation.Result r = new KeyRotation(p).rotate(TerminalProgress.forConsole());
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "%s: %,d of %,d data keys re-wrapped under wrapping key %s%n",
            r.resumed() ? "finished an interrupted rotation" : "rotated",
            r.rewrapped(),
            r.persons(),
            Integer.toUnsignedString(r.primaryKeyId()));
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "change-passphrase",
      mixinStandardHelpOptions = true,
      description = {
        "Re-encrypt the key file under a new passphrase (and a new salt). The new passphrase comes",
        "from --new-passphrase-file, TUMEN_NEW_PASSPHRASE or a prompt (asked twice)."
      })
  static final class ChangePassphrase implements Callable<Integer> {
    @Mixin WorkspaceOptions workspace;
    @Spec CommandSpec spec;

    @Option(
        names = "--new-passphrase-file",
        paramLabel = "FILE",
        description = "File whose first line is the new passphrase.")
    Path newPassphraseFile;

    @Override
    public Integer call() {
      try (WorkspaceSession session =
          WorkspaceSession.open(workspace.workspace(), workspace.jdbcUrl())) {
        Workspace ws = session.workspace();
        Protection p = session.unlock(workspace.passphraseFile);
        char[] next =
            Passphrase.read(newPassphraseFile, Passphrase.NEW_ENV, "New passphrase", true);
        p.keys().changePassphrase(next);
        java.util.Arrays.fill(next, ' ');
        p.audit()
            .append(
                Protection.actor(),
                "keys-change-passphrase",
                ws.directory().getFileName().toString(),
                "");
        spec.commandLine().getOut().println("passphrase changed; the old one no longer opens");
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }
}
