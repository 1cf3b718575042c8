package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.tumen.store.access.Role;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;
import org.tumen.web.account.Totp;

/**
 * The interviewer's journey in a real browser (Debian's Chromium, headless, no download): sign in
 * with TOTP, record an interview with two people and three acts in Korean through the intake pages,
 * search in Korean and find it, open its testimony, find it by the name in Hangul though the
 * testimony romanises it, change the password; then an analyst's counts and estimate pages.
 * axe-core finds no serious or critical violation on any of these pages, and no page breaks its own
 * Content-Security-Policy.
 */
@SpringBootTest(
    classes = {TumenWeb.class, TestWorkspace.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class IntakeSearchJourneyTest {

  static final String PASSWORD = "a long synthetic password";

  @LocalServerPort int port;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;

  @Test
  void anInterviewerRecordsAnInterviewInKoreanAndFindsItBySearch() {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "no Chromium");
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
    byte[] interviewer =
        Journeys.secret(
            accounts.create(
                "kim-pw", Role.INTERVIEWER, PASSWORD.toCharArray(), null, "ko", "staff-pw"));
    byte[] analyst =
        Journeys.secret(
            accounts.create("lee-pw", Role.ANALYST, PASSWORD.toCharArray(), null, "ko", null));
    String base = "http://127.0.0.1:" + port;
    try (Playwright pw = Journeys.playwright()) {
      Browser browser = Journeys.chromium(pw);
      BrowserContext context =
          browser.newContext(new Browser.NewContextOptions().setLocale("ko-KR"));
      Page page = context.newPage();
      List<String> policy = Journeys.policyComplaints(page);

      long used = Journeys.signIn(page, base, "kim-pw", PASSWORD, interviewer);
      page.navigate(base + "/intake");
      Journeys.accessible(page);
      page.click("main form button[type=submit]");
      assertThat(page.url()).contains("step=source");
      Journeys.accessible(page);
      fill(page, "source.id", "pw.s1");
      fill(page, "source.holder", "NGO A (synthetic)");
      fill(page, "source.date", "2026-11-30");
      fill(page, "source.language", "ko");
      page.locator("[id='source.place']").selectOption("kr.seoul");
      page.locator("[id='source.reliability']").selectOption("high");
      fill(page, "source.consentStore", "2026-11-30");
      // the name romanised in the testimony (synthetic): a search in Hangul must find it
      fill(page, "source.text", "Ri Sun Hui: " + Interviews.TESTIMONY);
      next(page);

      assertThat(page.url()).contains("step=people");
      Journeys.accessible(page);
      fill(page, "people[0].ref", "pw.p1");
      page.click("button[value=stay]");
      fill(page, "people[1].ref", "pw.p2");
      next(page);

      assertThat(page.url()).contains("step=events");
      Journeys.accessible(page);
      event(page, 0, "pw.e1", "arrest", "2004-02", "cn.jilin.yanbian.yanji");
      fill(page, "events[0].nextEvent", "pw.e2");
      fill(page, "events[0].nextPerson", "pw.p1");
      page.click("button[value=stay]");
      event(page, 1, "pw.e2", "forced-return", "2004-03/2004-04", "kp");
      next(page);

      assertThat(page.url()).contains("step=acts");
      Journeys.accessible(page);
      act(page, 0, "pw.a1", "pw.e1", "pw.p1", "arbitrary-arrest", "cn.jilin.yanbian.yanji", "체포");
      page.click("button[value=stay]");
      act(page, 1, "pw.a2", "pw.e1", "pw.p2", "arbitrary-arrest", "cn.jilin.yanbian.yanji", "체포");
      page.click("button[value=stay]");
      act(page, 2, "pw.a3", "pw.e2", "pw.p1", "forced-return", "kp", "송환");
      next(page);

      assertThat(page.url()).contains("step=review");
      assertThat(page.locator("main").textContent()).contains("사람 2명, 사건 2건, 행위 3건");
      Journeys.accessible(page);
      page.click("main section form button[type=submit]");
      assertThat(page.url()).endsWith("/intake");
      assertThat(page.locator("main p[role=status]").textContent()).contains("pw.s1");

      page.navigate(base + "/search");
      Journeys.accessible(page);
      fill(page, "q", "체포");
      page.click("main form button[type=submit]");
      assertThat(page.locator("main table").textContent()).contains("pw.s1");
      Journeys.accessible(page);
      page.click("main table a");
      assertThat(page.locator("main mark").first().textContent()).isEqualTo("체포");
      Journeys.accessible(page);
      // the name in Hangul finds the romanised "Ri Sun Hui"
      page.navigate(base + "/search");
      fill(page, "q", "리순희");
      page.click("main form button[type=submit]");
      assertThat(page.locator("main table").textContent()).contains("pw.s1");

      // a new password: current password, a code from the app, the new one twice
      page.navigate(base + "/account");
      Journeys.accessible(page);
      page.fill("#current", PASSWORD);
      page.fill("#password-code", unusedCode(interviewer, used));
      page.fill("#new-password", "a new synthetic passphrase 9");
      page.fill("#repeat-password", "a new synthetic passphrase 9");
      page.click("main form[action='/account/password'] button");
      assertThat(page.url()).endsWith("/account?passwordChanged");
      assertThat(page.locator("main p[role=status]").textContent()).contains("비밀번호를 바꾸었습니다");
      Journeys.accessible(page);
      page.click("header form button");

      // the analyst counts what their cases tell: the interview is granted to them
      session
          .access()
          .grant(
              session.accounts().byLogin("lee-pw").orElseThrow().id(),
              org.tumen.store.access.CaseKind.SOURCE,
              "pw.s1",
              "test");
      Journeys.signIn(page, base, "lee-pw", PASSWORD, analyst);
      page.navigate(base + "/counts");
      assertThat(page.locator("main").textContent()).contains("자의적 체포", "강제송환");
      Journeys.accessible(page);
      // no linkage run of the analyst's lists: the estimate says so instead of starting a job
      page.click("main form[action='/estimates'] button");
      assertThat(page.url()).endsWith("/counts?noRun");
      assertThat(page.locator("main p[role=alert]").textContent()).contains("연계 실행이 없습니다");
      Journeys.accessible(page);
      assertThat(policy).as("no page breaks its own policy (CSP)").isEmpty();
      browser.close();
    }
  }

  /** A code of a step not yet used (the next one when the current one was). */
  private static String unusedCode(byte[] secret, long used) {
    Totp totp = new Totp(Clock.systemUTC());
    return totp.code(secret, Math.max(totp.currentStep(), used + 1));
  }

  private static void fill(Page page, String id, String value) {
    page.locator("[id='" + id + "']").fill(value);
  }

  private static void next(Page page) {
    page.click("button[value=next]");
  }

  private static void event(Page page, int i, String id, String type, String date, String place) {
    String at = "events[" + i + "].";
    fill(page, at + "id", id);
    page.locator("[id='" + at + "type']").selectOption(type);
    fill(page, at + "date", date);
    page.locator("[id='" + at + "place']").selectOption(place);
  }

  private static void act(
      Page page,
      int i,
      String id,
      String event,
      String victim,
      String type,
      String place,
      String quote) {
    String at = "acts[" + i + "].";
    fill(page, at + "id", id);
    fill(page, at + "event", event);
    fill(page, at + "victim", victim);
    page.locator("[id='" + at + "type']").selectOption(type);
    fill(page, at + "date", type.equals("forced-return") ? "2004-03" : "2004-02");
    page.locator("[id='" + at + "place']").selectOption(place);
    page.locator("[id='" + at + "perpetratorType']").selectOption("public-security");
    fill(page, at + "perpetratorState", "CHN");
    page.locator("[id='" + at + "degree']").selectOption("direct");
    fill(page, at + "quote", quote);
    page.locator("[id='" + at + "reliability']").selectOption("high");
    page.locator("[id='" + at + "observation']").selectOption("experienced");
  }
}
