package org.tumen.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.tumen.model.BadInputException;
import org.tumen.store.access.Account;
import org.tumen.store.access.Role;
import org.tumen.store.protect.Passphrase;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tumen users add | list | reset-second-factor | reset-password}: accounts of the web
 * application.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Accounts of the web application (tumen serve).",
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.ResetSecondFactor.class,
      UsersCommand.ResetPassword.class
    })
final class UsersCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Create an account (the first administrator, typically). Unlocks the workspace: the",
        "display name is sealed and the creation audited. The password comes from",
        "--password-file, TUMEN_USER_PASSWORD or a prompt (asked twice). Prints the key of the",
        "second factor (TOTP) to add to an authenticator app; the first sign-in asks for a code."
      })
  static final class Add implements Callable<Integer> {
    @Mixin WorkspaceOptions workspace;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOGIN", description = "A handle, not a name.")
    String login;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "administrator, interviewer, reviewer, analyst, editor or viewer.")
    String role;

    @Option(
        names = "--display-name",
        paramLabel = "NAME",
        description = "Shown to administrators; sealed.")
    String displayName;

    @Option(names = "--language", paramLabel = "LANG", description = "en, ko or zh (default en).")
    String language = "en";

    @Option(
        names = "--interviewer-code",
        paramLabel = "CODE",
        description = "An interviewer sees the sources recorded under this code.")
    String interviewerCode;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description = "First line: the password.")
    Path passwordFile;

    @Override
    public Integer call() {
      Role r =
          Role.parse(role)
              .orElseThrow(
                  () ->
                      new BadInputException(
                          "--role",
                          "use administrator, interviewer, reviewer, analyst, editor or viewer"));
      try (WorkspaceSession session =
          WorkspaceSession.open(workspace.workspace(), workspace.jdbcUrl())) {
        if (!session.hasKeys()) {
          throw new BadInputException(
              session.directory().toString(),
              "this workspace has no keys: create them first (tumen keys init)");
        }
        session.unlock(workspace.passphraseFile);
        char[] password =
            Passphrase.read(passwordFile, "TUMEN_USER_PASSWORD", "Password for " + login, true);
        AccountService.Created c;
        try {
          c =
              new AccountService(session, Clock.systemUTC())
                  .create(login, r, password, displayName, language, interviewerCode);
        } finally {
          WorkspaceSession.wipe(password);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("account '%s' created (%s)%n", c.login(), r.code());
        out.println(
            "second factor: add this key to an authenticator app (or open the URI), then sign in"
                + " and type the code it shows:");
        out.println("  key: " + c.secretBase32());
        out.println("  uri: " + c.uri());
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List the accounts: login, role, state (active, not enrolled, disabled, or must change",
        "password: an administrator's reset; its one-time password expires 72 hours after).",
        "No display names: they are sealed."
      })
  static final class ListUsers implements Callable<Integer> {
    @Mixin WorkspaceOptions workspace;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (WorkspaceSession session =
          WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
        PrintWriter out = spec.commandLine().getOut();
        for (Account a : session.accounts().all()) {
          out.printf(
              "%s\t%s\t%s%n",
              a.login(),
              a.role().code(),
              a.disabled()
                  ? "disabled"
                  : a.mustChangePassword()
                      ? "must change password"
                      : a.enrolled() ? "active" : "not enrolled");
        }
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "reset-second-factor",
      mixinStandardHelpOptions = true,
      description = {
        "Reset an account's second factor (a lost phone): it sets up a new one (QR code,",
        "recovery codes) at its next sign-in. Unlocks the workspace (audited). For an",
        "administrator's own on a server with one administrator: in the web application an",
        "administrator may reset only another account's."
      })
  static final class ResetSecondFactor implements Callable<Integer> {
    @Mixin WorkspaceOptions workspace;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOGIN", description = "The account.")
    String login;

    @Override
    public Integer call() {
      try (WorkspaceSession session =
          WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
        Account a =
            session
                .accounts()
                .byLogin(login)
                .orElseThrow(() -> new BadInputException(login, "no such account"));
        session.unlock(workspace.passphraseFile);
        new AccountService(session, Clock.systemUTC())
            .resetSecondFactor(a, "cli:" + System.getProperty("user.name", "?"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "second factor of '%s' reset: it sets up a new one at its next sign-in%n", login);
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "reset-password",
      mixinStandardHelpOptions = true,
      description = {
        "Reset a forgotten password: prints a one-time password (once) that the account must",
        "change at its next sign-in, after its second factor, which stays when the account has",
        "signed in while the workspace was unlocked since this version (else it sets up a new",
        "one). Every session of the account ends. Unlocks the workspace (audited). For an",
        "administrator's own: in the web application an administrator may reset only another",
        "account's."
      })
  static final class ResetPassword implements Callable<Integer> {
    @Mixin WorkspaceOptions workspace;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LOGIN", description = "The account.")
    String login;

    @Override
    public Integer call() {
      try (WorkspaceSession session =
          WorkspaceSession.openExisting(workspace.workspace(), workspace.jdbcUrl())) {
        if (session.accounts().byLogin(login).isEmpty()) {
          throw new BadInputException(login, "no such account");
        }
        session.unlock(workspace.passphraseFile);
        Account a = session.accounts().byLogin(login).orElseThrow();
        AccountService.PasswordReset r =
            new AccountService(session, Clock.systemUTC())
                .resetPassword(a, "cli:" + System.getProperty("user.name", "?"), true);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("one-time password of '%s' (shown once): %s%n", login, r.oneTimePassword());
        out.printf(
            r.secondFactorKept()
                ? "its second factor stays; it chooses a new password at its next sign-in%n"
                : "its second factor was reset too: it sets up a new one and chooses a new password"
                    + " at its next sign-in%n");
        out.flush();
      }
      return 0;
    }
  }
}
