package org.tumen.store.intake;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.tumen.model.DateRange;
import org.tumen.model.PartialDate;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.ChainLink;
import org.tumen.model.documentation.Consent;
import org.tumen.model.documentation.ConsentGrant;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.documentation.Degree;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.documentation.Group;
import org.tumen.model.documentation.Information;
import org.tumen.model.documentation.Institution;
import org.tumen.model.documentation.Involvement;
import org.tumen.model.documentation.Location;
import org.tumen.model.documentation.Observation;
import org.tumen.model.documentation.Passage;
import org.tumen.model.documentation.PersonRef;
import org.tumen.model.documentation.Reliability;
import org.tumen.model.documentation.Source;
import org.tumen.model.documentation.SourceKind;
import org.tumen.model.documentation.Victim;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;
import org.tumen.model.vocabulary.InstitutionType;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.store.intake.IntakeDraft.ActForm;
import org.tumen.store.intake.IntakeDraft.EventForm;
import org.tumen.store.intake.IntakeDraft.PersonForm;
import org.tumen.store.intake.IntakeDraft.SourceForm;

/**
 * Checks an intake draft field by field and builds its documentation: every problem at once, each
 * at its field with a message key, so that a form shows them all beside their fields. The same
 * rules as the model's constructors and the bulk import (docs/documentation.md), plus one of
 * intake's own: a testimony is only stored with the witness's consent to store it.
 */
public final class IntakeCheck {

  /** Every message key a problem may carry (each needs a text in every language of the web). */
  public static final Set<String> KEYS =
      Set.of(
          "intake.required",
          "intake.id.invalid",
          "intake.id.duplicate",
          "intake.id.stored",
          "intake.code.unknown",
          "intake.date.invalid",
          "intake.place.unknown",
          "intake.language.invalid",
          "intake.interviewer.not-interview",
          "intake.consent.store-required",
          "intake.group.count-invalid",
          "intake.person.unknown",
          "intake.event.unknown",
          "intake.state.invalid",
          "intake.state.required",
          "intake.passage.invalid",
          "intake.passage.outside",
          "intake.passage.no-text",
          "intake.chain.invalid");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
  private static final Pattern STATE = Pattern.compile("[A-Z]{3}");

  private final Vocabularies vocabularies;
  private final Gazetteer gazetteer;

  public IntakeCheck(Vocabularies vocabularies, Gazetteer gazetteer) {
    this.vocabularies = vocabularies;
    this.gazetteer = gazetteer;
  }

  public static IntakeCheck standard() {
    return new IntakeCheck(Vocabularies.standard(), Gazetteer.standard());
  }

  /** The outcome: the documentation when there is no problem, else the problems. */
  public record Result(Optional<Documentation> documentation, List<FieldProblem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * @param stored the ids stored already (sources, events, acts, information): a draft adds, it
   *     never replaces
   */
  public Result check(IntakeDraft draft, Set<String> stored) {
    Problems p = new Problems();
    Set<String> ids = new HashSet<>();
    Source source = source(draft.source(), p, ids, stored);
    Set<String> people = new HashSet<>();
    for (int i = 0; i < draft.people().size(); i++) {
      PersonForm f = draft.people().get(i);
      String ref = id(p, "people[" + i + "].ref", f.ref(), null, null);
      if (ref != null && !people.add(ref)) {
        p.add("people[" + i + "].ref", "intake.id.duplicate");
      }
    }
    // every event the draft names, for references; only those with a valid id are built
    Map<String, EventForm> eventForms = new LinkedHashMap<>();
    Set<EventForm> valid = new HashSet<>();
    for (int i = 0; i < draft.events().size(); i++) {
      EventForm f = draft.events().get(i);
      text(f.id()).ifPresent(id -> eventForms.putIfAbsent(id, f));
      if (id(p, "events[" + i + "].id", f.id(), ids, stored) != null) {
        valid.add(f);
      }
    }
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < draft.events().size(); i++) {
      EventForm f = draft.events().get(i);
      Event e = event(f, "events[" + i + "].", p, eventForms, people);
      if (e != null && valid.contains(f)) {
        events.add(e);
      }
    }
    List<Act> acts = new ArrayList<>();
    List<Information> information = new ArrayList<>();
    for (int i = 0; i < draft.acts().size(); i++) {
      act(
              draft.acts().get(i),
              "acts[" + i + "].",
              p,
              ids,
              stored,
              draft.source(),
              eventForms,
              people)
          .ifPresent(
              pair -> {
                acts.add(pair.act());
                information.add(pair.information());
              });
    }
    if (!p.list.isEmpty() || source == null) {
      return new Result(Optional.empty(), p.list);
    }
    try {
      return new Result(
          Optional.of(new Documentation(List.of(source), events, acts, information)), List.of());
    } catch (IllegalArgumentException e) {
      // left for the whole graph: a journey whose chain of events runs in a circle
      p.add("events", "intake.chain.invalid");
      return new Result(Optional.empty(), p.list);
    }
  }

