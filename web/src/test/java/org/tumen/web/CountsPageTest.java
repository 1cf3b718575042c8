package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.tumen.model.Progress;
import org.tumen.store.access.Account;
import org.tumen.store.access.CaseKind;
import org.tumen.store.access.Role;
import org.tumen.store.clusters.ClusterAssignment;
import org.tumen.store.jobs.Jobs;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;
import org.tumen.web.pages.CountsController;

/**
 * Counts and estimates through the real pages: the counting tables of an interview recorded through
 * intake, in Korean, without its testimony; an estimate from a saved linkage of three synthetic
 * lists runs as a background job whose page shows a progress bar (refreshed without script) and
 * then the estimate, its interval and its chart.
 */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class})
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class CountsPageTest {

  @Autowired MockMvc mvc;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;
  @Autowired Jobs jobs;

  Account analyst;
  Account other;
  long n;

  @BeforeEach
  void accounts() {
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
    n = System.nanoTime();
    analyst = account("counts-" + n, Role.ANALYST);
    other = account("counts-other-" + n, Role.ANALYST);
  }

  private Account account(String login, Role role) {
    accounts.create(login, role, "a long synthetic password".toCharArray(), null, "ko", null);
    return session.accounts().byLogin(login).orElseThrow();
  }

  private MockHttpServletResponse page(Account a, String uri) throws Exception {
    return mvc.perform(
            get(uri)
                .header("Accept-Language", "ko")
                .with(authentication(TestWorkspace.signedIn(a))))
        .andReturn()
        .getResponse();
  }

  @Test
  void theCountingTablesShowTheActsInKoreanWithoutTestimony() throws Exception {
    Account interviewer = account("counts-int-" + n, Role.INTERVIEWER);
    String source = Interviews.record(mvc, interviewer, "co" + n + ".");
    session.access().grant(analyst.id(), CaseKind.SOURCE, source, "test");
    MockHttpServletResponse r = page(analyst, "/counts?unit=acts");
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString())
        .contains("행위 종류별", "자의적 체포", "강제송환", "연도별", "2004", "지역별")
        .doesNotContain("우리 두 사람은", "co" + n);
  }

  @Test
  void countsAreOfTheAnalystsCasesOnly() throws Exception {
    Account interviewer = account("counts-int2-" + n, Role.INTERVIEWER);
    String mine = Interviews.record(mvc, interviewer, "cm" + n + ".");
    Interviews.record(mvc, interviewer, "cx" + n + ".");
    session.access().grant(analyst.id(), CaseKind.SOURCE, mine, "test");
    // one interview granted of the two: its three acts, two victims, two events, one source
    assertThat(total(page(analyst, "/counts?unit=acts").getContentAsString())).isEqualTo("3");
    assertThat(total(page(analyst, "/counts?unit=victims").getContentAsString())).isEqualTo("2");
    assertThat(total(page(analyst, "/counts?unit=sources").getContentAsString())).isEqualTo("1");
    // an analyst granted nothing counts nothing, not even a row of an act type
    String none = page(other, "/counts?unit=acts").getContentAsString();
    assertThat(total(none)).isEqualTo("0");
    assertThat(none).doesNotContain("자의적 체포");
  }

  /** The total of the first table (act types). */
  private static String total(String html) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<th scope=\"row\">합계</th><td>(\\d+)</td>").matcher(html);
    assertThat(m.find()).as("a total row").isTrue();
    return m.group(1);
  }

  private String estimate(Account a) throws Exception {
    return mvc.perform(
            post("/estimates")
                .header("Accept-Language", "ko")
                .with(csrf())
                .with(authentication(TestWorkspace.signedIn(a))))
        .andReturn()
        .getResponse()
        .getRedirectedUrl();
  }

  private void grant(Account a, List<String> lists) {
    lists.forEach(l -> session.access().grant(a.id(), CaseKind.LIST, l, "test"));
  }

  @Test
  void anEstimateRunsAsAJobAndShowsItsIntervalAndChart() throws Exception {
    grant(analyst, linkage("est", 3));
    String uri = estimate(analyst);
    assertThat(uri).matches("/jobs/[0-9a-f]{32}");
    assertThat(jobs.await(uri.substring(6), 2, TimeUnit.MINUTES)).isTrue();
    String html = page(analyst, uri).getContentAsString();
    assertThat(html)
        .contains("완료", "구간", "data:image/svg+xml;base64,")
        .doesNotContain("http-equiv=\"refresh\"");
    // another analyst's job is not theirs to see
    assertThat(page(other, uri).getStatus()).isEqualTo(404);
  }

  @Test
  void aRunningJobShowsItsProgressAndRefreshesItself() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    String id =
        jobs.submit(
            "web:" + analyst.login(),
            "test",
            ctx -> {
              ctx.start("synthetic task", 10);
              ctx.step(4);
              started.countDown();
              release.await();
              return null;
            });
    try {
      assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();
      String html = page(analyst, "/jobs/" + id).getContentAsString();
      assertThat(html)
          .contains("<progress", "value=\"40\"", "synthetic task", "실행 중")
          .contains("http-equiv=\"refresh\"");
    } finally {
      release.countDown();
    }
  }

  @Test
  void anEstimateUsesTheLatestRunOfTheAnalystsOwnListsOnly() throws Exception {
    List<String> mine = linkage("mine", 3);
    List<String> theirs = linkage("theirs", 3); // the workspace's latest run: not the analyst's
    grant(analyst, mine);
    grant(other, theirs);
    assertThat(lists(estimate(analyst))).isEqualTo(mine);
    assertThat(lists(estimate(other))).isEqualTo(theirs);

    // two of the three lists of a run: the run is not theirs, even in part
    Account third = account("counts-third-" + n, Role.ANALYST);
    grant(third, mine.subList(0, 2));
    assertThat(estimate(third)).isEqualTo("/counts?noRun");
    assertThat(page(third, "/counts?noRun").getContentAsString())
        .contains("내 명단만으로 이루어진 연계 실행이 없습니다");
  }

  /** The lists of the estimate a job made, once it is done. */
  private List<String> lists(String jobUri) throws Exception {
    assertThat(jobUri).matches("/jobs/[0-9a-f]{32}");
    String id = jobUri.substring(6);
    assertThat(jobs.await(id, 2, TimeUnit.MINUTES)).isTrue();
    return jobs.result(id, CountsController.EstimateResult.class).orElseThrow().estimate().lists();
  }

  /** Synthetic lists of the same 300 people, each seeing about half; linked exactly; saved. */
  private List<String> linkage(String prefix, int count) throws Exception {
    Random random = new Random(14);
    List<String> names = new ArrayList<>();
    for (int l = 0; l < count; l++) {
      names.add(prefix + "_" + (char) ('a' + l) + "_" + n);
    }
    List<ClusterAssignment> members = new ArrayList<>();
    Path dir = Files.createTempDirectory("tumen-est");
    List<StringBuilder> csv = new ArrayList<>();
    names.forEach(x -> csv.add(new StringBuilder("rec_id,full_name\n")));
    for (int person = 0; person < 300; person++) {
      for (int l = 0; l < count; l++) {
        if (random.nextDouble() < 0.5) {
          String rec = "r" + person;
          csv.get(l).append(rec).append(",Synthetic Person ").append(person).append('\n');
          members.add(new ClusterAssignment(names.get(l), rec, "c" + person));
        }
      }
    }
    for (int l = 0; l < count; l++) {
      Path f = dir.resolve(names.get(l) + ".csv");
      Files.writeString(f, csv.get(l), StandardCharsets.UTF_8);
      session.workspace().importer().importList(names.get(l), f, null, Map.of(), Progress.NONE);
    }
    session.workspace().clusters().saveRun("synthetic, for CountsPageTest", members);
    return names;
  }
}
