package org.tumen.web.pages;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.tumen.store.jobs.Jobs;
import org.tumen.store.linkage.WorkspaceLinkage;
import org.tumen.store.protect.Actor;
import org.tumen.store.review.PairRef;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.SignedIn;

/**
 * Linkage of the lists an account may see, as a background job (store's {@link WorkspaceLinkage}:
 * the reviewers' decisions obeyed as labelled pairs, the clusters saved as a linkage run for the
 * estimate, the uncertain band sealed into the review queue). The page shows the lists, the
 * decisions and the queue; the job's page shows the engine's own progress (records read, blocks
 * compared, pairs scored, clusters formed) and then what the run did. No identity is shown.
 */
@Controller
public class LinkageController {

  /** The title of a linkage job: how the job page tells it from an estimate. */
  static final String TITLE = "linkage of the lists";

  private final WorkspaceSession session;
  private final Jobs jobs;

  public LinkageController(WorkspaceSession session, Jobs jobs) {
    this.session = session;
    this.jobs = jobs;
  }

  @GetMapping("/linkage")
  public String page(Model m) {
    SignedIn me = PageModel.current();
    Set<String> lists = new TreeSet<>(session.access().visibleLists(me.accountId()));
    lists.retainAll(session.workspace().records().lists().stream().map(l -> l.name()).toList());
    m.addAttribute("lists", lists);
    m.addAttribute(
        "decisions",
        session.workspace().review().labels().stream()
            .filter(d -> within(d.pair(), lists))
            .count());
    m.addAttribute("status", session.workspace().review().status(p -> within(p, lists)));
    m.addAttribute("jobs", jobs.of(me.actor()));
    return "linkage";
  }

  private static boolean within(PairRef p, Set<String> lists) {
    return lists.contains(p.sourceA()) && lists.contains(p.sourceB());
  }

  @PostMapping("/linkage")
  public String run() {
    SignedIn me = PageModel.current();
    // the lists as they are now: a grant revoked while the job waits does not widen it
    Set<String> lists = Set.copyOf(session.access().visibleLists(me.accountId()));
    String purpose = "web: linkage of the lists shared with " + me.actor();
    String id =
        jobs.submit(
            me.actor(),
            TITLE,
            ctx -> {
              // the job's thread reads identities: its audit entries name the account too
              try (Actor.Scope as = Actor.as(me.actor())) {
                return WorkspaceLinkage.run(session.workspace(), lists, purpose, ctx);
              }
            });
    return "redirect:/jobs/" + id;
  }
}
