package org.tumen.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tumen.model.BadInputException;
import org.tumen.model.documentation.Degree;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Observation;
import org.tumen.model.documentation.Reliability;
import org.tumen.store.access.CaseKind;
import org.tumen.store.intake.FieldProblem;
import org.tumen.store.intake.IntakeDraft;
import org.tumen.store.intake.IntakeDrafts;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.SignedIn;

/**
 * Intake (docs/web.md, "Intake"): an interviewer records an interview in steps — the interview
 * (source, consent per use, reliability, testimony), the people in it, the events along their
 * journey, the acts — and every step is saved, sealed, as a draft of theirs before the next page
 * (the store's {@link IntakeDrafts}): an expired session loses nothing that was posted. Problems
 * are shown beside their fields in the user's language, with the values as typed. Submitting stores
 * the documentation and deletes the draft in one transaction, and grants the interviewer the source
 * they recorded.
 */
@Controller
public class IntakeController {

  private static final String PURPOSE = "web: intake draft";

  private final WorkspaceSession session;
  private final SearchIndex search;
  private final OpenDrafts openDrafts;

  public IntakeController(WorkspaceSession session, SearchIndex search, OpenDrafts openDrafts) {
    this.session = session;
    this.search = search;
    this.openDrafts = openDrafts;
  }

  private IntakeDrafts drafts() {
    return session.workspace().intake();
  }

  private static String owner() {
    return PageModel.current().actor();
  }

  private String interviewerCode() {
    SignedIn me = PageModel.current();
    return session.accounts().byId(me.accountId()).map(a -> a.interviewerCode()).orElse(null);
  }

  @GetMapping("/intake")
  public String list(Model model) {
    model.addAttribute("drafts", drafts().list(owner()));
    return "intake-list";
  }

  @PostMapping("/intake")
  public String create() {
    IntakeDraft empty = IntakeDraft.empty();
    String code = interviewerCode();
    if (code != null) {
      var s = empty.source();
      empty =
          new IntakeDraft(
              new IntakeDraft.SourceForm(
                  s.id(),
                  s.kind(),
                  s.holder(),
                  s.date(),
                  s.language(),
                  code,
                  s.place(),
                  s.reliability(),
                  s.consentStore(),
                  s.consentQuote(),
                  s.consentContact(),
                  s.text()),
              List.of(),
              List.of(),
              List.of());
    }
    IntakeDrafts.Saved saved = drafts().save(owner(), 0, empty);
    openDrafts.put(owner(), saved.id(), saved.version(), empty);
    return "redirect:/intake/" + saved.id() + "?step=source";
  }

  /**
   * The draft: the owner's open copy when it is of the version stored now, else opened (one audited
   * read) and kept open ({@link OpenDrafts}).
   */
  private IntakeDraft open(long id) {
    String owner = owner();
    // the same answer for someone else's draft and none
    int version =
        drafts().list(owner).stream()
            .filter(d -> d.id() == id)
            .mapToInt(IntakeDrafts.DraftInfo::version)
            .findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return openDrafts
        .get(owner, id, version)
        .orElseGet(
            () -> {
              IntakeDraft d =
                  drafts()
                      .open(owner, id, PURPOSE)
                      .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
              openDrafts.put(owner, id, version, d);
              return d;
            });
  }

