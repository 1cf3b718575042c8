package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.web.account.Totp;

/**
 * The administrator's first day, end to end through the shaded jar and Debian's Chromium: keys, the
 * first administrator from the command line, {@code tumen serve}, sign-in with TOTP (enrolment),
 * unlock, the administration pages, lock, sign out. axe-core checks every page on the way (no
 * serious or critical violation). Then the canary: the administrator's display name, which went
 * through the command line and was shown by the server, is in no byte of the workspace or of the
 * server's output.
 */
class WebJourneyIT {

  static final String PASSPHRASE = "synthetic journey passphrase";
  static final String PASSWORD = "synthetic journey password";

  /** A display name no file may hold: Hangul, Hanzi and Latin, unique to this test. */
  static final String CANARY = "카나리아 金丝雀 Canary-7f3a9";

  @TempDir Path tmp;

  private Process tumen(List<String> args, Path out, Path err) throws IOException {
    Path jar = Path.of(System.getProperty("tumen.jar")).toAbsolutePath();
    List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", jar.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("TUMEN_PASSPHRASE");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    return pb.start();
  }

  private String run(String... args) throws Exception {
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p = tumen(List.of(args), out, err);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void anAdministratorSignsInWithTotpUnlocksAndLocksAndNoPageHasASeriousViolation()
      throws Exception {
    Path ws = tmp.resolve("ws");
    Path pass = Files.writeString(tmp.resolve("pass"), PASSPHRASE + "\n");
    Path pw = Files.writeString(tmp.resolve("pw"), PASSWORD + "\n");
    String common = "--workspace=" + ws;
    run("keys", "init", common, "--passphrase-file", pass.toString());
    String added =
        run(
            "users",
            "add",
            "--role",
            "administrator",
            "--display-name",
            CANARY,
            "--password-file",
            pw.toString(),
            common,
            "--passphrase-file",
            pass.toString(),
            "admin");
    Matcher key = Pattern.compile("key: ([A-Z2-7]+)").matcher(added);
    assertThat(key.find()).as(added).isTrue();
    byte[] secret = new Base32().decode(key.group(1));

    Path serveOut = tmp.resolve("serve.out");
    Path serveErr = tmp.resolve("serve.err");
    Process server = tumen(List.of("serve", common, "--port", "0"), serveOut, serveErr);
    try {
      String base = awaitReady(server, serveOut, serveErr);
      journey(base, secret);
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
    assertNoCanary(ws, serveOut, serveErr);
  }

  private static String awaitReady(Process server, Path out, Path err) throws Exception {
    Pattern ready = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+)/ \\(locked\\); ready in");
    for (int i = 0; i < 1200; i++) {
      Matcher m = ready.matcher(Files.readString(out));
      if (m.find()) {
        return m.group(1);
      }
      assertThat(server.isAlive()).as(Files.readString(err)).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("the server did not say it was ready: " + Files.readString(err));
  }

  private void journey(String base, byte[] secret) {
    Totp totp = new Totp(Clock.systemUTC());
    try (Playwright pw =
        Playwright.create(
            new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Browser browser =
          pw.chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(Path.of("/usr/bin/chromium"))
                      .setHeadless(true)
                      .setArgs(
                          List.of(
                              "--no-sandbox",
                              "--disable-background-networking",
                              "--disable-component-update")));
      Page page = browser.newPage();
      List<String> consoleErrors = new ArrayList<>();
      page.onConsoleMessage(
          m -> {
            // A refused page (the "locked" page is a 503) is an error too; a policy breach is not.
            if (m.text().contains("Content Security Policy") || m.text().contains("Refused to")) {
              consoleErrors.add(m.text());
            }
          });

      page.navigate(base + "/");
      assertThat(page.url()).endsWith("/login");
      accessible(page);
      page.fill("#login", "admin");
      page.fill("#password", PASSWORD);
      page.click("button[type=submit] >> text=Next");
      assertThat(page.url()).endsWith("/login/enrol");
      assertThat(page.locator("figure.qr svg").count()).isEqualTo(1);
      accessible(page);
      long step = totp.currentStep();
      page.fill("#code", totp.code(secret, step));
      page.click("main button[type=submit]");
      assertThat(page.locator("ul.codes li").count()).isEqualTo(10);
      accessible(page);

      page.navigate(base + "/admin/users");
      assertThat(page.locator("main h1").textContent()).isEqualTo("Workspace locked");
      accessible(page);
      page.navigate(base + "/admin/workspace");
      assertThat(page.locator("#lock-state").textContent()).contains("locked");
      accessible(page);
      page.fill("#passphrase", PASSPHRASE);
      page.click("main button[type=submit]");
      assertThat(page.locator("#lock-state").textContent()).contains("unlocked");
      accessible(page);
      for (String p : List.of("/", "/account", "/admin/users", "/admin/access", "/admin/audit")) {
        page.navigate(base + p);
        accessible(page);
      }
      page.navigate(base + "/admin/users");
      assertThat(page.content()).contains(CANARY);
      page.navigate(base + "/admin/audit");
      assertThat(page.locator("#verify").getAttribute("class")).isEqualTo("ok");
      page.navigate(base + "/admin/workspace");
      page.click("main form[action='/admin/lock'] button");
      assertThat(page.locator("#lock-state").textContent()).contains("locked");
      page.navigate(base + "/admin/users");
      assertThat(page.content()).doesNotContain(CANARY);
      page.click("header form button");
      assertThat(page.url()).contains("/login");
      page.navigate(base + "/");
      assertThat(page.url()).endsWith("/login");
      assertThat(consoleErrors).as("no page breaks its own policy (CSP)").isEmpty();
      browser.close();
    }
  }

  private static void accessible(Page page) {
    AxeResults r = new AxeBuilder(page).analyze();
    List<String> bad = new ArrayList<>();
    for (Rule v : r.getViolations()) {
      if ("serious".equals(v.getImpact()) || "critical".equals(v.getImpact())) {
        bad.add(v.getId() + " (" + v.getImpact() + "): " + v.getHelp());
      }
    }
    assertThat(bad).as("axe on " + page.url()).isEmpty();
  }

  /** The canary's UTF-8 bytes, and their hex, in no file of the workspace nor in the logs. */
  private static void assertNoCanary(Path ws, Path... logs) throws IOException {
    byte[] utf8 = CANARY.getBytes(StandardCharsets.UTF_8);
    byte[] hex = HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII);
    List<Path> files;
    try (Stream<Path> s = Files.walk(ws)) {
      files = new ArrayList<>(s.filter(Files::isRegularFile).toList());
    }
    files.addAll(List.of(logs));
    assertThat(files.size()).isGreaterThan(3);
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      assertThat(indexOf(b, utf8)).as("canary in " + f).isNegative();
      assertThat(indexOf(b, hex)).as("canary (hex) in " + f).isNegative();
      String latin = new String(b, StandardCharsets.ISO_8859_1);
      assertThat(latin).as("canary's Latin part in " + f).doesNotContain("Canary-7f3a9");
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