  private static final class Problems {
    final List<FieldProblem> list = new ArrayList<>();

    void add(String path, String key) {
      list.add(new FieldProblem(path, key));
    }
  }

  private static Optional<String> text(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }

  /** A required id, unique among the draft's and not stored; null (with a problem) if not. */
  private static String id(
      Problems p, String path, String value, Set<String> ids, Set<String> stored) {
    Optional<String> v = text(value);
    if (v.isEmpty()) {
      p.add(path, "intake.required");
      return null;
    }
    if (!ID.matcher(v.get()).matches()) {
      p.add(path, "intake.id.invalid");
      return null;
    }
    if (ids != null && !ids.add(v.get())) {
      p.add(path, "intake.id.duplicate");
      return null;
    }
    if (stored != null && stored.contains(v.get())) {
      p.add(path, "intake.id.stored");
      return null;
    }
    return v.get();
  }

  private static <E extends Enum<E>> E scale(
      Problems p, String path, String value, Class<E> type, E blank) {
    Optional<String> v = text(value);
    if (v.isEmpty()) {
      if (blank == null) {
        p.add(path, "intake.required");
      }
      return blank;
    }
    try {
      return Enum.valueOf(type, v.get().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      p.add(path, "intake.code.unknown");
      return null;
    }
  }

  private Optional<Location> place(Problems p, String path, String value, boolean required) {
    Optional<String> v = text(value);
    if (v.isEmpty()) {
      if (required) {
        p.add(path, "intake.required");
      }
      return Optional.empty();
    }
    Optional<Place> place = gazetteer.place(v.get());
    if (place.isEmpty()) {
      p.add(path, "intake.place.unknown");
    }
    return place.map(Location::at);
  }

  private static <T> T parse(Problems p, String path, String key, Supplier<T> how) {
    try {
      return how.get();
    } catch (IllegalArgumentException | DateTimeParseException e) {
      p.add(path, key);
      return null;
    }
  }

  private static Optional<LocalDate> day(Problems p, String path, String value) {
    Optional<String> v = text(value);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        parse(p, path, "intake.date.invalid", () -> LocalDate.parse(v.get())));
  }

  private Source source(SourceForm f, Problems p, Set<String> ids, Set<String> stored) {
    String id = id(p, "source.id", f.id(), ids, stored);
    SourceKind kind = scale(p, "source.kind", f.kind(), SourceKind.class, null);
    Optional<String> holder = text(f.holder());
    if (holder.isEmpty()) {
      p.add("source.holder", "intake.required");
    }
    Optional<PartialDate> date =
        text(f.date())
            .map(
                d -> parse(p, "source.date", "intake.date.invalid", () -> PartialDate.parseIso(d)));
    Optional<String> language = text(f.language());
    if (language.isPresent()) {
      try {
        if (new Locale.Builder().setLanguageTag(language.get()).build().getLanguage().isEmpty()) {
          p.add("source.language", "intake.language.invalid");
        }
      } catch (IllformedLocaleException e) {
        p.add("source.language", "intake.language.invalid");
      }
    }
    Optional<String> interviewer = text(f.interviewer());
    if (interviewer.isPresent()) {
      if (!ID.matcher(interviewer.get()).matches()) {
        p.add("source.interviewer", "intake.id.invalid");
      } else if (kind != null && kind != SourceKind.INTERVIEW) {
        p.add("source.interviewer", "intake.interviewer.not-interview");
      }
    }
    Optional<Location> place = place(p, "source.place", f.place(), false);
    Reliability reliability =
        scale(p, "source.reliability", f.reliability(), Reliability.class, Reliability.UNKNOWN);
    List<ConsentGrant> grants = new ArrayList<>();
    Optional<LocalDate> store = day(p, "source.consentStore", f.consentStore());
    if (text(f.consentStore()).isEmpty()) {
      p.add("source.consentStore", "intake.consent.store-required");
    }
    store.ifPresent(d -> grants.add(ConsentGrant.of(ConsentUse.STORE, d)));
    day(p, "source.consentQuote", f.consentQuote())
        .ifPresent(d -> grants.add(ConsentGrant.of(ConsentUse.QUOTE, d)));
    day(p, "source.consentContact", f.consentContact())
        .ifPresent(d -> grants.add(ConsentGrant.of(ConsentUse.CONTACT_AGAIN, d)));
    if (id == null || kind == null || holder.isEmpty() || reliability == null) {
      return null;
    }
    try {
      return new Source(
          id,
          kind,
          interviewer.filter(i -> ID.matcher(i).matches()),
          date,
          language,
          place,
          holder.get(),
          new Consent(grants),
          reliability,
          text(f.text()).map(t -> f.text()));
    } catch (IllegalArgumentException e) {
      return null; // every cause has a field problem above
    }
  }

