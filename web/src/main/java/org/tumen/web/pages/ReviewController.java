package org.tumen.web.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.tumen.store.review.Decision;
import org.tumen.store.review.PairRef;
import org.tumen.store.review.QueuedPair;
import org.tumen.store.review.ReviewQueue;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.SignedIn;

/**
 * Linkage review (docs/linkage.md, "Review in the workspace"): the next pair of the queue that
 * involves a list, with each field side by side and its evidence, and the reviewer's decision —
 * same, different, not sure — which the next linkage obeys. A reviewer sees only pairs whose two
 * lists are both shared with them; opening a pair is audited first.
 */
@Controller
public class ReviewController {

  /** What the page shows of a pair: both sides' values and their comparison (sealed columns). */
  private static final List<String> SHOWN = List.of("values_a", "values_b", "comparison");

  private final WorkspaceSession session;

  public ReviewController(WorkspaceSession session) {
    this.session = session;
  }

  /** The pairs of the queue that involve {@code list} and lie wholly within the user's lists. */
  private Predicate<PairRef> visible(String list) {
    SignedIn me = PageModel.current();
    Set<String> lists = session.access().visibleLists(me.accountId());
    return p ->
        (p.sourceA().equals(list) || p.sourceB().equals(list))
            && lists.contains(p.sourceA())
            && lists.contains(p.sourceB());
  }

  @GetMapping("/lists/{list}/review")
  public String next(@PathVariable String list, Model model) {
    ReviewQueue queue = session.workspace().review();
    Predicate<PairRef> mine = visible(list);
    // shown like any identity: the account, the pair and the sealed fields, before anything opens
    Optional<QueuedPair> pair =
        queue
            .nextId(mine)
            .flatMap(
                id ->
                    queue.open(
                        id,
                        () ->
                            session
                                .protection()
                                .reads()
                                .beforeShowing(
                                    "review_pair", id, SHOWN, "web: review a linkage pair")));
    model.addAttribute("list", list);
    model.addAttribute("status", queue.status(mine));
    model.addAttribute("pair", pair.orElse(null));
    return "review";
  }

  @PostMapping("/lists/{list}/review/{id}")
  public String decide(
      @PathVariable String list,
      @PathVariable long id,
      @RequestParam(name = "decision", required = false) String decision) {
    ReviewQueue queue = session.workspace().review();
    // the same answer for a pair that does not exist and one the user may not see
    PairRef pair =
        queue
            .pair(id)
            .filter(visible(list))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Decision d =
        Decision.parse(decision == null ? "" : decision)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
    queue.decide(pair, d, PageModel.current().actor());
    return "redirect:/lists/" + URLEncoder.encode(list, StandardCharsets.UTF_8) + "/review";
  }
}
