package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;

/**
 * An administrator's one-time password signs in until 72 hours after the reset and not from then
 * on: refused with a message that asks for a new reset, counted as a failed sign-in. The reset is
 * made by a service on a fixed clock; the sign-in is checked a second either side of the limit, and
 * through the sign-in page (whose clock is now) for resets 71 and 73 hours ago. Each expired
 * attempt is an audit entry of its own.
 */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class})
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class OneTimePasswordExpiryTest {

  static final String PASSWORD = "a long synthetic password";
  static final Instant RESET = Instant.parse("2026-03-02T09:00:00Z");

  @Autowired MockMvc mvc;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;

  long n;

  @BeforeEach
  void unlocked() {
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
    n = System.nanoTime();
  }

  /** A new account whose password an administrator reset at {@code at}: its one-time password. */
  private String resetAt(String login, Instant at) {
    accounts.create(login, Role.ANALYST, PASSWORD.toCharArray(), null, "en", null);
    Account a = session.accounts().byLogin(login).orElseThrow();
    return new AccountService(session, Clock.fixed(at, ZoneOffset.UTC))
        .resetPassword(a, "expiry-admin", true)
        .oneTimePassword();
  }

  @Test
  void theOneTimePasswordSignsInUntil72HoursAfterTheResetAndNotFromThen() {
    assertThat(AccountService.ONE_TIME_PASSWORD_VALID_FOR).isEqualTo(Duration.ofHours(72));
    String login = "expiry-u-" + n;
    String oneTime = resetAt(login, RESET);
    Instant limit = RESET.plus(Duration.ofHours(72));

    assertThat(
            accounts.checkPassword(login, oneTime.toCharArray(), limit.minusSeconds(1)).outcome())
        .as("a second before 72 hours")
        .isEqualTo(AccountService.PasswordOutcome.OK);
    int failuresBefore = session.accounts().byLogin(login).orElseThrow().failedAttempts();
    assertThat(accounts.checkPassword(login, oneTime.toCharArray(), limit).outcome())
        .as("at 72 hours")
        .isEqualTo(AccountService.PasswordOutcome.EXPIRED);
    assertThat(accounts.checkPassword(login, oneTime.toCharArray(), limit.plusSeconds(1)).outcome())
        .isEqualTo(AccountService.PasswordOutcome.EXPIRED);
    assertThat(session.accounts().byLogin(login).orElseThrow().failedAttempts())
        .as("each expired attempt counts as a failed sign-in")
        .isEqualTo(failuresBefore + 2);
    assertThat(session.protection().audit().entries())
        .as("each expired attempt is audited, not only the lock")
        .filteredOn(
            e ->
                e.action().equals("sign-in-expired-password")
                    && e.subject().equals("account " + login))
        .hasSize(2);
    // a wrong password says only that the sign-in failed, expired or not
    assertThat(accounts.checkPassword(login, "not it at all".toCharArray(), limit).outcome())
        .isEqualTo(AccountService.PasswordOutcome.FAILED);
  }

  @Test
  void theSignInPageRefusesAnExpiredOneTimePasswordAndAsksForANewReset() throws Exception {
    Instant now = Instant.now();
    String fresh = "expiry-fresh-" + n;
    String freshOneTime = resetAt(fresh, now.minus(Duration.ofHours(71)));
    MockHttpServletResponse r = signIn(fresh, freshOneTime, "en");
    assertThat(r.getRedirectedUrl()).as("71 hours after the reset").isNotNull();

    String old = "expiry-old-" + n;
    String oldOneTime = resetAt(old, now.minus(Duration.ofHours(73)));
    r = signIn(old, oldOneTime, "en");
    assertThat(r.getStatus()).as("73 hours after the reset").isEqualTo(401);
    assertThat(r.getContentAsString())
        .contains("one-time password has expired")
        .contains("Ask an administrator");
    assertThat(signIn(old, oldOneTime, "ko").getContentAsString()).contains("관리자에게");
    assertThat(signIn(old, oldOneTime, "zh").getContentAsString()).contains("请联系管理员");
    assertThat(session.accounts().byLogin(old).orElseThrow().failedAttempts()).isEqualTo(3);
  }

  private MockHttpServletResponse signIn(String login, String password, String language)
      throws Exception {
    return mvc.perform(
            post("/login")
                .with(csrf())
                .header("Accept-Language", language)
                // an address of its own: its failures count towards its throttle, not the other
                // tests' (they sign in from 127.0.0.1 in the same application context)
                .with(
                    r -> {
                      r.setRemoteAddr("192.0.2.72");
                      return r;
                    })
                .param("login", login)
                .param("password", password))
        .andReturn()
        .getResponse();
  }
}