  private Event event(
      EventForm f, String at, Problems p, Map<String, EventForm> events, Set<String> people) {
    String id = text(f.id()).orElse(null);
    var type =
        text(f.type())
            .map(
                t -> {
                  var e = vocabularies.eventType(t);
                  if (e.isEmpty()) {
                    p.add(at + "type", "intake.code.unknown");
                  }
                  return e.orElse(null);
                });
    if (type.isEmpty() && text(f.type()).isEmpty()) {
      p.add(at + "type", "intake.required");
    }
    DateRange when = range(p, at + "date", f.date());
    Optional<Location> where = place(p, at + "place", f.place(), true);
    List<ChainLink> chain = new ArrayList<>();
    Optional<String> next = text(f.nextEvent());
    Optional<String> person = text(f.nextPerson());
    if (next.isPresent() || person.isPresent()) {
      if (next.isEmpty()) {
        p.add(at + "nextEvent", "intake.required");
      } else if (!events.containsKey(next.get()) || next.get().equals(id)) {
        p.add(at + "nextEvent", "intake.event.unknown");
      }
      if (person.isEmpty()) {
        p.add(at + "nextPerson", "intake.required");
      } else if (!people.contains(person.get())) {
        p.add(at + "nextPerson", "intake.person.unknown");
      }
      if (next.isPresent()
          && events.containsKey(next.get())
          && !next.get().equals(id)
          && person.isPresent()
          && people.contains(person.get())) {
        chain.add(new ChainLink(next.get(), new PersonRef(person.get())));
      }
    }
    if (id == null || events.get(id) != f) {
      return null;
    }
    if (type.isEmpty() || type.get() == null || when == null || where.isEmpty()) {
      return null;
    }
    return new Event(
        id, type.get(), when, where.get(), text(f.summary()).map(s -> f.summary()), chain);
  }

  private static DateRange range(Problems p, String path, String value) {
    Optional<String> v = text(value);
    if (v.isEmpty()) {
      p.add(path, "intake.required");
      return null;
    }
    return parse(p, path, "intake.date.invalid", () -> DateRange.parse(v.get()));
  }

  private record ActAndInformation(Act act, Information information) {}

  private Optional<ActAndInformation> act(
      ActForm f,
      String at,
      Problems p,
      Set<String> ids,
      Set<String> stored,
      SourceForm source,
      Map<String, EventForm> events,
      Set<String> people) {
    String id = id(p, at + "id", f.id(), ids, stored);
    String infoId = id == null ? null : id + ".info";
    if (infoId != null && (!ID.matcher(infoId).matches() || !ids.add(infoId))) {
      p.add(at + "id", "intake.id.invalid");
      infoId = null;
    }
    if (infoId != null && stored.contains(infoId)) {
      p.add(at + "id", "intake.id.stored");
      infoId = null;
    }
    Optional<String> event = text(f.event());
    if (event.isEmpty()) {
      p.add(at + "event", "intake.required");
    } else if (!events.containsKey(event.get())) {
      p.add(at + "event", "intake.event.unknown");
    }
    Victim victim = victim(f, at, p, people);
    var type =
        text(f.type())
            .map(
                t -> {
                  var a = vocabularies.actType(t);
                  if (a.isEmpty()) {
                    p.add(at + "type", "intake.code.unknown");
                  }
                  return a.orElse(null);
                });
    if (text(f.type()).isEmpty()) {
      p.add(at + "type", "intake.required");
    }
    DateRange when = range(p, at + "date", f.date());
    Optional<Location> where = place(p, at + "place", f.place(), true);
    List<Involvement> involvements = involvements(f, at, p);
    Optional<Passage> passage = passage(f, at, p, source);
    Reliability reliability =
        scale(p, at + "reliability", f.reliability(), Reliability.class, Reliability.UNKNOWN);
    Observation observation =
        scale(p, at + "observation", f.observation(), Observation.class, Observation.HEARD);
    if (id == null
        || infoId == null
        || text(source.id()).filter(i -> ID.matcher(i).matches()).isEmpty()
        || event.isEmpty()
        || !events.containsKey(event.get())
        || victim == null
        || type.isEmpty()
        || type.get() == null
        || when == null
        || where.isEmpty()
        || involvements == null
        || passage == null
        || reliability == null
        || observation == null) {
      return Optional.empty();
    }
    Information info =
        new Information(
            infoId,
            source.id().strip(),
            Optional.of(event.get()),
            passage,
            reliability,
            observation);
    return Optional.of(
        new ActAndInformation(
            new Act(
                id,
                event.get(),
                victim,
                type.get(),
                when,
                where.get(),
                involvements,
                List.of(infoId)),
            info));
  }

