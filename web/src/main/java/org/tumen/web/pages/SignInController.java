package org.tumen.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tumen.store.access.Account;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.WebConfig;
import org.tumen.web.account.AccountService;
import org.tumen.web.account.PendingSignIn;
import org.tumen.web.account.SignedIn;
import org.tumen.web.security.LoginThrottle;

/**
 * Sign-in in two steps: the password (which also derives the key that opens the account's TOTP
 * secret), then a code from the authenticator app or a recovery code. An account that has not yet
 * confirmed a code enrols first (QR code, then recovery codes shown once).
 */
@Controller
public class SignInController {

  private final AccountService accounts;
  private final WorkspaceSession session;
  private final SecurityContextRepository contexts;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final int timeoutSeconds;

  public SignInController(
      AccountService accounts,
      WorkspaceSession session,
      SecurityContextRepository contexts,
      LoginThrottle throttle,
      Clock clock,
      @Value("${tumen.session-timeout:900}") int timeoutSeconds) {
    this.accounts = accounts;
    this.session = session;
    this.contexts = contexts;
    this.throttle = throttle;
    this.clock = clock;
    this.timeoutSeconds = timeoutSeconds;
  }

  @GetMapping("/login")
  public String form() {
    return "login";
  }

  @PostMapping("/login")
  public String password(
      @RequestParam(defaultValue = "") String login,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    dropPending(request);
    if (throttle.refuses(request.getRemoteAddr())) {
      response.setStatus(429);
      model.addAttribute("error", "signin.throttled");
      return "login";
    }
    char[] pw = password.toCharArray();
    AccountService.PasswordResult r;
    try {
      r = accounts.checkPassword(login, pw, clock.instant());
    } finally {
      java.util.Arrays.fill(pw, ' ');
    }
    if (r.outcome() != AccountService.PasswordOutcome.OK) {
      throttle.failed(request.getRemoteAddr());
      response.setStatus(401);
      model.addAttribute(
          "error",
          switch (r.outcome()) {
            case LOCKED -> "signin.locked";
            case EXPIRED -> "signin.expired";
            default -> "signin.failed";
          });
      return "login";
    }
    // A new session id before anything is stored in it (session fixation).
    request.getSession(true);
    request.changeSessionId();
    request.getSession().setAttribute(PendingSignIn.ATTRIBUTE, r.pending());
    return r.pending().enrolled() ? "redirect:/login/code" : "redirect:/login/enrol";
  }

  @GetMapping("/login/code")
  public String codeForm(HttpServletRequest request) {
    return pending(request).isPresent() ? "login-code" : "redirect:/login";
  }

  @PostMapping("/login/code")
  public String code(
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<PendingSignIn> p = pending(request);
    if (p.isEmpty()) {
      return "redirect:/login";
    }
    AccountService.CodeOutcome o = accounts.secondFactor(p.get(), code, clock.instant());
    switch (o) {
      case OK, OK_RECOVERY -> {
        if (mustChange(p.get())) {
          return toNewPassword(p.get(), request);
        }
        complete(
            p.get(),
            o == AccountService.CodeOutcome.OK ? "factor=totp" : "factor=recovery-code",
            request,
            response);
        return o == AccountService.CodeOutcome.OK_RECOVERY
            ? "redirect:/account?recoveryUsed"
            : "redirect:/";
      }
      case LOCKED -> {
        dropPending(request);
        throttle.failed(request.getRemoteAddr());
        response.setStatus(401);
        model.addAttribute("error", "signin.locked");
        return "login";
      }
      default -> {
        throttle.failed(request.getRemoteAddr());
        response.setStatus(401);
        model.addAttribute(
            "error",
            o == AccountService.CodeOutcome.REPLAYED
                ? "signin.code.replayed"
                : "signin.code.wrong");
        return "login-code";
      }
    }
  }

  @GetMapping("/login/enrol")
  public String enrolForm(HttpServletRequest request, Model model) {
    Optional<PendingSignIn> p = pending(request);
    if (p.isEmpty()) {
      return "redirect:/login";
    }
    Optional<AccountService.Enrolment> e = accounts.enrolment(p.get());
    if (e.isEmpty()) {
      return "redirect:/login/code";
    }
    model.addAttribute("enrolment", e.get());
    return "login-enrol";
  }

  @PostMapping("/login/enrol")
  public String enrol(
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<PendingSignIn> p = pending(request);
    if (p.isEmpty()) {
      return "redirect:/login";
    }
    Optional<List<String>> codes = accounts.confirmEnrolment(p.get(), code, clock.instant());
    if (codes.isEmpty()) {
      throttle.failed(request.getRemoteAddr());
      response.setStatus(401);
      model.addAttribute("error", "signin.code.wrong");
      accounts.enrolment(p.get()).ifPresent(e -> model.addAttribute("enrolment", e));
      return model.containsAttribute("enrolment") ? "login-enrol" : "login";
    }
    if (mustChange(p.get())) {
      // the recovery codes come after the new password (they are sealed under it)
      return toNewPassword(p.get(), request);
    }
    complete(p.get(), "factor=totp enrolled", request, response);
    model.addAttribute("codes", codes.get());
    model.addAttribute("me", PageModel.current());
    return "login-recovery";
  }