  /**
   * The identifying fields a save changes: the testimony and the events' summaries (the rest of a
   * draft is codes, dates, places and pseudonymous references).
   */
  static List<String> identityFieldsChanged(IntakeDraft before, IntakeDraft after) {
    List<String> out = new java.util.ArrayList<>();
    if (!java.util.Objects.equals(before.source().text(), after.source().text())) {
      out.add("source.text");
    }
    for (int i = 0; i < Math.max(before.events().size(), after.events().size()); i++) {
      String b = i < before.events().size() ? before.events().get(i).summary() : null;
      String a = i < after.events().size() ? after.events().get(i).summary() : null;
      if (!java.util.Objects.equals(blankToNull(b), blankToNull(a))) {
        out.add("events[" + i + "].summary");
      }
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String step(String step) {
    return IntakeForm.STEPS.contains(step) || "review".equals(step) ? step : "source";
  }

  @GetMapping("/intake/{id}")
  public String show(
      @PathVariable long id,
      @RequestParam(name = "step", defaultValue = "source") String step,
      @RequestParam(name = "checked", defaultValue = "false") boolean checked,
      Model model) {
    IntakeDraft draft = open(id);
    String at = step(step);
    Map<String, String> problems = new LinkedHashMap<>();
    if (checked || at.equals("review")) {
      for (FieldProblem p : drafts().problems(draft)) {
        if (at.equals("review") || p.path().startsWith(at)) {
          problems.putIfAbsent(p.path(), p.key());
        }
      }
    }
    model.addAttribute("id", id);
    model.addAttribute("step", at);
    model.addAttribute("steps", IntakeForm.STEPS);
    model.addAttribute("draft", draft);
    model.addAttribute("problems", problems);
    model.addAttribute("interviewerFixed", interviewerCode() != null);
    model.addAttribute("eventTypes", Choices.picker(Choices.eventTypes()));
    model.addAttribute("actTypes", Choices.picker(Choices.actTypes()));
    model.addAttribute("institutionTypes", Choices.picker(Choices.institutionTypes()));
    model.addAttribute("places", Choices.picker(Choices.places()));
    model.addAttribute("reliabilities", Choices.picker(Choices.scale(Reliability.class)));
    model.addAttribute("degrees", Choices.picker(Choices.scale(Degree.class)));
    model.addAttribute("observations", Choices.picker(Choices.scale(Observation.class)));
    return "intake-step";
  }

  /**
   * Saves the step as posted (always, problems and all), then goes where the button said: the same
   * step (with its problems shown), the next one or the previous one.
   */
  @PostMapping("/intake/{id}")
  public String save(
      @PathVariable long id,
      @RequestParam(name = "step", defaultValue = "source") String step,
      @RequestParam(name = "go", defaultValue = "stay") String go,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    String at = step(step);
    IntakeForm form = new IntakeForm(request.getParameterMap());
    IntakeDraft before = open(id);
    IntakeDraft draft = form.apply(before, at, interviewerCode());
    IntakeDrafts.Saved saved;
    try {
      saved = drafts().save(owner(), id, draft);
    } catch (BadInputException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    openDrafts.put(owner(), id, saved.version(), draft);
    // a write of identifying text is audited, once per save that changes it; other steps are not
    List<String> changed = identityFieldsChanged(before, draft);
    if (!changed.isEmpty()) {
      session
          .protection()
          .audit()
          .append(
              owner(),
              "intake-write",
              "intake_draft " + id,
              "fields=" + String.join(",", changed) + " step=" + at);
    }
    if (at.equals("acts") && !form.quotesNotFound(draft.source()).isEmpty()) {
      redirect.addFlashAttribute("quotesNotFound", form.quotesNotFound(draft.source()));
    }
    int i = IntakeForm.STEPS.indexOf(at);
    String target =
        switch (go) {
          case "next" -> i + 1 < IntakeForm.STEPS.size() ? IntakeForm.STEPS.get(i + 1) : "review";
          case "back" -> i > 0 ? IntakeForm.STEPS.get(i - 1) : at;
          default -> at;
        };
    return "redirect:/intake/"
        + id
        + "?step="
        + target
        + (target.equals(at) ? "&checked=true" : "");
  }

  @PostMapping("/intake/{id}/submit")
  public String submit(@PathVariable long id, Model model, RedirectAttributes redirect) {
    IntakeDrafts.Submission s;
    openDrafts.remove(id);
    try {
      s = drafts().submit(owner(), id, PURPOSE);
    } catch (BadInputException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    if (!s.problems().isEmpty()) {
      return "redirect:/intake/" + id + "?step=review";
    }
    Documentation stored = s.stored().orElseThrow();
    String source = stored.sources().get(0).id();
    SignedIn me = PageModel.current();
    // the interviewer's own source: theirs to see in search and lists from now on
    session.access().grant(me.accountId(), CaseKind.SOURCE, source, me.actor());
    // only the new source's texts are indexed; searches go on meanwhile on the index as it was
    search.added(stored);
    redirect.addFlashAttribute("submitted", source);
    return "redirect:/intake";
  }
}
