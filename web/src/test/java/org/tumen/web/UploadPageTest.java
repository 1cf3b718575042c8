package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.tumen.store.access.Account;
import org.tumen.store.access.CaseKind;
import org.tumen.store.access.Role;
import org.tumen.store.imports.ImportProblem;
import org.tumen.store.protect.AuditLog;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;

/**
 * Uploading a list through the page: imported with the checks of tumen import, sealed, audited as
 * the account, granted to it; bad files (wrong type, malformed CSV, a row too short) refused beside
 * the field in the user's language with nothing stored and the typed list name kept; a name taken
 * by a list the account may not see is refused without saying more. All data synthetic.
 */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class})
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class UploadPageTest {

  @Autowired MockMvc mvc;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;

  Account interviewer;
  long n;

  @BeforeEach
  void account() {
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
    n = System.nanoTime();
    interviewer = account("up-" + n, Role.INTERVIEWER);
  }

  private Account account(String login, Role role) {
    accounts.create(login, role, "a long synthetic password".toCharArray(), null, "ko", null);
    return session.accounts().byLogin(login).orElseThrow();
  }

  private MockHttpServletResponse upload(Account a, String list, String name, byte[] bytes)
      throws Exception {
    return mvc.perform(
            multipart("/uploads")
                .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .param("list", list)
                .header("Accept-Language", "ko")
                .with(csrf())
                .with(authentication(TestWorkspace.signedIn(a))))
        .andReturn()
        .getResponse();
  }

  private long lists() {
    return session.workspace().records().lists().size();
  }

  @Test
  void aCsvIsImportedSealedAuditedAndGrantedToItsUploader() throws Exception {
    String list = "up_a_" + n;
    String csv = "번호,성명,생년월일\n1,합성 일,1970-01-02\n2,합성 이,1981\n3,합성 삼,1990-05\n";
    MockHttpServletResponse r =
        upload(interviewer, list, "a.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString()).contains("가져왔습니다", list, "UTF-8", ">3<");
    assertThat(session.access().may(interviewer.id(), CaseKind.LIST, list)).isTrue();
    List<AuditLog.Entry> audit = session.protection().audit().entries();
    assertThat(audit)
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("web:" + interviewer.login());
              assertThat(e.action()).isEqualTo("import");
            });
    // sealed: the name is in no plain column of the database
    assertThat(session.workspace().records().lists()).anyMatch(l -> l.name().equals(list));
  }

  @Test
  void badFilesAreRefusedBesideTheFieldInKoreanAndStoreNothing() throws Exception {
    long before = lists();
    String list = "up_bad_" + n;
    Object[][] cases = {
      // a workbook's bytes under a .csv name: the content decides
      {"fake.csv", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}, "내용이 csv 형식이 아닙니다"},
      // text under an .xlsx name
      {"fake.xlsx", "id,name\n1,a\n".getBytes(StandardCharsets.UTF_8), "내용이 xlsx 형식이 아닙니다"},
      {"list.exe", "id,name\n1,a\n".getBytes(StandardCharsets.UTF_8), ".xlsx 파일만"},
      // malformed CSV: a quote never closed, at its line and column
      {"q.csv", "id,name\n1,\"unclosed\n".getBytes(StandardCharsets.UTF_8), "q.csv:2:2: 따옴표"},
      {
        "short.csv",
        "id,name,born\n1,a\n".getBytes(StandardCharsets.UTF_8),
        "short.csv:2: 이 행에는 값이 2개"
      },
      {"empty.csv", new byte[0], "파일을 고르십시오"},
    };
    for (Object[] c : cases) {
      MockHttpServletResponse r = upload(interviewer, list, (String) c[0], (byte[]) c[1]);
      String html = r.getContentAsString();
      assertThat(r.getStatus()).as((String) c[0]).isEqualTo(200);
      assertThat(html)
          .as((String) c[0])
          .contains("id=\"file-error\"", (String) c[2], "aria-invalid=\"true\"")
          .contains("value=\"" + list + "\"")
          .contains("아무것도 저장되지 않았습니다");
    }
    assertThat(lists()).isEqualTo(before);
    assertThat(session.access().may(interviewer.id(), CaseKind.LIST, list)).isFalse();
  }

  @Test
  void aNameTakenByAListTheAccountMayNotSeeIsRefusedWithoutDetail() throws Exception {
    String list = "up_taken_" + n;
    Account other = account("up-other-" + n, Role.INTERVIEWER);
    byte[] a = "id,name\n1,Synthetic A\n".getBytes(StandardCharsets.UTF_8);
    assertThat(upload(other, list, "a.csv", a).getContentAsString()).contains("가져왔습니다");
    byte[] b = "id,name\n1,Synthetic B\n".getBytes(StandardCharsets.UTF_8);
    String html = upload(interviewer, list, "b.csv", b).getContentAsString();
    assertThat(html).contains("id=\"list-error\"", "이 이름의 명단이 이미 있습니다").doesNotContain("a.csv");
    // the owner who sends another file is told it is another file
    assertThat(upload(other, list, "b.csv", b).getContentAsString())
        .contains("id=\"list-error\"", "이미 다른 파일이 있습니다");
  }

  @Test
  void everyKindOfImportProblemHasItsMessageInThreeLanguages() throws IOException {
    for (String file :
        List.of("messages.properties", "messages_ko.properties", "messages_zh.properties")) {
      Properties p = new Properties();
      try (InputStream in = getClass().getResourceAsStream("/" + file);
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(reader);
      }
      for (ImportProblem.Kind k : ImportProblem.Kind.values()) {
        assertThat(p.getProperty("upload.problem." + k.name())).as(file + " " + k).isNotBlank();
      }
      assertThat(p.getProperty("upload.problem.OTHER")).isNotBlank();
    }
  }
}
