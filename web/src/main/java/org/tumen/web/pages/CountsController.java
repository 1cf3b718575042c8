package org.tumen.web.pages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.tumen.document.count.CountTable;
import org.tumen.document.count.Counter;
import org.tumen.document.count.Dimension;
import org.tumen.document.count.Period;
import org.tumen.document.count.Unit;
import org.tumen.document.event.EventDeduplicator;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.loglinear.LogLinear;
import org.tumen.model.documentation.CountingRecords;
import org.tumen.model.place.PlaceLevel;
import org.tumen.report.Charts;
import org.tumen.store.clusters.LinkageRun;
import org.tumen.store.jobs.JobStatus;
import org.tumen.store.jobs.Jobs;
import org.tumen.store.linkage.WorkspaceLinkage;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.SignedIn;

/**
 * Counts and estimates (docs/web.md): the counting tables of the documentation (`tumen count`:
 * codes only, no testimony, no identity, so no keys needed), of the sources the account may see and
 * the estimate of the total from the latest linkage of the account's lists, run as a background job
 * whose page shows a progress bar until the result, its interval and its chart are there.
 */
@Controller
public class CountsController {

  private final WorkspaceSession session;
  private final Jobs jobs;

  public CountsController(WorkspaceSession session, Jobs jobs) {
    this.session = session;
    this.jobs = jobs;
  }

  /** One counting table with its keys in the user's language. */
  public record Table(String dimension, List<List<String>> rows, long total, long sources) {}

  @GetMapping("/counts")
  public String counts(
      @RequestParam(name = "unit", defaultValue = "victims") String unit, Model m) {
    Unit u =
        switch (unit) {
          case "acts" -> Unit.ACTS;
          case "events" -> Unit.EVENTS;
          case "sources" -> Unit.SOURCES;
          default -> Unit.VICTIMS;
        };
    // need-to-know: only what the account's sources tell is counted; read as `tumen count` reads
    // (the counting segments), not as the whole graph, and cut to those sources
    CountingRecords d =
        session
            .workspace()
            .documentation()
            .loadForCounting(session.access().visibleSources(PageModel.current().accountId()));
    Counter counter =
        new Counter(
            d, new EventDeduplicator(Choices.gazetteer()).deduplicate(d), Choices.gazetteer());
    List<Table> tables = new ArrayList<>();
    tables.add(table("act-type", counter.table(u, List.of(Dimension.actType()))));
    tables.add(table("period", counter.table(u, List.of(Dimension.period(Period.YEAR)))));
    tables.add(table("place", counter.table(u, List.of(Dimension.place(PlaceLevel.REGION)))));
    m.addAttribute("unit", u.name().toLowerCase(Locale.ROOT));
    m.addAttribute("tables", tables);
    m.addAttribute("jobs", jobs.of(PageModel.current().actor()));
    return "counts";
  }

  private static Table table(String dimension, CountTable t) {
    String l = Choices.language();
    List<List<String>> rows = new ArrayList<>();
    for (CountTable.Row r : t.rows()) {
      String key = String.join(" · ", r.key());
      if (dimension.equals("act-type")) {
        key = Choices.vocabularies().actType(key).map(a -> a.labels().in(l)).orElse(key);
      } else if (dimension.equals("place")) {
        String code = r.key().get(0).split(" ")[0];
        key = Choices.gazetteer().place(code).map(p -> p.names().in(l)).orElse(key);
      }
      rows.add(List.of(key, Long.toString(r.count()), Long.toString(r.sources())));
    }
    return new Table(dimension, rows, t.total().count(), t.total().sources());
  }

  /** What an estimate job leaves: the estimate, the capture table's lists, the chart. */
  public record EstimateResult(PopulationEstimate estimate, long run, String chartDataUri) {}

  /**
   * Submits the estimate from the latest linkage run <em>of the account's lists</em>: a run every
   * list of which the account may see (need-to-know: a run that linked a list of another case is
   * not theirs to count from, even in part). None: back to the page, which says so.
   */
  @PostMapping("/estimates")
  public String run() {
    SignedIn me = PageModel.current();
    Optional<LinkageRun> run = latestRunOf(session.access().visibleLists(me.accountId()));
    if (run.isEmpty()) {
      return "redirect:/counts?noRun";
    }
    String id =
        jobs.submit(
            me.actor(), "estimate from the latest linkage", ctx -> estimate(ctx, run.get()));
    return "redirect:/jobs/" + id;
  }

  /** The newest run whose lists are all among {@code visible} (at least two of them). */
  private Optional<LinkageRun> latestRunOf(Set<String> visible) {
    List<LinkageRun> runs = session.workspace().clusters().runs();
    for (int i = runs.size() - 1; i >= 0; i--) {
      Set<String> lists = session.workspace().clusters().listsOf(runs.get(i).id());
      if (lists.size() >= 2 && visible.containsAll(lists)) {
        return Optional.of(runs.get(i));
      }
    }
    return Optional.empty();
  }

  private EstimateResult estimate(org.tumen.store.jobs.JobContext ctx, LinkageRun run) {
    ctx.start("reading the linkage", run.records());
    Map<String, Integer> listIndex = new HashMap<>();
    TreeSet<String> lists = new TreeSet<>();
    session.workspace().clusters().forEachMember(run.id(), a -> lists.add(a.list()));
    for (String name : lists) {
      listIndex.put(name, listIndex.size());
    }
    if (lists.size() < 2) {
      throw new IllegalStateException("the latest linkage has fewer than two lists");
    }
    Map<String, Integer> patterns = new HashMap<>();
    session
        .workspace()
        .clusters()
        .forEachMember(
            run.id(),
            a -> {
              patterns.merge(a.clusterId(), 1 << listIndex.get(a.list()), (x, y) -> x | y);
              ctx.step(1);
            });
    long[] counts = new long[1 << lists.size()];
    patterns.values().forEach(p -> counts[p]++);
    CaptureTable table = new CaptureTable(new ArrayList<>(lists), counts);
    // the engine tells the job of each model fitted: the bar moves with the work
    PopulationEstimate e = LogLinear.average(table, 2, ctx);
    String svg = Charts.estimates(List.of(e), table.observed(), 0);
    String uri =
        "data:image/svg+xml;base64,"
            + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    return new EstimateResult(e, run.id(), uri);
  }

  @GetMapping("/jobs/{id}")
  public String job(@PathVariable String id, Model m) {
    String me = PageModel.current().actor();
    // the same answer for another's job and none: job ids are unguessable, but not a grant
    JobStatus s =
        jobs.status(id)
            .filter(j -> j.owner().equals(me))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    m.addAttribute("job", s);
    m.addAttribute("percent", s.fraction().map(f -> (int) Math.round(f * 100)).orElse(null));
    Object result = jobs.result(id).orElse(null);
    m.addAttribute("result", result instanceof EstimateResult e ? e : null);
    // a linkage job (LinkageController) shares this page: its outcome, its title, its way back
    boolean linkage = s.title().equals(LinkageController.TITLE);
    m.addAttribute("linkage", result instanceof WorkspaceLinkage.Outcome o ? o : null);
    m.addAttribute("titleKey", linkage ? "job.title.linkage" : "job.title");
    m.addAttribute("back", linkage ? "/linkage" : "/counts");
    if (!s.state().over()) {
      m.addAttribute("refresh", 2); // the layout's meta refresh: the bar moves without script
    }
    return "job";
  }
}
