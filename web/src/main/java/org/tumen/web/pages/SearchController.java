package org.tumen.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.tumen.document.search.SearchHit;
import org.tumen.document.search.TestimonySearch;
import org.tumen.model.documentation.Passage;
import org.tumen.store.access.Role;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.SignedIn;

/**
 * Search (docs/web.md, "Search"): one box, Korean, Chinese or English, over the testimonies and
 * event summaries of the sources the user may see — the restriction is a filter inside the index,
 * so nothing about other sources shows, not even a count. The results list ids only; a testimony's
 * text is shown on its own page, scoped to the source and audited first.
 */
@Controller
public class SearchController {

  static final int LIMIT = 50;

  private final WorkspaceSession session;
  private final SearchIndex index;
  private final MessageSource messages;

  public SearchController(WorkspaceSession session, SearchIndex index, MessageSource messages) {
    this.session = session;
    this.index = index;
    this.messages = messages;
  }

  /**
   * While the index is being built (after an unlock): a page that says how far the build is and
   * reloads itself, instead of a request that hangs for minutes.
   */
  private String building(Model model) {
    SearchIndex.Progress p = index.progress().orElse(new SearchIndex.Progress(true, 0, 0));
    model.addAttribute("progress", p);
    model.addAttribute("refresh", 5); // the layout's meta refresh: no script
    return "search-building";
  }

  @GetMapping("/search")
  public String search(
      @RequestParam(name = "q", defaultValue = "") String q,
      Model model,
      HttpServletRequest request,
      Locale locale) {
    SignedIn me = PageModel.current();
    // testimony text is for the roles that need identities; others see ids
    boolean mayRead =
        me.role() == Role.INTERVIEWER || me.role() == Role.REVIEWER || me.role() == Role.EDITOR;
    model.addAttribute("q", q);
    if (!q.isBlank()) {
      Optional<SearchIndex.Snapshot> ready = index.ready();
      if (ready.isEmpty()) {
        return building(model);
      }
      SearchIndex.Snapshot s = ready.get();
      Set<String> visible = session.access().visibleSources(me.accountId());
      // hits and their total from one pass, inside the need-to-know filter; the page shows only
      // how many words each hit matches, so they are counted, not located
      TestimonySearch.Result r = s.search().findCounted(q, LIMIT, visible);
      model.addAttribute("hits", r.hits());
      model.addAttribute("total", r.total());
      model.addAttribute(
          "rows",
          SearchRows.html(
              r.hits(),
              q,
              mayRead,
              request.getContextPath(),
              messages.getMessage("search.kind.source", null, locale),
              messages.getMessage("search.kind.event", null, locale)));
    }
    model.addAttribute("mayRead", mayRead);
    return "search";
  }

  /** A piece of a testimony, marked when it holds a word of the query. */
  public record Piece(String text, boolean marked) {}

  @GetMapping("/search/sources/{source}")
  public String source(
      @PathVariable String source,
      @RequestParam(name = "q", defaultValue = "") String q,
      Model model) {
    Optional<SearchIndex.Snapshot> ready = index.ready();
    if (ready.isEmpty()) {
      model.addAttribute("q", q);
      model.addAttribute("source", source);
      return building(model);
    }
    String text =
        index
            .text(ready.get(), source)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    long subject = session.workspace().documentation().keyHolderOfSource(source).orElse(0);
    String shown =
        session.show("source", subject, List.of("text"), "web: show a testimony", () -> text);
    List<Passage.TextSpan> marks = new ArrayList<>();
    if (!q.isBlank()) {
      for (SearchHit h : ready.get().search().search(q, LIMIT, Set.of(source))) {
        if (h.kind() == SearchHit.Kind.SOURCE && h.id().equals(source)) {
          marks.addAll(h.passages());
        }
      }
    }
    model.addAttribute("source", source);
    model.addAttribute("q", q);
    model.addAttribute("pieces", pieces(shown, marks));
    return "search-source";
  }

  static List<Piece> pieces(String text, List<Passage.TextSpan> marks) {
    List<Piece> out = new ArrayList<>();
    int at = 0;
    for (Passage.TextSpan m : marks) {
      int start = Math.max(at, Math.min(m.start(), text.length()));
      int end = Math.min(m.end(), text.length());
      if (start > at) {
        out.add(new Piece(text.substring(at, start), false));
      }
      if (end > start) {
        out.add(new Piece(text.substring(start, end), true));
        at = end;
      }
    }
    if (at < text.length()) {
      out.add(new Piece(text.substring(at), false));
    }
    return out;
  }
}
