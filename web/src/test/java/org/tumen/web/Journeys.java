package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.binary.Base32;
import org.tumen.web.account.AccountService;
import org.tumen.web.account.Totp;

/** What every browser journey does the same way: Debian's Chromium, TOTP sign-in, axe, CSP. */
final class Journeys {
  private Journeys() {}

  /** Playwright that never downloads a browser (none can be fetched here). */
  static Playwright playwright() {
    return Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  /** Debian's Chromium, headless, making no request of its own. */
  static Browser chromium(Playwright pw) {
    return pw.chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(
                    List.of(
                        "--no-sandbox",
                        "--disable-background-networking",
                        "--disable-component-update")));
  }

  /** The console's complaints of the Content-Security-Policy, collected as the page goes. */
  static List<String> policyComplaints(Page page) {
    List<String> policy = new ArrayList<>();
    page.onConsoleMessage(
        m -> {
          if (m.text().contains("Content Security Policy") || m.text().contains("Refused to")) {
            policy.add(m.text());
          }
        });
    return policy;
  }

  static byte[] secret(AccountService.Created c) {
    return new Base32().decode(c.secretBase32());
  }

  /** Enrols and signs in; returns the time step whose code was used. */
  static long signIn(Page page, String base, String login, String password, byte[] secret) {
    page.navigate(base + "/login");
    page.fill("#login", login);
    page.fill("#password", password);
    page.click("main button[type=submit]");
    assertThat(page.url()).endsWith("/login/enrol");
    Totp totp = new Totp(Clock.systemUTC());
    long step = totp.currentStep();
    page.fill("#code", totp.code(secret, step));
    page.click("main button[type=submit]");
    return step;
  }

  /** No serious or critical axe-core violation on the page as it stands. */
  static void accessible(Page page) {
    AxeResults r = new AxeBuilder(page).analyze();
    List<String> bad = new ArrayList<>();
    for (Rule v : r.getViolations()) {
      if ("serious".equals(v.getImpact()) || "critical".equals(v.getImpact())) {
        bad.add(v.getId() + " (" + v.getImpact() + "): " + v.getHelp());
      }
    }
    assertThat(bad).as("axe on " + page.url()).isEmpty();
  }
}
