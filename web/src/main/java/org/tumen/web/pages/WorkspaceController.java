package org.tumen.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tumen.model.BadInputException;
import org.tumen.store.jobs.JobStatus;
import org.tumen.store.jobs.Jobs;
import org.tumen.store.session.WorkspaceSession;

/** Lock and unlock: the workspace passphrase, typed by an administrator, never stored. */
@Controller
public class WorkspaceController {

  private final WorkspaceSession session;
  private final Jobs jobs;
  private final SearchIndex index;

  public WorkspaceController(WorkspaceSession session, Jobs jobs, SearchIndex index) {
    this.session = session;
    this.jobs = jobs;
    this.index = index;
  }

  /** A job not over yet, for the administrator's list, with its title as a message key. */
  public record RunningJob(JobStatus job, String titleKey) {}

  @GetMapping("/admin/workspace")
  public String page(Model model) {
    jobsOf(model);
    return "workspace";
  }

  /** Every job still queued or running, whoever started it: an administrator may cancel any. */
  private void jobsOf(Model model) {
    model.addAttribute(
        "running",
        jobs.all().stream()
            .filter(j -> !j.state().over())
            .map(j -> new RunningJob(j, JobsController.titleKey(j)))
            .toList());
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
      // the search index is built in the background from now on, not by the first search
      index.start();
    } catch (BadInputException e) {
      response.setStatus(400);
      model.addAttribute("error", "workspace.unlock.failed");
      model.addAttribute("unlocked", session.isUnlocked());
      jobsOf(model);
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
