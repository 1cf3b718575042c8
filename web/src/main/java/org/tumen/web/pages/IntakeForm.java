package org.tumen.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tumen.store.intake.IntakeDraft;
import org.tumen.store.intake.IntakeDraft.ActForm;
import org.tumen.store.intake.IntakeDraft.EventForm;
import org.tumen.store.intake.IntakeDraft.PersonForm;
import org.tumen.store.intake.IntakeDraft.SourceForm;

/**
 * Reads one step of the intake form from the posted fields into the draft, keeping every value as
 * typed. Rows are named as the store's problems name them ({@code events[1].date}); a row left
 * wholly blank, or ticked "remove", is dropped.
 */
final class IntakeForm {

  /** The steps, in order. */
  static final List<String> STEPS = List.of("source", "people", "events", "acts");

  private final Map<String, String[]> params;

  IntakeForm(Map<String, String[]> params) {
    this.params = params;
  }

  String get(String name) {
    String[] v = params.get(name);
    return v == null || v.length == 0 ? null : v[0];
  }

  /** The draft with {@code step}'s part replaced by what was posted. */
  IntakeDraft apply(IntakeDraft d, String step, String interviewerCode) {
    return switch (step) {
      case "source" -> new IntakeDraft(source(interviewerCode), d.people(), d.events(), d.acts());
      case "people" ->
          new IntakeDraft(
              d.source(),
              rows("people", i -> new PersonForm(f("people", i, "ref"))),
              d.events(),
              d.acts());
      case "events" ->
          new IntakeDraft(d.source(), d.people(), rows("events", this::event), d.acts());
      case "acts" ->
          new IntakeDraft(
              d.source(), d.people(), d.events(), rows("acts", i -> act(i, d.source())));
      default -> d;
    };
  }

  private String f(String list, int i, String field) {
    return get(list + "[" + i + "]." + field);
  }

  private SourceForm source(String interviewerCode) {
    return new SourceForm(
        get("source.id"),
        "interview",
        get("source.holder"),
        get("source.date"),
        get("source.language"),
        // an interviewer records their own interviews: the code of the account, when it has one
        interviewerCode != null ? interviewerCode : get("source.interviewer"),
        get("source.place"),
        get("source.reliability"),
        get("source.consentStore"),
        get("source.consentQuote"),
        get("source.consentContact"),
        get("source.text"));
  }

  private EventForm event(int i) {
    return new EventForm(
        f("events", i, "id"),
        f("events", i, "type"),
        f("events", i, "date"),
        f("events", i, "place"),
        f("events", i, "summary"),
        f("events", i, "nextEvent"),
        f("events", i, "nextPerson"));
  }

  private ActForm act(int i, SourceForm source) {
    String start = f("acts", i, "passageStart");
    String end = f("acts", i, "passageEnd");
    String quote = f("acts", i, "quote");
    // The passage may be given by its words: their first place in the testimony gives the offsets.
    if (quote != null && !quote.isBlank() && source.text() != null) {
      int at = source.text().indexOf(quote.strip());
      if (at >= 0) {
        start = Integer.toString(at);
        end = Integer.toString(at + quote.strip().length());
      }
    }
    return new ActForm(
        f("acts", i, "id"),
        f("acts", i, "event"),
        f("acts", i, "victim"),
        f("acts", i, "groupCount"),
        f("acts", i, "type"),
        f("acts", i, "date"),
        f("acts", i, "place"),
        f("acts", i, "perpetratorType"),
        f("acts", i, "perpetratorState"),
        f("acts", i, "perpetratorUnit"),
        f("acts", i, "degree"),
        start,
        end,
        f("acts", i, "reliability"),
        f("acts", i, "observation"));
  }

  /** Whether a posted quote was not found in the testimony (the offsets were left as typed). */
  List<Integer> quotesNotFound(SourceForm source) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; present("acts", i); i++) {
      String quote = f("acts", i, "quote");
      if (quote != null
          && !quote.isBlank()
          && (source.text() == null || !source.text().contains(quote.strip()))) {
        out.add(i);
      }
    }
    return out;
  }

  private boolean present(String list, int i) {
    String prefix = list + "[" + i + "].";
    return params.keySet().stream().anyMatch(k -> k.startsWith(prefix));
  }

  private boolean blankOrRemoved(String list, int i) {
    String prefix = list + "[" + i + "].";
    if (params.containsKey(prefix + "remove")) {
      return true;
    }
    for (Map.Entry<String, String[]> e : params.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        for (String v : e.getValue()) {
          if (v != null && !v.isBlank()) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private <T> List<T> rows(String list, Function<Integer, T> row) {
    List<T> out = new ArrayList<>();
    for (int i = 0; present(list, i); i++) {
      if (!blankOrRemoved(list, i)) {
        out.add(row.apply(i));
      }
    }
    return out;
  }
}