  private static Victim victim(ActForm f, String at, Problems p, Set<String> people) {
    Optional<String> v = text(f.victim());
    Optional<String> count = text(f.groupCount());
    if (v.isEmpty()) {
      p.add(at + "victim", "intake.required");
      return null;
    }
    if (!ID.matcher(v.get()).matches()) {
      p.add(at + "victim", "intake.id.invalid");
      return null;
    }
    if (count.isPresent()) {
      int n;
      try {
        n = Integer.parseInt(count.get());
      } catch (NumberFormatException e) {
        n = 0;
      }
      if (n < 2) {
        p.add(at + "groupCount", "intake.group.count-invalid");
        return null;
      }
      return new Group(v.get(), n);
    }
    if (!people.contains(v.get())) {
      p.add(at + "victim", "intake.person.unknown");
      return null;
    }
    return new PersonRef(v.get());
  }

  /** The perpetrator, or none when no type is given; null (with problems) when wrong. */
  private List<Involvement> involvements(ActForm f, String at, Problems p) {
    Optional<String> type = text(f.perpetratorType());
    Optional<String> state = text(f.perpetratorState());
    Degree degree = scale(p, at + "degree", f.degree(), Degree.class, Degree.UNKNOWN);
    if (type.isEmpty()) {
      return degree == null ? null : List.of();
    }
    Optional<InstitutionType> t = vocabularies.institutionType(type.get());
    if (t.isEmpty()) {
      p.add(at + "perpetratorType", "intake.code.unknown");
    }
    if (state.isPresent() && !STATE.matcher(state.get()).matches()) {
      p.add(at + "perpetratorState", "intake.state.invalid");
      return null;
    }
    if (t.isPresent() && t.get().stateActor() && state.isEmpty()) {
      p.add(at + "perpetratorState", "intake.state.required");
      return null;
    }
    if (t.isEmpty() || degree == null) {
      return null;
    }
    return List.of(
        new Involvement(new Institution(t.get(), state, text(f.perpetratorUnit())), degree));
  }

  /** The passage, empty when none is given; null (with a problem) when wrong. */
  private static Optional<Passage> passage(ActForm f, String at, Problems p, SourceForm source) {
    Optional<String> start = text(f.passageStart());
    Optional<String> end = text(f.passageEnd());
    if (start.isEmpty() && end.isEmpty()) {
      return Optional.empty();
    }
    if (start.isEmpty() || end.isEmpty()) {
      p.add(at + (start.isEmpty() ? "passageStart" : "passageEnd"), "intake.required");
      return null;
    }
    int s;
    int e;
    try {
      s = Integer.parseInt(start.get());
      e = Integer.parseInt(end.get());
    } catch (NumberFormatException x) {
      p.add(at + "passageStart", "intake.passage.invalid");
      return null;
    }
    if (s < 0 || e <= s) {
      p.add(at + "passageEnd", "intake.passage.invalid");
      return null;
    }
    int length = text(source.text()).map(t -> source.text().length()).orElse(-1);
    if (length < 0) {
      p.add(at + "passageStart", "intake.passage.no-text");
      return null;
    }
    if (e > length) {
      p.add(at + "passageEnd", "intake.passage.outside");
      return null;
    }
    return Optional.of(new Passage.TextSpan(s, e));
  }
}
