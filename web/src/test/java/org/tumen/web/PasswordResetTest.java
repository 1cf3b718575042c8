package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.tumen.store.access.Account;
import org.tumen.store.access.Role;
import org.tumen.store.protect.AuditLog;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;
import org.tumen.web.account.PendingSignIn;
import org.tumen.web.account.SignedIn;
import org.tumen.web.account.Totp;

/**
 * An administrator resets a forgotten password: a one-time password shown once; the old password
 * and every session of the account stop working; the next sign-in takes the one-time password and a
 * code from the <em>same</em> authenticator app, then asks for a new password before anything else,
 * and shows new recovery codes; afterwards the new password and the same app sign in. An
 * administrator's own is refused; an account without an escrowed factor enrols again. Audited.
 */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class})
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class PasswordResetTest {

  static final String PASSWORD = "a long synthetic password";
  static final String NEW = "another synthetic phrase 7";
  static final Pattern ONE_TIME = Pattern.compile("id=\"one-time-password\">([A-Z2-7-]+)<");

  @Autowired MockMvc mvc;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;

  final Totp totp = new Totp(Clock.systemUTC());
  Account admin;
  long n;

  @BeforeEach
  void unlocked() {
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
    n = System.nanoTime();
    accounts.create(
        "reset-admin-" + n, Role.ADMINISTRATOR, PASSWORD.toCharArray(), null, "en", null);
    admin = session.accounts().byLogin("reset-admin-" + n).orElseThrow();
  }

  /** An account enrolled with the code of {@code step}; returns its TOTP secret. */
  private byte[] enrolled(String login, long step) {
    byte[] secret =
        Journeys.secret(
            accounts.create(login, Role.ANALYST, PASSWORD.toCharArray(), null, "ko", null));
    PendingSignIn p = pending(login, PASSWORD);
    assertThat(accounts.confirmEnrolment(p, totp.code(secret, step), Instant.now())).isPresent();
    return secret;
  }

  private PendingSignIn pending(String login, String password) {
    AccountService.PasswordResult r =
        accounts.checkPassword(login, password.toCharArray(), Instant.now());
    assertThat(r.outcome())
        .as(login + " signs in with its password")
        .isEqualTo(AccountService.PasswordOutcome.OK);
    return r.pending();
  }

  private MockHttpServletResponse reset(Account by, String login) throws Exception {
    return mvc.perform(
            post("/admin/users/" + login + "/password")
                .with(csrf())
                .with(authentication(TestWorkspace.signedIn(by))))
        .andReturn()
        .getResponse();
  }

  private static String oneTime(MockHttpServletResponse r) throws Exception {
    Matcher m = ONE_TIME.matcher(r.getContentAsString());
    assertThat(m.find()).as("the one-time password is shown").isTrue();
    return m.group(1);
  }

  @Test
  void theOneTimePasswordAndTheSameAppSignInThenANewPasswordIsChosen() throws Exception {
    String login = "reset-u-" + n;
    long s = totp.currentStep();
    byte[] secret = enrolled(login, s - 1);
    Account before = session.accounts().byLogin(login).orElseThrow();
    UsernamePasswordAuthenticationToken oldSession =
        UsernamePasswordAuthenticationToken.authenticated(
            SignedIn.of(before), null, List.of(new SimpleGrantedAuthority("ROLE_ANALYST")));
    assertThat(
            mvc.perform(get("/").with(authentication(oldSession)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);

    MockHttpServletResponse page = reset(admin, login);
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("The second factor stays");
    String oneTime = oneTime(page);

    // the forgotten password and the account's sessions are over
    assertThat(accounts.checkPassword(login, PASSWORD.toCharArray(), Instant.now()).outcome())
        .isEqualTo(AccountService.PasswordOutcome.FAILED);
    assertThat(
            mvc.perform(get("/").with(authentication(oldSession)))
                .andReturn()
                .getResponse()
                .getStatus())
        .as("a session signed in before the reset is refused")
        .isEqualTo(403);

    MockHttpSession web = new MockHttpSession();
    MockHttpServletResponse r =
        mvc.perform(
                post("/login")
                    .session(web)
                    .with(csrf())
                    .param("login", login)
                    .param("password", oneTime))
            .andReturn()
            .getResponse();
    assertThat(r.getRedirectedUrl()).isEqualTo("/login/code");
    // nothing else is reachable before the new password: not signed in yet
    assertThat(mvc.perform(get("/").session(web)).andReturn().getResponse().getRedirectedUrl())
        .endsWith("/login");
    r =
        mvc.perform(
                post("/login/code").session(web).with(csrf()).param("code", totp.code(secret, s)))
            .andReturn()
            .getResponse();
    assertThat(r.getRedirectedUrl())
        .as("the same app's code passes")
        .isEqualTo("/login/new-password");
    assertThat(mvc.perform(get("/").session(web)).andReturn().getResponse().getRedirectedUrl())
        .endsWith("/login");
    assertThat(
            mvc.perform(get("/login/new-password").session(web).header("Accept-Language", "ko"))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("새 비밀번호 정하기");

    r = newPassword(web, "short", "short");
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContentAsString()).contains("at least 12 characters");
    r = newPassword(web, NEW, NEW + "x");
    assertThat(r.getStatus()).isEqualTo(400);
    r = newPassword(web, oneTime, oneTime);
    assertThat(r.getStatus()).as("the one-time password again").isEqualTo(400);
    r = newPassword(web, NEW, NEW);
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString())
        .containsPattern("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}");
    assertThat(mvc.perform(get("/").session(web)).andReturn().getResponse().getStatus())
        .isEqualTo(200);

    Account after = session.accounts().byLogin(login).orElseThrow();
    assertThat(after.mustChangePassword()).isFalse();
    assertThat(after.enrolled()).isTrue();
    // the new password and the same app's next code
    assertThat(accounts.secondFactor(pending(login, NEW), totp.code(secret, s + 1), Instant.now()))
        .isEqualTo(AccountService.CodeOutcome.OK);
    assertThat(accounts.checkPassword(login, oneTime.toCharArray(), Instant.now()).outcome())
        .isEqualTo(AccountService.PasswordOutcome.FAILED);

    List<AuditLog.Entry> trail = session.protection().audit().entries();
    assertThat(trail)
        .anyMatch(
            e ->
                e.action().equals("account-password-reset")
                    && e.subject().equals("account " + login)
                    && e.details().equals("by=" + admin.login() + " second-factor=kept"));
    assertThat(trail)
        .anyMatch(
            e ->
                e.action().equals("account-password")
                    && e.actor().equals("web:" + login)
                    && e.details().startsWith("after=reset"));
    assertThat(trail).noneMatch(e -> e.details().contains(oneTime) || e.details().contains(NEW));
  }

  private MockHttpServletResponse newPassword(MockHttpSession web, String pw, String repeat)
      throws Exception {
    return mvc.perform(
            post("/login/new-password")
                .session(web)
                .with(csrf())
                .param("password", pw)
                .param("repeat", repeat))
        .andReturn()
        .getResponse();
  }

  @Test
  void anAdministratorsOwnIsRefusedOnTheWeb() throws Exception {
    MockHttpServletResponse r = reset(admin, admin.login());
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContentAsString()).doesNotContain("one-time-password");
    assertThat(session.accounts().byLogin(admin.login()).orElseThrow().mustChangePassword())
        .isFalse();
  }

  @Test
  void anAccountWithoutAnEscrowedFactorEnrolsAgain() throws Exception {
    String login = "reset-lost-" + n;
    enrolled(login, totp.currentStep());
    // a reset second factor drops the escrowed copy with the sealed one
    accounts.resetSecondFactor(session.accounts().byLogin(login).orElseThrow(), admin.login());
    MockHttpServletResponse page = reset(admin, login);
    assertThat(page.getContentAsString()).contains("could not be kept");
    String oneTime = oneTime(page);
    MockHttpSession web = new MockHttpSession();
    MockHttpServletResponse r =
        mvc.perform(
                post("/login")
                    .session(web)
                    .with(csrf())
                    .param("login", login)
                    .param("password", oneTime))
            .andReturn()
            .getResponse();
    assertThat(r.getRedirectedUrl()).isEqualTo("/login/enrol");
    assertThat(session.protection().audit().entries())
        .anyMatch(
            e ->
                e.action().equals("account-password-reset")
                    && e.details().endsWith("second-factor=reset"));
  }
}