  /** Whether the account signs in with a one-time password that an administrator set. */
  private boolean mustChange(PendingSignIn p) {
    return accounts.accounts().byId(p.accountId()).map(a -> a.mustChangePassword()).orElse(false);
  }

  /**
   * The second factor passed, but the password is a one-time password: the sign-in is not complete
   * until a new one is chosen. The pending sign-in (its key opens the TOTP secret, for resealing)
   * moves to an attribute of its own, so that the code step cannot be skipped to reach it.
   */
  private String toNewPassword(PendingSignIn p, HttpServletRequest request) {
    HttpSession s = request.getSession();
    s.removeAttribute(PendingSignIn.ATTRIBUTE);
    request.changeSessionId();
    request.getSession().setAttribute(NEW_PASSWORD, p);
    return "redirect:/login/new-password";
  }

  /**
   * The session attribute of a sign-in whose second factor passed and whose password must change.
   */
  static final String NEW_PASSWORD = "tumen.newPassword";

  @GetMapping("/login/new-password")
  public String newPasswordForm(HttpServletRequest request) {
    return changing(request).isPresent() ? "login-new-password" : "redirect:/login";
  }

  @PostMapping("/login/new-password")
  public String newPassword(
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String repeat,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<PendingSignIn> p = changing(request);
    if (p.isEmpty()) {
      return "redirect:/login";
    }
    if (!password.equals(repeat)) {
      response.setStatus(400);
      model.addAttribute("error", "account.password.error.repeat");
      return "login-new-password";
    }
    char[] next = password.toCharArray();
    AccountService.ForcedChange c;
    try {
      c = accounts.changeOneTimePassword(p.get(), next);
    } finally {
      java.util.Arrays.fill(next, ' ');
    }
    if (!c.ok()) {
      response.setStatus(400);
      model.addAttribute("error", "account.password.weak." + c.weakness());
      return "login-new-password";
    }
    request.getSession().removeAttribute(NEW_PASSWORD);
    complete(p.get(), "factor=totp password-reset", request, response);
    p.get().wipe();
    model.addAttribute("codes", c.recoveryCodes());
    model.addAttribute("me", PageModel.current());
    return "login-recovery";
  }

  private Optional<PendingSignIn> changing(HttpServletRequest request) {
    HttpSession s = request.getSession(false);
    if (s == null || !(s.getAttribute(NEW_PASSWORD) instanceof PendingSignIn p)) {
      return Optional.empty();
    }
    if (p.expiredAt(clock.instant())) {
      p.wipe();
      s.removeAttribute(NEW_PASSWORD);
      return Optional.empty();
    }
    return Optional.of(p);
  }

  private void complete(
      PendingSignIn p, String how, HttpServletRequest request, HttpServletResponse response) {
    dropPending(request);
    Account a = accounts.accounts().byId(p.accountId()).orElseThrow();
    SignedIn me = SignedIn.of(a);
    UsernamePasswordAuthenticationToken auth =
        UsernamePasswordAuthenticationToken.authenticated(
            me, null, List.of(new SimpleGrantedAuthority("ROLE_" + a.role().name())));
    request.changeSessionId();
    HttpSession s = request.getSession();
    s.setMaxInactiveInterval(timeoutSeconds);
    s.setAttribute(WebConfig.LANGUAGE, a.language());
    SecurityContext ctx = SecurityContextHolder.createEmptyContext();
    ctx.setAuthentication(auth);
    SecurityContextHolder.setContext(ctx);
    contexts.saveContext(ctx, request, response);
    // audited while unlocked; while locked the entry waits, MAC-chained, for the next unlock
    session.audit(me.actor(), "sign-in", "account " + a.login(), how);
  }

  private Optional<PendingSignIn> pending(HttpServletRequest request) {
    HttpSession s = request.getSession(false);
    if (s == null || !(s.getAttribute(PendingSignIn.ATTRIBUTE) instanceof PendingSignIn p)) {
      return Optional.empty();
    }
    if (p.expiredAt(clock.instant())) {
      dropPending(request);
      return Optional.empty();
    }
    return Optional.of(p);
  }

  private static void dropPending(HttpServletRequest request) {
    HttpSession s = request.getSession(false);
    if (s != null && s.getAttribute(PendingSignIn.ATTRIBUTE) instanceof PendingSignIn p) {
      p.wipe();
      s.removeAttribute(PendingSignIn.ATTRIBUTE);
    }
    if (s != null && s.getAttribute(NEW_PASSWORD) instanceof PendingSignIn p) {
      p.wipe();
      s.removeAttribute(NEW_PASSWORD);
    }
  }
}
