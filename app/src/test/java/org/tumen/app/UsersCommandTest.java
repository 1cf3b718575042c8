package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tumen users add | list} through the real command line. */
class UsersCommandTest {

  @TempDir Path tmp;

  @Test
  void addsAnAccountPrintsItsSecondFactorAndRefusesBadInputInOneLine() throws Exception {
    Path ws = tmp.resolve("ws");
    Path pass = Files.writeString(tmp.resolve("pass"), "synthetic passphrase for users\n");
    Path pw = Files.writeString(tmp.resolve("pw"), "synthetic long password\n");

    CliRun.Run noKeys =
        CliRun.inWorkspace(
            ws, pass, "users", "add", "--role", "viewer", "--password-file", pw.toString(), "v1");
    assertThat(noKeys.status()).isEqualTo(2);
    assertThat(noKeys.err()).contains("has no keys").hasLineCount(1);

    assertThat(CliRun.inWorkspace(ws, pass, "keys", "init").status()).isZero();
    CliRun.Run added =
        CliRun.inWorkspace(
            ws,
            pass,
            "users",
            "add",
            "--role",
            "administrator",
            "--display-name",
            "Synthetic Admin",
            "--password-file",
            pw.toString(),
            "admin");
    assertThat(added.status()).as(added.err()).isZero();
    assertThat(added.out())
        .contains("account 'admin' created (administrator)")
        .containsPattern("key: [A-Z2-7]{32}")
        .contains("otpauth://totp/Tumen:admin?secret=");

    CliRun.Run badRole =
        CliRun.inWorkspace(
            ws, pass, "users", "add", "--role", "boss", "--password-file", pw.toString(), "b");
    assertThat(badRole.status()).isEqualTo(2);
    assertThat(badRole.err()).startsWith("tumen: --role: ").hasLineCount(1);

    CliRun.Run badLogin =
        CliRun.inWorkspace(
            ws,
            pass,
            "users",
            "add",
            "--role",
            "viewer",
            "--password-file",
            pw.toString(),
            "Kim Chol");
    assertThat(badLogin.status()).isEqualTo(2);
    assertThat(badLogin.err()).startsWith("tumen: login: ").hasLineCount(1);

    Path shortPw = Files.writeString(tmp.resolve("short"), "short\n");
    CliRun.Run weak =
        CliRun.inWorkspace(
            ws,
            pass,
            "users",
            "add",
            "--role",
            "viewer",
            "--password-file",
            shortPw.toString(),
            "v2");
    assertThat(weak.status()).isEqualTo(2);
    assertThat(weak.err()).startsWith("tumen: password: ");

    CliRun.Run list = CliRun.inWorkspace(ws, pass, "users", "list");
    assertThat(list.out()).isEqualTo("admin\tadministrator\tnot enrolled\n");
    assertThat(CliRun.inWorkspace(ws, pass, "audit", "show").out())
        .contains("account-add")
        .doesNotContain("Synthetic Admin");

    // the one administrator's own second factor: reset with the workspace passphrase
    CliRun.Run reset = CliRun.inWorkspace(ws, pass, "users", "reset-second-factor", "admin");
    assertThat(reset.status()).as(reset.err()).isZero();
    assertThat(reset.out()).contains("second factor of 'admin' reset");
    assertThat(CliRun.inWorkspace(ws, pass, "audit", "show").out())
        .contains("account-second-factor-reset");
    CliRun.Run nobody = CliRun.inWorkspace(ws, pass, "users", "reset-second-factor", "nobody");
    assertThat(nobody.status()).isEqualTo(2);
    assertThat(nobody.err()).contains("no such account").hasLineCount(1);

    // a forgotten password: a one-time password, printed once, never in the trail; the factor
    // was just reset (its escrowed copy with it), so it is set up again too
    CliRun.Run resetPw = CliRun.inWorkspace(ws, pass, "users", "reset-password", "admin");
    assertThat(resetPw.status()).as(resetPw.err()).isZero();
    java.util.regex.Matcher oneTime =
        java.util.regex.Pattern.compile(
                "one-time password of 'admin' \\(shown once\\): ([A-Z2-7]{5}(-[A-Z2-7]{5}){3})\n")
            .matcher(resetPw.out());
    assertThat(oneTime.find()).as(resetPw.out()).isTrue();
    assertThat(resetPw.out()).contains("second factor was reset too");
    String trail = CliRun.inWorkspace(ws, pass, "audit", "show").out();
    assertThat(trail).contains("account-password-reset").doesNotContain(oneTime.group(1));
    assertThat(CliRun.inWorkspace(ws, pass, "users", "list").out())
        .as("a reset account shows that its one-time password must be changed")
        .isEqualTo("admin\tadministrator\tmust change password\n");
    assertThat(CliRun.inWorkspace(ws, pass, "users", "reset-password", "nobody").status())
        .isEqualTo(2);
  }

  @Test
  void serveRefusesAWorkspaceWithoutKeysAndABadPort() throws Exception {
    Path ws = tmp.resolve("ws2");
    Path pass = Files.writeString(tmp.resolve("pass2"), "synthetic passphrase for serve\n");
    CliRun.Run bad = CliRun.inWorkspace(ws, pass, "serve", "--port", "70000");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).startsWith("tumen: --port: ");
    CliRun.Run noKeys = CliRun.inWorkspace(ws, pass, "serve", "--port", "0");
    assertThat(noKeys.status()).isEqualTo(2);
    assertThat(noKeys.err()).contains("has no keys").hasLineCount(1);
  }
}
