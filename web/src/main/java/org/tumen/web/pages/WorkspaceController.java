package org.tumen.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tumen.model.BadInputException;
import org.tumen.store.session.WorkspaceSession;

/** Lock and unlock: the workspace passphrase, typed by an administrator, never stored. */
@Controller
public class WorkspaceController {

  private final WorkspaceSession session;

  public WorkspaceController(WorkspaceSession session) {
    this.session = session;
  }

  @GetMapping("/admin/workspace")
  public String page() {
    return "workspace";
  }

  @PostMapping("/admin/unlock")
  public String unlock(
      @RequestParam(defaultValue = "") String passphrase,
      HttpServletResponse response,
      Model model) {
    char[] p = passphrase.toCharArray();
    try {
      if (p.length == 0) {
        throw new BadInputException("passphrase", "empty");
      }
      session.unlock(p);
    } catch (BadInputException e) {
      response.setStatus(400);
      model.addAttribute("error", "workspace.unlock.failed");
      model.addAttribute("unlocked", session.isUnlocked());
      return "workspace";
    } finally {
      WorkspaceSession.wipe(p);
    }
    return "redirect:/admin/workspace";
  }

  @PostMapping("/admin/lock")
  public String lock() {
    session.lock();
    return "redirect:/admin/workspace";
  }
}
