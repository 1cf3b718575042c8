package org.tumen.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
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
import org.tumen.web.account.SignedIn;

/** The start page and the account's own settings (its language, its password). */
@Controller
public class HomeController {

  private final WorkspaceSession session;
  private final AccountService accounts;
  private final Clock clock;
  private final SecurityContextRepository contexts;

  public HomeController(
      WorkspaceSession session,
      AccountService accounts,
      Clock clock,
      SecurityContextRepository contexts) {
    this.session = session;
    this.accounts = accounts;
    this.clock = clock;
    this.contexts = contexts;
  }

  @GetMapping("/")
  public String home() {
    return "home";
  }

  @GetMapping("/account")
  public String account() {
    return "account";
  }

  @PostMapping("/account/language")
  public String language(@RequestParam(defaultValue = "") String language, HttpServletRequest req) {
    if (!AccountService.LANGUAGES.contains(language)) {
      return "redirect:/account?bad";
    }
    session.accounts().setLanguage(PageModel.current().accountId(), language);
    req.getSession().setAttribute(WebConfig.LANGUAGE, language);
    return "redirect:/account";
  }

  /**
   * A new password: the current one, a code from the authenticator app, and the new one twice.
   * Works while the workspace is locked (the audit entry then waits for the next unlock).
   */
  @PostMapping("/account/password")
  public String password(
      @RequestParam(defaultValue = "") String current,
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String repeat,
      HttpServletRequest req,
      HttpServletResponse res,
      Model model) {
    char[] cur = current.toCharArray();
    char[] next = password.toCharArray();
    try {
      if (!password.equals(repeat)) {
        return refused(res, model, 400, "account.password.error.repeat");
      }
      AccountService.Change c =
          accounts.changePassword(
              PageModel.current().accountId(), cur, code, next, clock.instant());
      return switch (c.outcome()) {
        case OK -> {
          // this session takes the new password's stamp (every other one of the account ends)
          // and a new id, as at sign-in
          Account a = session.accounts().byId(PageModel.current().accountId()).orElseThrow();
          SecurityContext ctx = SecurityContextHolder.createEmptyContext();
          ctx.setAuthentication(
              UsernamePasswordAuthenticationToken.authenticated(
                  SignedIn.of(a),
                  null,
                  List.of(new SimpleGrantedAuthority("ROLE_" + a.role().name()))));
          SecurityContextHolder.setContext(ctx);
          req.changeSessionId();
          contexts.saveContext(ctx, req, res);
          yield "redirect:/account?passwordChanged";
        }
        case WEAK -> refused(res, model, 400, "account.password.weak." + c.weakness());
        case WRONG_PASSWORD -> refused(res, model, 400, "account.password.error.current");
        case REPLAYED -> refused(res, model, 400, "signin.code.replayed");
        case LOCKED -> refused(res, model, 400, "signin.locked");
        case WRONG_CODE -> refused(res, model, 400, "account.password.error.code");
      };
    } finally {
      Arrays.fill(cur, ' ');
      Arrays.fill(next, ' ');
    }
  }

  private static String refused(HttpServletResponse res, Model model, int status, String key) {
    res.setStatus(status);
    model.addAttribute("passwordError", key);
    return "account";
  }
}
