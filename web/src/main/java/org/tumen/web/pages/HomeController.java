package org.tumen.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.WebConfig;
import org.tumen.web.account.AccountService;

/** The start page and the account's own settings (its language, its password). */
@Controller
public class HomeController {

  private final WorkspaceSession session;
  private final AccountService accounts;
  private final Clock clock;

  public HomeController(WorkspaceSession session, AccountService accounts, Clock clock) {
    this.session = session;
    this.accounts = accounts;
    this.clock = clock;
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
          // a new session id, as at sign-in
          req.changeSessionId();
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
