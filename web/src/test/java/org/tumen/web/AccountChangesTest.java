package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.tumen.store.access.Account;
import org.tumen.store.access.Role;
import org.tumen.store.protect.AuditLog;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;
import org.tumen.web.account.Totp;

/**
 * A password change by the signed-in account (current password, TOTP code, new password) and an
 * administrator's reset of another account's second factor, through the real controllers. The clock
 * is the test's: each TOTP code is of a step of its own, as minutes apart in real use.
 */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class, AccountChangesTest.Clocks.class})
@AutoConfigureMockMvc
@Import({TestWorkspace.class, AccountChangesTest.Clocks.class})
class AccountChangesTest {

  static final String PASSWORD = "a long synthetic password";
  static final String NEW_PASSWORD = "another synthetic passphrase 7";

  /** A clock the test moves forward. */
  static final class StepClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-07T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    StepClock testClock() {
      return new StepClock();
    }
  }

  @Autowired MockMvc mvc;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;
  @Autowired StepClock clock;

  private Totp totp() {
    return new Totp(clock);
  }

  /** The code of the next time step (the clock moves 30 s first, so no code is used twice). */
  private String nextCode(byte[] secret) {
    clock.advance(Duration.ofSeconds(30));
    return totp().code(secret, totp().currentStep());
  }

  private void unlocked() {
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
  }

  private byte[] create(String login, Role role) {
    unlocked();
    return new Base32()
        .decode(
            accounts.create(login, role, PASSWORD.toCharArray(), null, "en", null).secretBase32());
  }

  private MockHttpServletResponse password(MockHttpSession s, String login, String pw)
      throws Exception {
    return mvc.perform(
            post("/login").session(s).with(csrf()).param("login", login).param("password", pw))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse code(MockHttpSession s, String path, String code)
      throws Exception {
    return mvc.perform(post(path).session(s).with(csrf()).param("code", code))
        .andReturn()
        .getResponse();
  }

  /** Enrols: the password, the enrolment page (its key), a code; returns the recovery codes. */
  private List<String> enrol(String login, String pw, byte[] expectedSecret) throws Exception {
    MockHttpSession s = new MockHttpSession();
    assertThat(password(s, login, pw).getRedirectedUrl()).isEqualTo("/login/enrol");
    String page =
        mvc.perform(get("/login/enrol").session(s)).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("<svg");
    Matcher key = Pattern.compile("[A-Z2-7]{32}").matcher(page);
    assertThat(key.find()).isTrue();
    byte[] secret = new Base32().decode(key.group());
    if (expectedSecret != null) {
      assertThat(secret).isEqualTo(expectedSecret);
    }
    enrolled = secret;
    MockHttpServletResponse r = code(s, "/login/enrol", nextCode(secret));
    assertThat(r.getStatus()).isEqualTo(200);
    Matcher m =
        Pattern.compile("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}")
            .matcher(r.getContentAsString());
    List<String> codes = new java.util.ArrayList<>();
    while (m.find()) {
      codes.add(m.group());
    }
    return codes;
  }

  /** The secret the last enrolment showed. */
  private byte[] enrolled;

  /** A complete sign-in with password and TOTP; the signed-in session. */
  private MockHttpSession signIn(String login, String pw, byte[] secret) throws Exception {
    MockHttpSession s = new MockHttpSession();
    assertThat(password(s, login, pw).getRedirectedUrl()).isEqualTo("/login/code");
    assertThat(code(s, "/login/code", nextCode(secret)).getRedirectedUrl()).isEqualTo("/");
    return s;
  }

  private int status(MockHttpSession s, String uri) throws Exception {
    return mvc.perform(get(uri).session(s)).andReturn().getResponse().getStatus();
  }

  private MockHttpServletResponse change(
      MockHttpSession s, String current, String code, String next, String repeat) throws Exception {
    return mvc.perform(
            post("/account/password")
                .session(s)
                .with(csrf())
                .param("current", current)
                .param("code", code)
                .param("password", next)
                .param("repeat", repeat))
        .andReturn()
        .getResponse();
  }

  @Test
  void aPasswordChangeReSealsTheSecondFactorSoThatTotpAndRecoveryCodesStillWork() throws Exception {
    byte[] secret = create("hana", Role.INTERVIEWER);
    List<String> recovery = enrol("hana", PASSWORD, secret);
    assertThat(recovery).hasSize(10);
    MockHttpSession s = signIn("hana", PASSWORD, secret);
    MockHttpSession elsewhere = signIn("hana", PASSWORD, secret);
    // changed while the workspace is locked: the audit entry waits for the unlock
    session.lock();

    // refusals before the code is checked: the code is not taken
    String anyCode = "123456";
    MockHttpServletResponse wrongCurrent =
        change(s, "not the password at all", anyCode, NEW_PASSWORD, NEW_PASSWORD);
    // a form error of a signed-in account, not a refusal of the request: 400
    assertThat(wrongCurrent.getStatus()).isEqualTo(400);
    assertThat(wrongCurrent.getContentAsString()).contains("current password is not right");
    MockHttpServletResponse weak = change(s, PASSWORD, anyCode, "hana hana hana", "hana hana hana");
    assertThat(weak.getStatus()).isEqualTo(400);
    assertThat(weak.getContentAsString()).contains("must not contain your login");
    assertThat(
            change(s, PASSWORD, anyCode, "aaaaaaaaaaaaaab", "aaaaaaaaaaaaaab").getContentAsString())
        .contains("at least 6 different characters");
    assertThat(change(s, PASSWORD, anyCode, NEW_PASSWORD, NEW_PASSWORD + "x").getContentAsString())
        .contains("are not the same");
    MockHttpServletResponse wrongCode = change(s, PASSWORD, "000000", NEW_PASSWORD, NEW_PASSWORD);
    assertThat(wrongCode.getStatus()).isEqualTo(400);
    // the code of the sign-in's step, already used: refused as replayed
    String used = totp().code(secret, totp().currentStep());
    assertThat(change(s, PASSWORD, used, NEW_PASSWORD, NEW_PASSWORD).getContentAsString())
        .contains("already used");

    MockHttpServletResponse ok = change(s, PASSWORD, nextCode(secret), NEW_PASSWORD, NEW_PASSWORD);
    assertThat(ok.getRedirectedUrl()).isEqualTo("/account?passwordChanged");
    // the session that changed it goes on; the account's other session is refused
    assertThat(status(s, "/account")).isEqualTo(200);
    assertThat(status(elsewhere, "/account")).isIn(302, 403);

    // the old password no longer signs in; the new one does, with the same TOTP app
    assertThat(password(new MockHttpSession(), "hana", PASSWORD).getStatus()).isEqualTo(401);
    signIn("hana", NEW_PASSWORD, secret);
    // a recovery code made before the change still works once, under the new password
    MockHttpSession r = new MockHttpSession();
    password(r, "hana", NEW_PASSWORD);
    assertThat(code(r, "/login/code", recovery.get(0)).getRedirectedUrl())
        .isEqualTo("/account?recoveryUsed");

    // the change and the sign-ins made while locked reach the trail at the next unlock
    assertThat(session.auditWaiting()).isPositive();
    session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    List<AuditLog.Entry> trail = session.protection().audit().entries();
    assertThat(trail)
        .filteredOn(e -> e.action().equals("account-password"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("web:hana");
              assertThat(e.subject()).isEqualTo("account hana");
              assertThat(e.details()).endsWith(" queued").doesNotContain(NEW_PASSWORD);
            });
    assertThat(trail)
        .filteredOn(e -> e.action().equals("sign-in") && e.actor().equals("web:hana"))
        .extracting(AuditLog.Entry::details)
        .anySatisfy(d -> assertThat(d).startsWith("factor=recovery-code").endsWith(" queued"));
    assertThat(trail).noneMatch(e -> e.action().startsWith("audit-queue"));
    assertThat(session.protection().audit().verify().ok()).isTrue();
  }

  @Test
  void anAdministratorResetsAnotherAccountsSecondFactorButNotTheirOwn() throws Exception {
    create("root-a", Role.ADMINISTRATOR);
    create("root-b", Role.ADMINISTRATOR);
    byte[] old = create("ivo", Role.REVIEWER);
    List<String> oldRecovery = enrol("ivo", PASSWORD, old);
    MockHttpSession lostPhone = signIn("ivo", PASSWORD, old);
    assertThat(status(lostPhone, "/")).isEqualTo(200);
    Account a = session.accounts().byLogin("root-a").orElseThrow();
    Account b = session.accounts().byLogin("root-b").orElseThrow();

    MockHttpServletResponse reset =
        mvc.perform(
                post("/admin/users/ivo/second-factor")
                    .with(csrf())
                    .with(authentication(TestWorkspace.signedIn(a))))
            .andReturn()
            .getResponse();
    assertThat(reset.getRedirectedUrl()).isEqualTo("/admin/users?reset");
    assertThat(session.accounts().byLogin("ivo").orElseThrow().enrolled()).isFalse();
    // the sessions signed in with the old factor end with it
    assertThat(status(lostPhone, "/")).isIn(302, 403);
    assertThat(session.protection().audit().entries())
        .filteredOn(e -> e.action().equals("account-second-factor-reset"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.subject()).isEqualTo("account ivo");
              assertThat(e.actor()).isEqualTo("web:root-a");
            });

    // the old recovery codes are gone; the password leads to a new enrolment with a new key
    MockHttpSession s = new MockHttpSession();
    assertThat(password(s, "ivo", PASSWORD).getRedirectedUrl()).isEqualTo("/login/enrol");
    assertThat(code(s, "/login/enrol", oldRecovery.get(0)).getStatus()).isEqualTo(401);
    List<String> fresh = enrol("ivo", PASSWORD, null);
    assertThat(enrolled).isNotEqualTo(old);
    assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(oldRecovery);
    // the old app's codes no longer sign in; the new one's do
    MockHttpSession t = new MockHttpSession();
    password(t, "ivo", PASSWORD);
    assertThat(code(t, "/login/code", nextCode(old)).getStatus()).isEqualTo(401);
    signIn("ivo", PASSWORD, enrolled);

    // an administrator's own: refused, with a message; another administrator may
    MockHttpServletResponse own =
        mvc.perform(
                post("/admin/users/root-a/second-factor")
                    .with(csrf())
                    .with(authentication(TestWorkspace.signedIn(a))))
            .andReturn()
            .getResponse();
    assertThat(own.getStatus()).isEqualTo(400);
    assertThat(own.getContentAsString()).contains("cannot reset your own second factor");
    assertThat(
            mvc.perform(
                    post("/admin/users/root-a/second-factor")
                        .with(csrf())
                        .with(authentication(TestWorkspace.signedIn(b))))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/admin/users?reset");
  }
}
