package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
import org.tumen.store.protect.AuditLog;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;
import org.tumen.web.pages.SearchIndex;

/**
 * Search through the real pages: an interview recorded through intake is found in Korean by its
 * interviewer and by no one without the source, not even as a count; its testimony is shown only to
 * a role that needs it, scoped to the source, and each showing is an audit entry.
 */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class})
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class SearchPageTest {

  @Autowired MockMvc mvc;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;
  @Autowired SearchIndex index;

  Account interviewer;
  Account stranger;
  Account analyst;
  String source;

  @BeforeEach
  void anInterview() throws Exception {
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
    index.holdBuilds(null);
    assertThat(index.await(Duration.ofSeconds(120))).as("the index is built").isPresent();
    long n = System.nanoTime();
    interviewer = account("search-" + n, Role.INTERVIEWER);
    stranger = account("search-stranger-" + n, Role.INTERVIEWER);
    analyst = account("search-analyst-" + n, Role.ANALYST);
    source = Interviews.record(mvc, interviewer, "se" + n + ".");
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
  void theInterviewerFindsTheirInterviewInKoreanAndOthersFindNothingOfIt() throws Exception {
    String mine = page(interviewer, "/search?q=체포").getContentAsString();
    assertThat(mine).contains(source, "/search/sources/" + source);
    // the results list references, not the testimony
    assertThat(mine).doesNotContain("우리 두 사람은");

    for (Account a : List.of(stranger, analyst)) {
      String theirs = page(a, "/search?q=체포").getContentAsString();
      assertThat(theirs).doesNotContain(source).contains("찾은 것이 없습니다");
    }
  }

  @Test
  void showingATestimonyIsScopedToTheSourceAndAudited() throws Exception {
    int before = session.protection().audit().entries().size();
    MockHttpServletResponse shown = page(interviewer, "/search/sources/" + source + "?q=체포");
    assertThat(shown.getStatus()).isEqualTo(200);
    assertThat(shown.getContentAsString()).contains("<mark>체포</mark>", "우리 두 사람은", "감사 기록에 남습니다");
    List<AuditLog.Entry> after = session.protection().audit().entries();
    assertThat(after.subList(before, after.size()))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("read-identities");
              assertThat(e.subject()).startsWith("source ");
              assertThat(e.details()).contains("fields=text");
              assertThat(e.actor()).isEqualTo("web:" + interviewer.login());
            });

    assertThat(page(stranger, "/search/sources/" + source).getStatus()).isEqualTo(403);
    assertThat(page(analyst, "/search/sources/" + source).getStatus()).isEqualTo(403);
  }

  @Test
  void aNameInKoreanFindsItsRomanisedSpellingAmongTheUsersSourcesOnly() throws Exception {
    long n = System.nanoTime();
    String romanised =
        Interviews.record(
            mvc,
            interviewer,
            "nv" + n + ".",
            "en",
            "Synthetic testimony: Ri Sun Hui crossed the river at Hoeryong. "
                + Interviews.TESTIMONY);
    String hangul =
        Interviews.record(
            mvc,
            stranger,
            "nw" + n + ".",
            "ko",
            "합성 증언: 리순희가 회령에서 강을 건넜다. " + Interviews.TESTIMONY);

    // 리순희 (Hangul) finds the interviewer's "Ri Sun Hui"; the stranger's 리순희 is not theirs
    String mine = page(interviewer, "/search?q=리순희").getContentAsString();
    assertThat(mine).contains(romanised).doesNotContain(hangul);
    // a Hanja surname alone finds the romanised full name
    assertThat(page(interviewer, "/search?q=李").getContentAsString())
        .contains(romanised)
        .doesNotContain(hangul);
    // and the other way round, for the stranger: only their own source
    String theirs = page(stranger, "/search?q=Ri Sun Hui").getContentAsString();
    assertThat(theirs).contains(hangul).doesNotContain(romanised);
    // an account with neither source finds neither, not even as a count
    String none = page(analyst, "/search?q=리순희").getContentAsString();
    assertThat(none).doesNotContain(romanised, hangul).contains("찾은 것이 없습니다");
  }

  @Test
  void aSubmittedInterviewIsFoundAtOnceWithoutARebuild() throws Exception {
    // the index is built (by this search or an earlier one)
    assertThat(page(interviewer, "/search?q=체포").getContentAsString()).contains(source);
    int builds = index.builds();
    long n = System.nanoTime();
    String romanised =
        Interviews.record(
            mvc,
            interviewer,
            "inc" + n + ".",
            "en",
            "Synthetic testimony: Ri Sun Hui crossed the river at Hoeryong. "
                + Interviews.TESTIMONY);
    assertThat(index.built()).isTrue();
    // found at once, also through a name variant the new text brought, and only by its owner
    assertThat(page(interviewer, "/search?q=Hoeryong").getContentAsString()).contains(romanised);
    assertThat(page(interviewer, "/search?q=리순희").getContentAsString()).contains(romanised);
    assertThat(page(stranger, "/search?q=Hoeryong").getContentAsString())
        .doesNotContain(romanised)
        .contains("찾은 것이 없습니다");
    assertThat(page(interviewer, "/search/sources/" + romanised).getContentAsString())
        .contains("Ri Sun Hui");
    assertThat(index.builds()).as("no rebuild after an intake").isEqualTo(builds);
  }

  @Test
  void theIndexIsDroppedWithTheKeys() throws Exception {
    assertThat(page(interviewer, "/search?q=체포").getContentAsString()).contains(source);
    assertThat(index.built()).isTrue();
    session.lock();
    try {
      // any request after the lock drops the index; a search answers "locked"
      assertThat(page(interviewer, "/search?q=체포").getStatus()).isEqualTo(503);
      assertThat(index.built()).isFalse();
    } finally {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
    assertThat(index.await(Duration.ofSeconds(120))).isPresent();
    assertThat(page(interviewer, "/search?q=체포").getContentAsString()).contains(source);
  }

  @Test
  void aSearchDuringTheBuildGetsItsProgressAndWhatIsStoredMeanwhileIsIndexed() throws Exception {
    int builds = index.builds();
    CountDownLatch gate = new CountDownLatch(1);
    index.holdBuilds(gate);
    String meanwhile;
    try {
      session.lock();
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
      // the build starts at the next request (and at an administrator's unlock), not at a search
      page(interviewer, "/intake");
      assertThat(index.progress()).as("a build under way").isPresent();
      long t0 = System.nanoTime();
      MockHttpServletResponse r = page(interviewer, "/search?q=체포");
      assertThat(System.nanoTime() - t0)
          .as("the search does not wait for the build")
          .isLessThan(Duration.ofSeconds(30).toNanos());
      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(r.getContentAsString())
          .contains("id=\"index-building\"", "검색 색인을 만드는 중입니다", "% 색인됨", "<progress")
          .contains("http-equiv=\"refresh\"")
          .doesNotContain(source);
      MockHttpServletResponse v = page(interviewer, "/search/sources/" + source);
      assertThat(v.getStatus()).isEqualTo(200);
      assertThat(v.getContentAsString()).contains("id=\"index-building\"");
      assertThat(index.built()).isFalse();
      // an interview submitted while the build runs is found once it is over
      long n = System.nanoTime();
      meanwhile =
          Interviews.record(
              mvc,
              interviewer,
              "mw" + n + ".",
              "en",
              "Synthetic testimony: Pak Chol Su was held at Onsong. " + Interviews.TESTIMONY);
    } finally {
      gate.countDown();
      index.holdBuilds(null);
    }
    assertThat(index.await(Duration.ofSeconds(120))).isPresent();
    assertThat(index.progress()).isEmpty();
    assertThat(index.builds()).isEqualTo(builds + 1);
    String found = page(interviewer, "/search?q=Onsong").getContentAsString();
    assertThat(found).contains(meanwhile).doesNotContain("index-building");
    assertThat(page(interviewer, "/search?q=체포").getContentAsString()).contains(source);
  }
}
