package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.tumen.store.access.Account;
import org.tumen.store.access.Role;
import org.tumen.store.jobs.JobState;
import org.tumen.store.jobs.Jobs;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;

/**
 * The cancel button of a background job: its owner cancels it from the job's page (a form with a
 * CSRF token, in Korean), another analyst cannot (404, the job goes on), an administrator cancels
 * anyone's from the Workspace page, and a cancel without a CSRF token is refused.
 */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class})
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class JobCancelTest {

  @Autowired MockMvc mvc;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;
  @Autowired Jobs jobs;

  Account owner;
  Account other;
  Account admin;
  final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void accounts() {
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
    long n = System.nanoTime();
    owner = account("cancel-" + n, Role.ANALYST);
    other = account("cancel-other-" + n, Role.ANALYST);
    admin = account("cancel-admin-" + n, Role.ADMINISTRATOR);
  }

  @AfterEach
  void releaseJobs() {
    release.countDown();
  }

  private Account account(String login, Role role) {
    accounts.create(login, role, "a long synthetic password".toCharArray(), null, "ko", null);
    return session.accounts().byLogin(login).orElseThrow();
  }

  /** A job that reports progress until it is cancelled (or the test ends). */
  private String runningJob(Account a) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    String id =
        jobs.submit(
            "web:" + a.login(),
            "estimate from the latest linkage",
            ctx -> {
              ctx.start("fitting models", 100);
              started.countDown();
              while (!release.await(5, TimeUnit.MILLISECONDS)) {
                ctx.step(0); // throws once cancelled
              }
              return null;
            });
    assertThat(started.await(60, TimeUnit.SECONDS)).as("the job started").isTrue();
    return id;
  }

  private MockHttpServletResponse page(Account a, String uri) throws Exception {
    return mvc.perform(
            get(uri)
                .header("Accept-Language", "ko")
                .with(authentication(TestWorkspace.signedIn(a))))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse cancel(Account a, String id) throws Exception {
    return mvc.perform(
            post("/jobs/" + id + "/cancel")
                .with(csrf())
                .with(authentication(TestWorkspace.signedIn(a))))
        .andReturn()
        .getResponse();
  }

  @Test
  void theOwnerCancelsFromTheJobsPageAndAnotherAnalystCannot() throws Exception {
    String id = runningJob(owner);
    String html = page(owner, "/jobs/" + id).getContentAsString();
    assertThat(html).contains("action=\"/jobs/" + id + "/cancel\"", "name=\"_csrf\"", "이 작업 취소");

    assertThat(cancel(other, id).getStatus()).isEqualTo(404);
    assertThat(jobs.status(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);

    MockHttpServletResponse r = cancel(owner, id);
    assertThat(r.getRedirectedUrl()).isEqualTo("/jobs/" + id);
    assertThat(jobs.await(id, 60, TimeUnit.SECONDS)).isTrue();
    assertThat(jobs.status(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    String after = page(owner, "/jobs/" + id).getContentAsString();
    assertThat(after).contains("취소됨").doesNotContain("이 작업 취소");
    assertThat(session.protection().audit().entries())
        .anyMatch(
            e ->
                e.action().equals("job-cancel")
                    && e.actor().equals("web:" + owner.login())
                    && e.details().contains("owner=web:" + owner.login()));
  }

  @Test
  void anAdministratorSeesAndCancelsAnyonesJobFromTheWorkspacePage() throws Exception {
    String id = runningJob(owner);
    String html = page(admin, "/admin/workspace").getContentAsString();
    assertThat(html)
        .contains("백그라운드 작업", "web:" + owner.login(), "action=\"/jobs/" + id + "/cancel\"");
    MockHttpServletResponse r = cancel(admin, id);
    assertThat(r.getRedirectedUrl()).isEqualTo("/admin/workspace?cancelled");
    assertThat(jobs.await(id, 60, TimeUnit.SECONDS)).isTrue();
    assertThat(jobs.status(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    assertThat(page(admin, "/admin/workspace").getContentAsString())
        .doesNotContain("action=\"/jobs/" + id + "/cancel\"");
  }

  @Test
  void aCancelWithoutItsCsrfTokenIsRefused() throws Exception {
    String id = runningJob(owner);
    MockHttpServletResponse r =
        mvc.perform(
                post("/jobs/" + id + "/cancel").with(authentication(TestWorkspace.signedIn(owner))))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).isEqualTo(403);
    assertThat(jobs.status(id).orElseThrow().state()).isEqualTo(JobState.RUNNING);
    assertThat(cancel(owner, id).getStatus()).isEqualTo(302);
  }
}
