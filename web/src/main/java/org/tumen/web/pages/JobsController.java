package org.tumen.web.pages;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.tumen.store.access.Role;
import org.tumen.store.jobs.JobStatus;
import org.tumen.store.jobs.Jobs;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.SignedIn;

/**
 * Cancelling a background job (a linkage, an estimate): its owner from the job's page, or an
 * administrator from the Workspace page (any job: a job that holds the only worker stops everyone
 * else's). A queued job never starts; a running one stops at the engine's next progress step.
 * Someone else's job answers 404, the same as none, as its page does. Each cancel is audited
 * (queued while the workspace is locked).
 */
@Controller
public class JobsController {

  private final Jobs jobs;
  private final WorkspaceSession session;

  public JobsController(Jobs jobs, WorkspaceSession session) {
    this.jobs = jobs;
    this.session = session;
  }

  @PostMapping("/jobs/{id}/cancel")
  public String cancel(@PathVariable String id) {
    SignedIn me = PageModel.current();
    // the role as stored now, not as at sign-in
    boolean admin =
        session
            .accounts()
            .byId(me.accountId())
            .map(a -> a.role() == Role.ADMINISTRATOR)
            .orElse(false);
    JobStatus s =
        jobs.status(id)
            .filter(j -> admin || j.owner().equals(me.actor()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (jobs.cancel(id)) {
      session.audit(me.actor(), "job-cancel", "job " + s.title(), "owner=" + s.owner());
    }
    return admin && !s.owner().equals(me.actor())
        ? "redirect:/admin/workspace?cancelled"
        : "redirect:/jobs/" + id;
  }

  /** The title of a job in the user's language, as a message key. */
  public static String titleKey(JobStatus s) {
    return s.title().equals(LinkageController.TITLE) ? "job.title.linkage" : "job.title";
  }
}
