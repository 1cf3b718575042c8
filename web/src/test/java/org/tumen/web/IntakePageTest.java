package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Source;
import org.tumen.store.access.Account;
import org.tumen.store.access.CaseKind;
import org.tumen.store.access.Role;
import org.tumen.store.intake.IntakeCheck;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;

/**
 * Intake through the real pages: each step is saved as the interviewer's sealed draft, bad input
 * gets its message beside the field in the user's language with every typed value kept, a draft is
 * the owner's alone, and submitting stores the interview (two people, two events, three acts, in
 * Korean) in the documentation tables and makes the source the interviewer's.
 */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class})
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class IntakePageTest {

  @Autowired MockMvc mvc;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;

  Account interviewer;
  Account other;
  String prefix;
  String code;

  @BeforeEach
  void accounts() {
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
    long n = System.nanoTime();
    prefix = "in" + n + ".";
    code = Long.toString(n);
    interviewer = account("intake-" + n, "staff-" + n);
    other = account("intake-other-" + n, null);
  }

  private Account account(String login, String code) {
    accounts.create(
        login, Role.INTERVIEWER, "a long synthetic password".toCharArray(), null, "ko", code);
    return session.accounts().byLogin(login).orElseThrow();
  }

  private String page(Account a, String uri) throws Exception {
    MockHttpServletResponse r =
        mvc.perform(
                get(uri)
                    .header("Accept-Language", "ko")
                    .with(authentication(TestWorkspace.signedIn(a))))
            .andReturn()
            .getResponse();
    assertThat(r.getStatus()).as(uri).isEqualTo(200);
    return r.getContentAsString();
  }

  @Test
  void badInputIsShownBesideItsFieldInKoreanAndNothingTypedIsLost() throws Exception {
    long d = Interviews.create(mvc, interviewer);
    Map<String, String> source = new LinkedHashMap<>(Interviews.source(prefix));
    source.put("source.date", "2026-13-45");
    source.remove("source.consentStore");
    source.put("step", "source");
    MockHttpServletResponse saved = Interviews.post(mvc, interviewer, "/intake/" + d, source);
    assertThat(saved.getRedirectedUrl()).isEqualTo("/intake/" + d + "?step=source&checked=true");

    String html = page(interviewer, saved.getRedirectedUrl());
    assertThat(html)
        // the messages, in Korean, each tied to its field
        .contains("id=\"source.date-error\"", "읽을 수 없는 날짜입니다")
        .contains("aria-describedby=\"source.date-error\"")
        .contains("id=\"source.consentStore-error\"", "증인의 보관 동의가 있어야")
        // the values as typed, including the wrong one and the testimony
        .contains("value=\"2026-13-45\"", "value=\"NGO A (synthetic)\"", "우리 두 사람은")
        // the interviewer recorded is the account's own code, not a field
        .contains(">staff-" + code + "<")
        // the pickers are in Korean
        .contains("연길", "높음");

    // a new request (the session could have expired meanwhile) finds the draft as saved
    assertThat(page(interviewer, "/intake")).contains("/intake/" + d + "?step=source");
    // and no one else reaches it
    MockHttpServletResponse theirs =
        mvc.perform(get("/intake/" + d).with(authentication(TestWorkspace.signedIn(other))))
            .andReturn()
            .getResponse();
    assertThat(theirs.getStatus()).isEqualTo(404);
    assertThat(page(other, "/intake")).doesNotContain("/intake/" + d + "?");
  }

  @Test
  void anInterviewWithTwoPeopleAndThreeActsIsStoredAndTheSourceIsTheInterviewers()
      throws Exception {
    long d = Interviews.create(mvc, interviewer);
    assertThat(Interviews.step(mvc, interviewer, d, "source", Interviews.source(prefix)))
        .endsWith("step=people");
    Interviews.step(mvc, interviewer, d, "people", Interviews.people(prefix));
    Interviews.step(mvc, interviewer, d, "events", Interviews.events(prefix));
    Interviews.step(mvc, interviewer, d, "acts", Interviews.acts(prefix));
    String review = page(interviewer, "/intake/" + d + "?step=review");
    assertThat(review).contains("사람 2명, 사건 2건, 행위 3건").doesNotContain("class=\"error\"");
    // the quoted passage became offsets into the testimony
    assertThat(page(interviewer, "/intake/" + d + "?step=acts"))
        .contains("value=\"" + Interviews.TESTIMONY.indexOf("체포") + "\"");

    MockHttpServletResponse done =
        Interviews.post(mvc, interviewer, "/intake/" + d + "/submit", Map.of());
    assertThat(done.getRedirectedUrl()).isEqualTo("/intake");

    Documentation stored = session.workspace().documentation().loadCodes();
    Source s =
        stored.sources().stream()
            .filter(x -> x.id().equals(prefix + "s1"))
            .findFirst()
            .orElseThrow();
    assertThat(s.interviewer()).contains("staff-" + code);
    assertThat(stored.acts().stream().filter(a -> a.id().startsWith(prefix))).hasSize(3);
    assertThat(stored.events().stream().filter(e -> e.id().startsWith(prefix))).hasSize(2);
    assertThat(session.access().may(interviewer.id(), CaseKind.SOURCE, prefix + "s1")).isTrue();
    // the draft became the documentation: it is gone
    assertThat(session.workspace().intake().list("web:" + interviewer.login())).isEmpty();
  }

  @Test
  void everyProblemKeyOfTheStoreHasItsTextInEveryLanguage() throws Exception {
    for (String bundle : List.of("messages", "messages_ko", "messages_zh")) {
      Properties p = new Properties();
      try (var in = getClass().getResourceAsStream("/" + bundle + ".properties");
          var r = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
        p.load(r);
      }
      for (String key : IntakeCheck.KEYS) {
        assertThat(p.getProperty(key)).as(bundle + " " + key).isNotBlank();
      }
      for (String state : List.of("queued", "running", "done", "failed", "cancelled")) {
        assertThat(p.getProperty("job.state." + state)).as(bundle).isNotBlank();
      }
      for (String dim : List.of("act-type", "period", "place")) {
        assertThat(p.getProperty("counts.by." + dim)).as(bundle).isNotBlank();
        assertThat(p.getProperty("counts.dim." + dim)).as(bundle).isNotBlank();
      }
    }
  }

  private List<org.tumen.store.protect.AuditLog.Entry> entriesOf(long draft, int from) {
    List<org.tumen.store.protect.AuditLog.Entry> all = session.protection().audit().entries();
    return all.subList(from, all.size()).stream()
        .filter(e -> e.subject().equals("intake_draft " + draft))
        .toList();
  }

  @Test
  void theStepsAuditOneReadAndOneWritePerSaveOfIdentifyingTextNotOneEntryPerStep()
      throws Exception {
    int from = session.protection().audit().entries().size();
    long d = Interviews.create(mvc, interviewer);
    page(interviewer, "/intake/" + d + "?step=source");
    Interviews.step(mvc, interviewer, d, "source", Interviews.source(prefix));
    page(interviewer, "/intake/" + d + "?step=people");
    Interviews.step(mvc, interviewer, d, "people", Interviews.people(prefix));
    page(interviewer, "/intake/" + d + "?step=events");
    Interviews.step(mvc, interviewer, d, "events", Interviews.events(prefix));
    page(interviewer, "/intake/" + d + "?step=acts");
    Interviews.step(mvc, interviewer, d, "acts", Interviews.acts(prefix));
    // the people and acts steps again, unchanged: nothing identifying is written
    Interviews.step(mvc, interviewer, d, "people", Interviews.people(prefix));
    List<String> steps =
        entriesOf(d, from).stream().map(e -> e.action() + " " + e.details()).toList();
    assertThat(steps)
        .as("four pages shown and five saves")
        .containsExactly(
            "intake-write fields=source.text step=source",
            "intake-write fields=events[0].summary step=events");

    // after a lock the open copy is gone: showing the draft again is a read, audited first
    session.lock();
    session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    int again = session.protection().audit().entries().size();
    assertThat(page(interviewer, "/intake/" + d + "?step=source")).contains("우리 두 사람은");
    assertThat(entriesOf(d, again))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("read-identities");
              assertThat(e.actor()).isEqualTo("web:" + interviewer.login());
            });
    // and a save from elsewhere (a newer version stored) is opened again, audited
    session
        .workspace()
        .intake()
        .save(
            "web:" + interviewer.login(),
            d,
            session
                .workspace()
                .intake()
                .open("web:" + interviewer.login(), d, "test: another tab")
                .orElseThrow());
    int third = session.protection().audit().entries().size();
    page(interviewer, "/intake/" + d + "?step=people");
    assertThat(entriesOf(d, third)).extracting(e -> e.action()).containsExactly("read-identities");
  }
}
