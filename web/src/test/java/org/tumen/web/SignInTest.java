package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.tumen.store.access.Account;
import org.tumen.store.access.Role;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;
import org.tumen.web.account.Totp;
import org.tumen.web.security.SecurityConfig;

/**
 * The refusals of sign-in through the real controllers: a wrong code, a replayed code, an expired
 * session, a missing CSRF token, repeated failures; and the headers every page carries.
 */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class})
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class SignInTest {

  static final String PASSWORD = "a long synthetic password";

  @Autowired MockMvc mvc;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;

  private final Totp totp = new Totp(Clock.systemUTC());

  /** The time step whose code the last enrolment used. */
  private long enrolStep;

  /** A new account (the workspace unlocked for its creation); returns its TOTP secret. */
  private byte[] create(String login, Role role, String language) {
    unlocked();
    AccountService.Created c =
        accounts.create(login, role, PASSWORD.toCharArray(), null, language, null);
    return new Base32().decode(c.secretBase32());
  }

  private void unlocked() {
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
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

  /** Enrols {@code login}: password, then the current code; returns the recovery codes page. */
  private String enrol(MockHttpSession s, String login, byte[] secret) throws Exception {
    assertThat(password(s, login, PASSWORD).getRedirectedUrl()).isEqualTo("/login/enrol");
    String page =
        mvc.perform(get("/login/enrol").session(s)).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("<svg").contains(Totp.base32(secret));
    enrolStep = totp.currentStep();
    MockHttpServletResponse r = code(s, "/login/enrol", totp.code(secret, enrolStep));
    assertThat(r.getStatus()).isEqualTo(200);
    return r.getContentAsString();
  }

  @Test
  void enrolmentThenSignInWithTotpAndAReplayedCodeIsRefused() throws Exception {
    byte[] secret = create("alice", Role.REVIEWER, "en");
    MockHttpSession s = new MockHttpSession();
    String recovery = enrol(s, "alice", secret);
    assertThat(recovery).contains("recovery codes");
    assertThat(s.getMaxInactiveInterval()).isEqualTo(900);
    assertThat(mvc.perform(get("/").session(s)).andReturn().getResponse().getContentAsString())
        .contains("Signed in as alice");

    // The code of the step just used, again: refused, even with the right password.
    MockHttpSession again = new MockHttpSession();
    assertThat(password(again, "alice", PASSWORD).getRedirectedUrl()).isEqualTo("/login/code");
    MockHttpServletResponse replay = code(again, "/login/code", totp.code(secret, enrolStep));
    assertThat(replay.getStatus()).isEqualTo(401);
    assertThat(replay.getContentAsString()).contains("already used");
    MockHttpServletResponse wrong =
        code(
            again,
            "/login/code",
            "000000".equals(totp.code(secret, totp.currentStep() + 1)) ? "111111" : "000000");
    assertThat(wrong.getStatus()).isEqualTo(401);
    assertThat(wrong.getContentAsString()).contains("not right");
    assertThat(mvc.perform(get("/").session(again)).andReturn().getResponse().getRedirectedUrl())
        .endsWith("/login");
    // The next step's code (clock drift of one step is allowed) signs in.
    MockHttpServletResponse next = code(again, "/login/code", totp.code(secret, enrolStep + 1));
    assertThat(next.getRedirectedUrl()).isEqualTo("/");
  }

  @Test
  void aRecoveryCodeSignsInOnce() throws Exception {
    byte[] secret = create("bora", Role.EDITOR, "ko");
    String page = enrol(new MockHttpSession(), "bora", secret);
    Matcher m = Pattern.compile("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}").matcher(page);
    assertThat(m.find()).isTrue();
    String rc = m.group();
    MockHttpSession s = new MockHttpSession();
    password(s, "bora", PASSWORD);
    assertThat(code(s, "/login/code", rc).getRedirectedUrl()).isEqualTo("/account?recoveryUsed");
    MockHttpSession t = new MockHttpSession();
    password(t, "bora", PASSWORD);
    assertThat(code(t, "/login/code", rc).getStatus()).isEqualTo(401);
  }

  @Test
  void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() throws Exception {
    create("carol", Role.VIEWER, "zh");
    for (int i = 0; i < 4; i++) {
      MockHttpServletResponse r = password(new MockHttpSession(), "carol", "wrong password " + i);
      assertThat(r.getStatus()).isEqualTo(401);
      assertThat(r.getContentAsString()).contains("Sign-in failed");
    }
    assertThat(password(new MockHttpSession(), "carol", "wrong again").getContentAsString())
        .contains("locked for 15 minutes");
    MockHttpServletResponse right = password(new MockHttpSession(), "carol", PASSWORD);
    assertThat(right.getStatus()).isEqualTo(401);
    assertThat(right.getContentAsString()).contains("locked for 15 minutes");
    // An unknown login says the same as a wrong password.
    assertThat(password(new MockHttpSession(), "nobody-here", PASSWORD).getContentAsString())
        .contains("Sign-in failed");
  }

  @Test
  void formsWithoutTheCsrfTokenAreRefused() throws Exception {
    create("dan", Role.ADMINISTRATOR, "en");
    Account dan = session.accounts().byLogin("dan").orElseThrow();
    assertThat(
            mvc.perform(post("/login").param("login", "dan").param("password", PASSWORD))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            mvc.perform(post("/admin/lock").with(authentication(TestWorkspace.signedIn(dan))))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(session.isUnlocked()).isTrue();
    assertThat(
            mvc.perform(
                    post("/admin/lock")
                        .with(csrf().useInvalidToken())
                        .with(authentication(TestWorkspace.signedIn(dan))))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }

  @Test
  void anExpiredOrSignedOutSessionIsSentToSignIn() throws Exception {
    byte[] secret = create("erin", Role.ANALYST, "en");
    MockHttpSession s = new MockHttpSession();
    enrol(s, "erin", secret);
    assertThat(mvc.perform(get("/account").session(s)).andReturn().getResponse().getStatus())
        .isEqualTo(200);
    s.invalidate();
    MockHttpSession after = new MockHttpSession();
    assertThat(
            mvc.perform(get("/account").session(after))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .endsWith("/login");
    // A pending sign-in (password only) is no sign-in.
    MockHttpSession half = new MockHttpSession();
    password(half, "erin", PASSWORD);
    assertThat(mvc.perform(get("/").session(half)).andReturn().getResponse().getRedirectedUrl())
        .endsWith("/login");
  }

  @Test
  void everyPageCarriesTheSecurityHeadersAndHstsOnlyOverTls() throws Exception {
    MockHttpServletResponse r = mvc.perform(get("/login")).andReturn().getResponse();
    assertThat(r.getHeader("Content-Security-Policy")).isEqualTo(SecurityConfig.CSP);
    assertThat(r.getHeader("Content-Security-Policy")).doesNotContain("unsafe-inline");
    assertThat(r.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(r.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.getHeader("Strict-Transport-Security")).isNull();
    assertThat(r.getContentAsString()).doesNotContain("<script").doesNotContain("style=");
    MockHttpServletResponse tls = mvc.perform(get("/login").secure(true)).andReturn().getResponse();
    assertThat(tls.getHeader("Strict-Transport-Security")).contains("max-age=31536000");
  }

  @Test
  void scriptInDisplayNamesInEveryScriptIsShownAsText() throws Exception {
    create("frank", Role.ADMINISTRATOR, "en");
    String[] payloads = {
      "<script>alert('x')</script>",
      "\"><img src=x onerror=alert('리영철')>",
      "<svg/onload=alert('李英哲')>",
      "김철수<iframe src=javascript:alert(1)>",
      "王小明</td><script>alert(2)</script>"
    };
    for (int i = 0; i < payloads.length; i++) {
      accounts.create(
          "xss-" + i, Role.VIEWER, PASSWORD.toCharArray(), payloads[i], "en", payloads[i]);
    }
    Account frank = session.accounts().byLogin("frank").orElseThrow();
    String page =
        mvc.perform(get("/admin/users").with(authentication(TestWorkspace.signedIn(frank))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x")
        .doesNotContain("<svg/onload")
        .doesNotContain("<iframe")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("리영철")
        .contains("李英哲");
  }

  @Test
  void theAccountsLanguageIsUsed() throws Exception {
    byte[] secret = create("gyu", Role.VIEWER, "ko");
    MockHttpSession s = new MockHttpSession();
    enrol(s, "gyu", secret);
    assertThat(mvc.perform(get("/").session(s)).andReturn().getResponse().getContentAsString())
        .contains("gyu(열람자)(으)로 로그인했습니다");
    mvc.perform(post("/account/language").session(s).with(csrf()).param("language", "zh"));
    assertThat(mvc.perform(get("/").session(s)).andReturn().getResponse().getContentAsString())
        .contains("已以 gyu（查看者）身份登录");
  }
}
