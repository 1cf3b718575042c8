package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.tumen.store.protect.AuditLog;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;

/**
 * Showing an identity through the web: only to a role that needs it, in a case granted, with the
 * workspace unlocked; each showing an audit entry naming the account, the record and the fields.
 */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class})
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class IdentityShowingTest {

  @Autowired MockMvc mvc;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;
  @TempDir Path tmp;

  @Test
  void aReviewerSeesARecordOfAGrantedListAndTheTrailSaysWhoWhichRecordAndWhichFields()
      throws Exception {
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
    Path csv = tmp.resolve("list.csv");
    Files.writeString(
        csv,
        "id,name,birth\nr1,리영철 (synthetic),1972\nr2,Synthetic Pak,1980\n",
        StandardCharsets.UTF_8);
    session.workspace().importer().importList("shown_list", csv, null, Map.of(), Progress.NONE);
    session.workspace().importer().importList("hidden_list", csv, null, Map.of(), Progress.NONE);
    accounts.create(
        "rev-show", Role.REVIEWER, "a long synthetic password".toCharArray(), null, "en", null);
    accounts.create(
        "ana-show", Role.ANALYST, "a long synthetic password".toCharArray(), null, "en", null);
    Account rev = session.accounts().byLogin("rev-show").orElseThrow();
    Account ana = session.accounts().byLogin("ana-show").orElseThrow();
    session.access().grant(rev.id(), CaseKind.LIST, "shown_list", "test");
    session.access().grant(ana.id(), CaseKind.LIST, "shown_list", "test");

    MockHttpServletResponse shown =
        mvc.perform(
                get("/lists/shown_list/records/r1")
                    .with(authentication(TestWorkspace.signedIn(rev))))
            .andReturn()
            .getResponse();
    assertThat(shown.getStatus()).isEqualTo(200);
    assertThat(shown.getContentAsString()).contains("리영철 (synthetic)");
    List<AuditLog.Entry> trail = session.protection().audit().entries();
    AuditLog.Entry showing =
        trail.stream()
            .filter(e -> e.actor().equals("web:rev-show") && e.subject().startsWith("record "))
            .findFirst()
            .orElseThrow();
    assertThat(showing.action()).isEqualTo("read-identities");
    // one showing, one entry (not also one for reading the whole list)
    assertThat(trail).filteredOn(e -> e.actor().equals("web:rev-show")).containsExactly(showing);
    assertThat(showing.details()).startsWith("fields=id,full_name,birth_date purpose=web:");
    assertThat(String.join("|", trail.stream().map(AuditLog.Entry::details).toList()))
        .doesNotContain("리영철");

    int before = session.protection().audit().entries().size();
    assertThat(
            mvc.perform(
                    get("/lists/hidden_list/records/r1")
                        .with(authentication(TestWorkspace.signedIn(rev))))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            mvc.perform(
                    get("/lists/shown_list/records/r1")
                        .with(authentication(TestWorkspace.signedIn(ana))))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(session.protection().audit().entries()).hasSize(before);
    // The analyst sees the list's shape, never a value.
    String list =
        mvc.perform(get("/lists/shown_list").with(authentication(TestWorkspace.signedIn(ana))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains("full_name").doesNotContain("리영철");

    session.lock();
    assertThat(
            mvc.perform(
                    get("/lists/shown_list/records/r1")
                        .with(authentication(TestWorkspace.signedIn(rev))))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(503);
    session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
  }
}
