package org.tumen.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tumen.model.BadInputException;
import org.tumen.store.access.Account;
import org.tumen.store.access.CaseKind;
import org.tumen.store.protect.Actor;
import org.tumen.store.session.WorkspaceSession;

/** Need-to-know grants: which account sees which source, list or case file. Each change audited. */
@Controller
public class AccessController {

  private final WorkspaceSession session;

  public AccessController(WorkspaceSession session) {
    this.session = session;
  }

  @GetMapping("/admin/access")
  public String page(Model model) {
    model.addAttribute("grants", session.access().all());
    model.addAttribute("accounts", session.accounts().all());
    model.addAttribute("kinds", CaseKind.values());
    return "access";
  }

  @PostMapping("/admin/access")
  public String grant(
      @RequestParam(defaultValue = "") String login,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String target,
      HttpServletResponse response,
      Model model) {
    Account a = session.accounts().byLogin(login).orElse(null);
    CaseKind k = CaseKind.parse(kind).orElse(null);
    try {
      if (a == null || k == null) {
        throw new BadInputException("login", "unknown account or kind");
      }
      session.access().grant(a.id(), k, target, PageModel.current().login());
    } catch (BadInputException e) {
      response.setStatus(400);
      model.addAttribute("error", "access.error");
      return page(model);
    }
    session
        .protection()
        .audit()
        .append(Actor.current(), "access-grant", "account " + a.login(), k.code() + "=" + target);
    return "redirect:/admin/access";
  }

  @PostMapping("/admin/access/{id}/revoke")
  public String revoke(@PathVariable long id) {
    if (session.access().revoke(id)) {
      session.protection().audit().append(Actor.current(), "access-revoke", "grant " + id, "");
    }
    return "redirect:/admin/access";
  }

  @PostMapping("/admin/cases")
  public String addToCase(
      @RequestParam(defaultValue = "") String caseName,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String target,
      HttpServletResponse response,
      Model model) {
    CaseKind k = CaseKind.parse(kind).orElse(null);
    try {
      if (k == null) {
        throw new BadInputException("kind", "unknown kind");
      }
      session.access().addToCase(caseName, k, target);
    } catch (BadInputException | IllegalStateException e) {
      response.setStatus(400);
      model.addAttribute("error", "access.error");
      return page(model);
    }
    session
        .protection()
        .audit()
        .append(Actor.current(), "case-add", "case " + caseName, k.code() + "=" + target);
    return "redirect:/admin/access";
  }
}
