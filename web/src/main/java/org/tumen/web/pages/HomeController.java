package org.tumen.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.WebConfig;
import org.tumen.web.account.AccountService;

/** The start page and the account's own settings (its language). */
@Controller
public class HomeController {

  private final WorkspaceSession session;

  public HomeController(WorkspaceSession session) {
    this.session = session;
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
}
