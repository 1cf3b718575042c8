package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.tumen.store.access.CaseKind;
import org.tumen.store.access.Role;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;

/**
 * Lists and linkage in a real browser (Debian's Chromium, headless) against the real server, whose
 * upload limit is set to 64 KiB here: an interviewer's wrong-type, oversized and malformed uploads
 * are refused beside the field with nothing stored and nothing written to disk outside the
 * workspace; two synthetic CSV lists are imported and their results shown; a reviewer runs the
 * linkage of both as a background job and sees it finish. axe-core on each page; no page breaks its
 * CSP.
 */
@SpringBootTest(
    classes = {TumenWeb.class, TestWorkspace.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tumen.upload.max-bytes=65536")
@Import(TestWorkspace.class)
class ListsLinkageJourneyTest {

  static final String PASSWORD = "a long synthetic password";

  @LocalServerPort int port;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;

  @Test
  void anInterviewerUploadsListsAndAReviewerLinksThem() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "no Chromium");
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
    byte[] interviewer =
        Journeys.secret(
            accounts.create("up-pw", Role.INTERVIEWER, PASSWORD.toCharArray(), null, "ko", null));
    byte[] reviewer =
        Journeys.secret(
            accounts.create("lk-pw", Role.REVIEWER, PASSWORD.toCharArray(), null, "ko", null));
    List<String> csv = LinkagePageTest.syntheticLists(2, 120, 7);
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> tmpBefore = listing(tmp, 1);
    String base = "http://127.0.0.1:" + port;
    try (Playwright pw = Journeys.playwright()) {
      Browser browser = Journeys.chromium(pw);
      Page page = browser.newContext(new Browser.NewContextOptions().setLocale("ko-KR")).newPage();
      List<String> policy = Journeys.policyComplaints(page);

      Journeys.signIn(page, base, "up-pw", PASSWORD, interviewer);
      page.navigate(base + "/uploads");
      Journeys.accessible(page);
      int lists = session.workspace().records().lists().size();

      // wrong type: an image's bytes under a .csv name
      byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H'};
      upload(page, "journey_bad", "photo.csv", png);
      assertThat(page.locator("#file-error").textContent()).contains("photo.csv", "csv 형식이 아닙니다");
      assertThat(page.locator("#list").inputValue()).isEqualTo("journey_bad");
      Journeys.accessible(page);
      // oversized: 70 KB of text past the 64 KiB limit
      upload(page, "journey_big", "big.csv", ("id,name\n" + "1,a\n".repeat(18_000)).getBytes());
      assertThat(page.locator("#file-error").textContent()).contains("MB보다 큽니다");
      // malformed: a quote never closed, at its line
      upload(
          page, "journey_q", "q.csv", "id,name\n1,\"Synthetic\n".getBytes(StandardCharsets.UTF_8));
      assertThat(page.locator("#file-error").textContent()).contains("q.csv:2", "따옴표");
      assertThat(session.workspace().records().lists()).hasSize(lists);

      upload(page, "journey_a", "journey_a.csv", csv.get(0).getBytes(StandardCharsets.UTF_8));
      assertThat(page.locator("main section[role=status]").textContent())
          .contains("가져왔습니다", "journey_a", "UTF-8");
      Journeys.accessible(page);
      upload(page, "journey_b", "journey_b.csv", csv.get(1).getBytes(StandardCharsets.UTF_8));
      assertThat(page.locator("main section[role=status]").textContent()).contains("journey_b");
      assertThat(session.workspace().records().lists()).hasSize(lists + 2);
      assertThat(listing(tmp, 1))
          .as("nothing written to the temporary folder")
          .isEqualTo(tmpBefore);
      assertThat(listing(session.directory(), 3)).as("no part written in the workspace").isEmpty();
      page.click("header form button");

      long reviewerId = session.accounts().byLogin("lk-pw").orElseThrow().id();
      session.access().grant(reviewerId, CaseKind.LIST, "journey_a", "test");
      session.access().grant(reviewerId, CaseKind.LIST, "journey_b", "test");
      Journeys.signIn(page, base, "lk-pw", PASSWORD, reviewer);
      page.navigate(base + "/linkage");
      assertThat(page.locator("main").textContent()).contains("journey_a", "journey_b");
      Journeys.accessible(page);
      page.click("main form[action='/linkage'] button");
      assertThat(page.url()).contains("/jobs/");
      String job = page.url();
      String text = "";
      for (int i = 0; i < 240 && !text.contains("완료"); i++) {
        page.navigate(job); // the page refreshes itself; navigating keeps the test simple
        text = page.locator("main").textContent();
        if (!text.contains("완료")) {
          Thread.sleep(500);
        }
      }
      assertThat(text).contains("완료", "명으로 연계했습니다", "journey_a, journey_b");
      assertThat(page.locator("meta[http-equiv=refresh]").count()).isZero();
      Journeys.accessible(page);
      assertThat(policy).as("no page breaks its own policy (CSP)").isEmpty();
      browser.close();
    }
  }

  private static void upload(Page page, String list, String name, byte[] bytes) {
    page.locator("#list").fill(list);
    page.locator("#file").setInputFiles(new FilePayload(name, "application/octet-stream", bytes));
    page.click("main form button[type=submit]");
    page.waitForLoadState();
  }

  /** Files a servlet container names for parts it writes (Tomcat: upload_*.tmp). */
  private static List<Path> listing(Path dir, int depth) throws Exception {
    try (Stream<Path> s = Files.walk(dir, depth)) {
      return s.filter(p -> p.getFileName().toString().startsWith("upload_")).sorted().toList();
    }
  }
}
