package org.tumen.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.tumen.store.access.Role;
import org.tumen.store.session.LockedException;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.SignedIn;

/** What every page's layout needs: who is signed in, and whether the workspace is unlocked. */
@ControllerAdvice
public class PageModel {

  private final WorkspaceSession session;

  public PageModel(WorkspaceSession session) {
    this.session = session;
  }

  /** The signed-in account, or null. */
  @ModelAttribute("me")
  public SignedIn me() {
    return current();
  }

  @ModelAttribute("unlocked")
  public boolean unlocked() {
    return session.isUnlocked();
  }

  @ModelAttribute("isAdmin")
  public boolean isAdmin() {
    SignedIn s = current();
    return s != null && s.role() == Role.ADMINISTRATOR;
  }

  static SignedIn current() {
    Authentication a = SecurityContextHolder.getContext().getAuthentication();
    return a != null && a.getPrincipal() instanceof SignedIn s ? s : null;
  }

  /** A page that needs the keys while the workspace is locked. */
  @ExceptionHandler(LockedException.class)
  @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
  public ModelAndView locked(HttpServletResponse response) {
    // Model attributes of this advice are not applied to exception views: given here.
    ModelAndView mv = new ModelAndView("locked");
    mv.addObject("me", me());
    mv.addObject("unlocked", unlocked());
    mv.addObject("isAdmin", isAdmin());
    return mv;
  }
}
