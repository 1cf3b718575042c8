package org.tumen.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tumen.model.BadInputException;
import org.tumen.store.access.Account;
import org.tumen.store.access.Role;
import org.tumen.store.protect.Actor;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;

/**
 * Accounts: list, create (with a first password the person changes by enrolling their own second
 * factor), change a role, disable. Display names are sealed; each shown is an audit entry.
 */
@Controller
public class UsersController {

  private final WorkspaceSession session;
  private final AccountService accounts;

  public UsersController(WorkspaceSession session, AccountService accounts) {
    this.session = session;
    this.accounts = accounts;
  }

  /** One row of the accounts table. */
  public record Row(Account account, String displayName) {}

  @GetMapping("/admin/users")
  public String list(Model model) {
    List<Row> rows = new ArrayList<>();
    for (Account a : session.accounts().all()) {
      String name =
          a.displaySealed() == null
              ? ""
              : session.show(
                  "account",
                  a.id(),
                  List.of("display_name"),
                  "web: administration of accounts",
                  () -> accounts.displayName(a).orElse(""));
      rows.add(new Row(a, name));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("roles", Role.values());
    return "users";
  }

  @PostMapping("/admin/users")
  public String add(
      @RequestParam(defaultValue = "") String login,
      @RequestParam(defaultValue = "") String role,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "en") String language,
      @RequestParam(defaultValue = "") String interviewerCode,
      HttpServletResponse response,
      Model model) {
    char[] pw = password.toCharArray();
    try {
      Role r = Role.parse(role).orElseThrow(() -> new BadInputException("role", "unknown role"));
      accounts.create(login, r, pw, displayName, language, interviewerCode);
    } catch (BadInputException e) {
      response.setStatus(400);
      model.addAttribute("error", "users.error." + fieldOf(e));
      model.addAttribute("form", new Form(login, role, displayName, language, interviewerCode));
      return list(model);
    } finally {
      java.util.Arrays.fill(pw, ' ');
    }
    return "redirect:/admin/users?added";
  }

  /** What was typed, given back with the error (never the password). */
  public record Form(
      String login, String role, String displayName, String language, String interviewerCode) {}

  private static String fieldOf(BadInputException e) {
    return switch (e.where()) {
      case "login", "password", "role", "language" -> e.where();
      default -> "other";
    };
  }

  @PostMapping("/admin/users/{login}/role")
  public String role(@PathVariable String login, @RequestParam(defaultValue = "") String role) {
    Account a = session.accounts().byLogin(login).orElse(null);
    Role r = Role.parse(role).orElse(null);
    if (a == null || r == null) {
      return "redirect:/admin/users?bad";
    }
    session.accounts().setRole(a.id(), r);
    session
        .protection()
        .audit()
        .append(Actor.current(), "account-role", "account " + a.login(), "role=" + r.code());
    return "redirect:/admin/users";
  }

  /**
   * Resets an account's second factor (a lost phone): it enrols again at its next sign-in. Not an
   * administrator's own (docs/web.md, "Resetting a second factor").
   */
  @PostMapping("/admin/users/{login}/second-factor")
  public String resetSecondFactor(
      @PathVariable String login, HttpServletResponse response, Model model) {
    Account a = session.accounts().byLogin(login).orElse(null);
    if (a == null) {
      return "redirect:/admin/users?bad";
    }
    try {
      accounts.resetSecondFactor(a, PageModel.current().login());
    } catch (BadInputException e) {
      response.setStatus(400);
      model.addAttribute("error", "users.error.resetOwn");
      return list(model);
    }
    return "redirect:/admin/users?reset";
  }

  /**
   * Resets a forgotten password: a one-time password, shown once on this page (never in an
   * address), that the account must change at its next sign-in; its second factor stays when its
   * escrowed copy exists (docs/web.md, "webfeat"). Not an administrator's own.
   */
  @PostMapping("/admin/users/{login}/password")
  public String resetPassword(
      @PathVariable String login, HttpServletResponse response, Model model) {
    Account a = session.accounts().byLogin(login).orElse(null);
    if (a == null) {
      return "redirect:/admin/users?bad";
    }
    try {
      model.addAttribute(
          "passwordReset", accounts.resetPassword(a, PageModel.current().login(), false));
    } catch (BadInputException e) {
      response.setStatus(400);
      model.addAttribute("error", "users.error.resetOwnPassword");
    }
    return list(model);
  }

  @PostMapping("/admin/users/{login}/disabled")
  public String disabled(
      @PathVariable String login, @RequestParam(defaultValue = "true") boolean disabled) {
    Account a = session.accounts().byLogin(login).orElse(null);
    if (a == null) {
      return "redirect:/admin/users?bad";
    }
    session.accounts().setDisabled(a.id(), disabled);
    session
        .protection()
        .audit()
        .append(
            Actor.current(),
            disabled ? "account-disable" : "account-enable",
            "account " + a.login(),
            "");
    return "redirect:/admin/users";
  }
}
