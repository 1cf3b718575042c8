package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.tumen.store.access.Account;
import org.tumen.store.access.CaseKind;
import org.tumen.store.access.Role;
import org.tumen.store.protect.AuditLog;
import org.tumen.store.review.Decision;
import org.tumen.store.review.FieldComparison;
import org.tumen.store.review.PairRef;
import org.tumen.store.review.QueuedPair;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;

/**
 * The linkage review page through the real controller: a reviewer sees the next pair of their lists
 * side by side with its evidence and the queue's progress, decides, and the decision is stored
 * under their account; a pair touching a list not shared with them is never shown. Names are
 * synthetic.
 */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class})
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ReviewPageTest {

  @Autowired MockMvc mvc;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;

  Account reviewer;

  /** Lists of this test alone: the session (and its workspace) is shared by the test classes. */
  String ngo;

  String church;
  String secret;

  @BeforeEach
  void queue() {
    long n = System.nanoTime();
    ngo = "rv_ngo_" + n;
    church = "rv_church_" + n;
    secret = "rv_secret_" + n;
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
    String login = "reviewer-" + System.nanoTime();
    accounts.create(
        login, Role.REVIEWER, "a long synthetic password".toCharArray(), null, "en", null);
    reviewer = session.accounts().byLogin(login).orElseThrow();
    session.access().grant(reviewer.id(), CaseKind.LIST, church, "test");
    session.access().grant(reviewer.id(), CaseKind.LIST, ngo, "test");
    session
        .workspace()
        .review()
        .enqueue(
            List.of(
                QueuedPair.of(
                    ngo,
                    "7",
                    church,
                    "12",
                    0.52,
                    List.of(
                        new FieldComparison("full_name", "리순희", "Ri Sun Hui", "variant", 4.5),
                        new FieldComparison(
                            "birth_date", "1971-03-09", "1971", "same year", 1.25))),
                // the same list with one not shared: never shown to this reviewer
                QueuedPair.of(
                    ngo,
                    "8",
                    secret,
                    "1",
                    0.5,
                    List.of(
                        new FieldComparison("full_name", "김비밀", "Kim Bimil", "variant", 4.0)))));
  }

  private MockHttpServletResponse page() throws Exception {
    return mvc.perform(
            get("/lists/" + ngo + "/review").with(authentication(TestWorkspace.signedIn(reviewer))))
        .andReturn()
        .getResponse();
  }

  @Test
  void aReviewerSeesThePairSideBySideAndTheirDecisionIsStored() throws Exception {
    int entries = session.protection().audit().entries().size();
    MockHttpServletResponse res = page();
    assertThat(res.getStatus()).isEqualTo(200);
    String html = res.getContentAsString();
    assertThat(html)
        .contains(church + "/12", ngo + "/7", "리순희", "Ri Sun Hui", "variant", "4.50", "same year")
        .contains("<progress", "0 of 1 pairs decided, 1 remaining")
        .doesNotContain("김비밀", "Kim Bimil", secret);
    // the opening was audited, as this account
    List<AuditLog.Entry> after = session.protection().audit().entries();
    assertThat(after.subList(entries, after.size()))
        .anySatisfy(
            e -> {
              assertThat(e.subject()).startsWith("review_pair ");
              assertThat(e.actor()).isEqualTo("web:" + reviewer.login());
              assertThat(e.details())
                  .isEqualTo(
                      "fields=values_a,values_b,comparison purpose=web: review a linkage pair");
            });

    long id = pairId(html);
    MockHttpServletResponse decided =
        mvc.perform(
                post("/lists/" + ngo + "/review/" + id)
                    .param("decision", "same")
                    .with(csrf())
                    .with(authentication(TestWorkspace.signedIn(reviewer))))
            .andReturn()
            .getResponse();
    assertThat(decided.getRedirectedUrl()).isEqualTo("/lists/" + ngo + "/review");
    PairRef pair = PairRef.of(ngo, "7", church, "12");
    var d = session.workspace().review().latestDecisions().get(pair);
    assertThat(d.decision()).isEqualTo(Decision.SAME);
    assertThat(d.by()).isEqualTo("web:" + reviewer.login());
    assertThat(page().getContentAsString())
        .contains("No pair of your lists is waiting", "1 of 1 pairs decided, 0 remaining");
  }

  @Test
  void aPairOfAListNotSharedCannotBeDecidedNorWithoutCsrf() throws Exception {
    String html = page().getContentAsString();
    long visible = pairId(html);
    // the hidden pair's id is not on the page; try every other queued id: refused as not found
    for (long id : queuedIds()) {
      if (id == visible) {
        continue;
      }
      MockHttpServletResponse res =
          mvc.perform(
                  post("/lists/" + ngo + "/review/" + id)
                      .param("decision", "different")
                      .with(csrf())
                      .with(authentication(TestWorkspace.signedIn(reviewer))))
              .andReturn()
              .getResponse();
      assertThat(res.getStatus()).as("pair %d", id).isEqualTo(404);
    }
    MockHttpServletResponse noCsrf =
        mvc.perform(
                post("/lists/" + ngo + "/review/" + visible)
                    .param("decision", "different")
                    .with(authentication(TestWorkspace.signedIn(reviewer))))
            .andReturn()
            .getResponse();
    assertThat(noCsrf.getStatus()).isEqualTo(403);
    MockHttpServletResponse bad =
        mvc.perform(
                post("/lists/" + ngo + "/review/" + visible)
                    .param("decision", "maybe")
                    .with(csrf())
                    .with(authentication(TestWorkspace.signedIn(reviewer))))
            .andReturn()
            .getResponse();
    assertThat(bad.getStatus()).isEqualTo(400);
  }

  private long pairId(String html) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("/lists/" + ngo + "/review/(\\d+)").matcher(html);
    assertThat(m.find()).as(html).isTrue();
    return Long.parseLong(m.group(1));
  }

  private List<Long> queuedIds() throws Exception {
    List<Long> out = new java.util.ArrayList<>();
    try (var c = session.workspace().dataSource().getConnection();
        var ps = c.prepareStatement("SELECT id FROM review_pair");
        var rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }
}
