package org.tumen.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.tumen.model.BadInputException;
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
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.store.imports.TableSink;
import org.tumen.store.imports.Tables;

/**
 * Reads one import (docs/documentation.md, "Bulk import"): a sources file, one row per source, and
 * an acts file (CSV or XLSX), one row per act, into one {@link Documentation}. Every problem is a
 * {@link BadInputException} at {@code file:line:column}, and its message never repeats a cell's
 * value (testimony and names stay out of terminals and logs).
 */
final class DocumentationImport {

  static final List<String> SOURCE_HEADER =
      List.of(
          "source",
          "kind",
          "holder",
          "date",
          "language",
          "interviewer",
          "reliability",
          "consent given",
          "consent withdrawn",
          "text");

  static final List<String> ACT_HEADER =
      List.of(
          "act",
          "event",
          "event type",
          "victim",
          "group count",
          "act type",
          "date",
          "place",
          "perpetrator type",
          "perpetrator state",
          "degree",
          "source",
          "passage",
          "reliability",
          "observation");

  private final Vocabularies vocabularies;
  private final Gazetteer gazetteer;

  DocumentationImport(Vocabularies vocabularies, Gazetteer gazetteer) {
    this.vocabularies = vocabularies;
    this.gazetteer = gazetteer;
  }

  /** One cell with where it is, for error messages. */
  private record Cell(String file, long line, int column, String value) {
    String where() {
      return BadInputException.at(file, line, column);
    }

    BadInputException bad(String problem) {
      return new BadInputException(where(), problem);
    }

    Optional<String> optional() {
      return value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    String required(String what) {
      if (value.isBlank()) {
        throw bad("the " + what + " is missing");
      }
      return value.strip();
    }
  }

  /** A row by header name. */
  private record Row(String file, long line, Map<String, Integer> columns, String[] values) {
    Cell cell(String name) {
      int i = columns.get(name);
      String v = i < values.length && values[i] != null ? values[i] : "";
      return new Cell(file, line, i + 1, v);
    }

    Optional<Cell> optionalCell(String name) {
      return columns.containsKey(name) ? Optional.of(cell(name)) : Optional.empty();
    }
  }

  /** The optional columns of the acts table: a journey's next event, and event-only rows. */
  static final String NEXT_EVENT = "next event";

  /** Optional: the event's summary (free text, sealed), from the first row naming the event. */
  static final String SUMMARY = "summary";

  /** Optional: a person (pseudonymous id) who took part in the act, with the row's degree. */
  static final String PERPETRATOR_PERSON = "perpetrator person";

  /**
   * Optional columns of the sources table: the consents other than to store, each the day it was
   * given and the day it was withdrawn; sharing also names its partners.
   */
  static final List<ConsentColumns> OTHER_CONSENTS =
      List.of(
          new ConsentColumns(ConsentUse.QUOTE, "quote given", "quote withdrawn"),
          new ConsentColumns(
              ConsentUse.CONTACT_AGAIN, "contact again given", "contact again withdrawn"),
          new ConsentColumns(ConsentUse.SHARE, "share given", "share withdrawn"));

  /** The partners a source may be shared with, separated by ';'. */
  static final String SHARE_PARTNERS = "share partners";

  record ConsentColumns(ConsentUse use, String given, String withdrawn) {}

  static final List<String> PEOPLE_HEADER = List.of("person");

  /**
   * What the workspace holds already.
   *
   * @param ids the ids of every source, event, act and information: an import adds, it never
   *     replaces
   * @param persons the person references stored (victims, perpetrators, people in chains)
   * @param withdrawn the sources whose consent to store was withdrawn, with the day
   */
  record Stored(Set<String> ids, Set<String> persons, Map<String, LocalDate> withdrawn) {
    static Stored of(Documentation d) {
      Set<String> ids = new java.util.HashSet<>();
      Set<String> persons = new java.util.HashSet<>();
      Map<String, LocalDate> withdrawn = new HashMap<>();
      for (Source s : d.sources()) {
        ids.add(s.id());
        s.consent()
            .grant(ConsentUse.STORE)
            .flatMap(ConsentGrant::withdrawn)
            .ifPresent(day -> withdrawn.put(s.id(), day));
      }
      for (Event e : d.events()) {
        ids.add(e.id());
        e.chain().forEach(l -> persons.add(l.person().id()));
      }
      for (Act a : d.acts()) {
        ids.add(a.id());
        if (a.victim() instanceof PersonRef p) {
          persons.add(p.id());
        }
        for (Involvement v : a.involvements()) {
          if (v.perpetrator() instanceof PersonRef p) {
            persons.add(p.id());
          }
        }
      }
      d.information().forEach(i -> ids.add(i.id()));
      return new Stored(ids, persons, withdrawn);
    }
  }

  /**
   * @param peopleFile the people this import introduces (one pseudonymous id a row), or null: a
   *     person an act names must be there or stored already
   */
  Documentation read(Path sourcesFile, Path peopleFile, Path actsFile, Stored storedAlready) {
    // the acts file is parsed on a thread of its own meanwhile (docs/benchmarks.md, "import13d")
    try (TableAhead actsAhead = new TableAhead(actsFile)) {
      return read(sourcesFile, peopleFile, actsFile, actsAhead, storedAlready);
    }
  }

  private Documentation read(
      Path sourcesFile,
      Path peopleFile,
      Path actsFile,
      TableAhead actsAhead,
      Stored storedAlready) {
    Set<String> stored = storedAlready.ids();
    Set<String> people = new java.util.HashSet<>(storedAlready.persons());
    String peopleWhere =
        peopleFile == null
            ? "the workspace (list new people with --people)"
            : peopleFile.getFileName() + " or the workspace";
    if (peopleFile != null) {
      Set<String> listed = new java.util.HashSet<>();
      for (Row r : rows(peopleFile, PEOPLE_HEADER)) {
        Cell c = r.cell("person");
        String id = model(c, () -> new PersonRef(c.required("person id")).id());
        if (!listed.add(id)) {
          throw c.bad("person id used twice in this file");
        }
      }
      people.addAll(listed);
    }
    Map<String, Source> sources = new LinkedHashMap<>();
    for (Row r : rows(sourcesFile, SOURCE_HEADER)) {
      Source s = source(r);
      LocalDate withdrawnOn = storedAlready.withdrawn().get(s.id());
      if (withdrawnOn != null) {
        throw r.cell("source")
            .bad(
                "this source's consent to store was withdrawn on "
                    + withdrawnOn
                    + ": nothing of it may be stored again");
      }
      if (stored.contains(s.id())) {
        throw r.cell("source").bad("a source with this id is stored already");
      }
      if (sources.put(s.id(), s) != null) {
        throw r.cell("source").bad("source id used twice in this file");
      }
    }
    Map<String, Event> events = new LinkedHashMap<>();
    Map<String, Set<ChainLink>> chains = new HashMap<>();
    Map<String, Cell> nextCells = new LinkedHashMap<>();
    List<Act> acts = new ArrayList<>();
    List<Information> information = new ArrayList<>();
    Map<String, Long> actLines = new HashMap<>();
    // Many rows give the same date: each distinct text is parsed once.
    Map<String, DateRange> dates = new HashMap<>();
    for (Row r : rows(actsAhead, actsFile, ACT_HEADER)) {
      Cell actId = r.cell("act");
      String id = actId.required("act id");
      if (actLines.put(id, r.line()) != null || sources.containsKey(id)) {
        throw actId.bad("act id used twice");
      }
      if (stored.contains(id)) {
        throw actId.bad("an act with this id is stored already");
      }
      Cell placeCell = r.cell("place");
      Location where =
          Location.at(
              gazetteer
                  .place(placeCell.required("place code"))
                  .orElseThrow(() -> placeCell.bad("not a place code of the gazetteer")));
      Cell dateCell = r.cell("date");
      String dateText = dateCell.required("date");
      DateRange when = dates.get(dateText);
      if (when == null) {
        when = model(dateCell, () -> DateRange.parse(dateText));
        dates.put(dateText, when);
      }
      DateRange rowWhen = when;
      Cell eventCell = r.cell("event");
      String eventId = eventCell.required("event id");
      if (stored.contains(eventId)) {
        throw eventCell.bad("an event with this id is stored already");
      }
      if (!events.containsKey(eventId)) {
        Cell typeCell = r.cell("event type");
        Event e =
            model(
                eventCell,
                () ->
                    new Event(
                        eventId,
                        vocabularies
                            .eventType(typeCell.required("event type"))
                            .orElseThrow(() -> typeCell.bad("not an event type code")),
                        rowWhen,
                        where,
                        r.optionalCell(SUMMARY).flatMap(Cell::optional),
                        List.of()));
        events.put(eventId, e);
      }
      Cell sourceCell = r.cell("source");
      Source source = sources.get(sourceCell.required("source id"));
      if (source == null) {
        throw sourceCell.bad("no such source in " + sourcesFile.getFileName());
      }
      Optional<ConsentGrant> store = source.consent().grant(ConsentUse.STORE);
      if (store.isPresent() && store.get().withdrawn().isPresent()) {
        throw sourceCell.bad("the source's consent to store was withdrawn: remove its acts");
      }
      Cell passageCell = r.cell("passage");
      Optional<Passage> passage = passageCell.optional().map(p -> passage(passageCell, p));
      if (passage.orElse(null) instanceof Passage.TextSpan span) {
        int length = source.text().map(String::length).orElse(-1);
        if (span.end() > length) {
          throw passageCell.bad(
              length < 0
                  ? "quotes a text span of a source that has no text"
                  : "the span lies outside the " + length + " characters of the source's text");
        }
      }
      String infoId = id + ".info";
      information.add(
          model(
              actId,
              () ->
                  new Information(
                      infoId,
                      source.id(),
                      Optional.of(eventId),
                      passage,
                      scale(r.cell("reliability"), Reliability.class, Reliability.UNKNOWN),
                      scale(r.cell("observation"), Observation.class, Observation.HEARD))));
      Victim victim = victim(r);
      if (victim instanceof PersonRef p && !people.contains(p.id())) {
        throw r.cell("victim").bad("no such person in " + peopleWhere);
      }
      Optional<Cell> next = r.optionalCell(NEXT_EVENT).filter(c -> c.optional().isPresent());
      if (next.isPresent()) {
        if (!(victim instanceof PersonRef p)) {
          throw next.get().bad("a journey's next event needs a person as victim, not a group");
        }
        String nextId = next.get().value().strip();
        chains
            .computeIfAbsent(eventId, k -> new java.util.LinkedHashSet<>())
            .add(model(next.get(), () -> new ChainLink(nextId, p)));
        nextCells.putIfAbsent(eventId + "\u0000" + nextId, next.get());
      }
      Cell typeCell = r.cell("act type");
      if (typeCell.optional().isEmpty()) {
        // an event-only row: the victim was in the event (a crossing, hiding), no act was done
        if (victim instanceof Group) {
          throw typeCell.bad("the act type is missing");
        }
        continue;
      }
      acts.add(
          model(
              actId,
              () ->
                  new Act(
                      id,
                      eventId,
                      victim,
                      vocabularies
                          .actType(typeCell.required("act type"))
                          .orElseThrow(() -> typeCell.bad("not an act type code")),
                      rowWhen,
                      where,
                      involvements(r, people, peopleWhere),
                      List.of(infoId))));
    }
    for (Map.Entry<String, Cell> n : nextCells.entrySet()) {
      String next = n.getKey().substring(n.getKey().indexOf('\u0000') + 1);
      if (!events.containsKey(next)) {
        throw n.getValue().bad("no such event in " + actsFile.getFileName());
      }
    }
    List<Event> withChains = new ArrayList<>(events.size());
    for (Event e : events.values()) {
      Set<ChainLink> chain = chains.get(e.id());
      withChains.add(
          chain == null
              ? e
              : new Event(e.id(), e.type(), e.when(), e.where(), e.summary(), List.copyOf(chain)));
    }
    try {
      return new Documentation(List.copyOf(sources.values()), withChains, acts, information);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(actsFile.toString(), e.getMessage());
    }
  }

  private Victim victim(Row r) {
    Cell v = r.cell("victim");
    Cell count = r.cell("group count");
    String id = v.required("victim (a person or group id)");
    if (count.optional().isEmpty()) {
      return model(v, () -> new PersonRef(id));
    }
    int n;
    try {
      n = Integer.parseInt(count.optional().get());
    } catch (NumberFormatException e) {
      throw count.bad("not a whole number");
    }
    return model(count, () -> new Group(id, n));
  }

  /**
   * The row's involvements: an institution (perpetrator type and state) and a person (the optional
   * perpetrator person column), each with the row's degree; none when both are blank.
   */
  private List<Involvement> involvements(Row r, Set<String> people, String peopleWhere) {
    Degree degree = scale(r.cell("degree"), Degree.class, Degree.UNKNOWN);
    List<Involvement> out = new ArrayList<>(2);
    Cell type = r.cell("perpetrator type");
    if (type.optional().isPresent()) {
      var t =
          vocabularies
              .institutionType(type.optional().get())
              .orElseThrow(() -> type.bad("not a perpetrator (institution) type code"));
      Cell state = r.cell("perpetrator state");
      Institution i = model(state, () -> new Institution(t, state.optional(), Optional.empty()));
      out.add(new Involvement(i, degree));
    }
    Optional<Cell> person =
        r.optionalCell(PERPETRATOR_PERSON).filter(c -> c.optional().isPresent());
    if (person.isPresent()) {
      Cell c = person.get();
      PersonRef p = model(c, () -> new PersonRef(c.optional().get()));
      if (!people.contains(p.id())) {
        throw c.bad("no such person in " + peopleWhere);
      }
      out.add(new Involvement(p, degree));
    }
    return out;
  }

  private Source source(Row r) {
    Cell id = r.cell("source");
    Cell kind = r.cell("kind");
    Cell date = r.cell("date");
    Cell given = r.cell("consent given");
    Cell withdrawn = r.cell("consent withdrawn");
    Optional<PartialDate> when =
        date.optional().map(d -> model(date, () -> PartialDate.parseIso(d)));
    List<ConsentGrant> grants = new ArrayList<>();
    if (given.optional().isPresent()) {
      LocalDate g = day(given);
      Optional<LocalDate> w = withdrawn.optional().map(x -> day(withdrawn));
      grants.add(
          model(withdrawn, () -> new ConsentGrant(ConsentUse.STORE, g, w, java.util.Set.of())));
    } else if (withdrawn.optional().isPresent()) {
      throw withdrawn.bad("consent withdrawn that was never given");
    }
    for (ConsentColumns o : OTHER_CONSENTS) {
      otherConsent(r, o).ifPresent(grants::add);
    }
    if (!grants.stream().anyMatch(g -> g.use() == ConsentUse.SHARE)) {
      r.optionalCell(SHARE_PARTNERS)
          .filter(c -> c.optional().isPresent())
          .ifPresent(
              c -> {
                throw c.bad("partners named for a consent to share that was never given");
              });
    }
    Cell text = r.cell("text");
    return model(
        id,
        () ->
            new Source(
                id.required("source id"),
                scale(kind, SourceKind.class, null),
                r.cell("interviewer").optional(),
                when,
                r.cell("language").optional(),
                Optional.empty(),
                r.cell("holder").required("holder"),
                new Consent(grants),
                scale(r.cell("reliability"), Reliability.class, Reliability.UNKNOWN),
                text.value().isEmpty() ? Optional.empty() : Optional.of(text.value())));
  }

  /** A consent other than to store, from its optional columns (absent columns: none). */
  private static Optional<ConsentGrant> otherConsent(Row r, ConsentColumns o) {
    Optional<Cell> given = r.optionalCell(o.given()).filter(c -> c.optional().isPresent());
    Optional<Cell> withdrawn = r.optionalCell(o.withdrawn()).filter(c -> c.optional().isPresent());
    if (given.isEmpty()) {
      if (withdrawn.isPresent()) {
        throw withdrawn.get().bad("consent withdrawn that was never given");
      }
      return Optional.empty();
    }
    LocalDate g = day(given.get());
    Optional<LocalDate> w = withdrawn.map(DocumentationImport::day);
    if (w.isPresent() && w.get().isBefore(g)) {
      throw withdrawn.get().bad("consent withdrawn before it was given");
    }
    Set<String> partners = Set.of();
    Cell where = given.get();
    if (o.use() == ConsentUse.SHARE) {
      Optional<Cell> named = r.optionalCell(SHARE_PARTNERS);
      if (named.isEmpty() || named.get().optional().isEmpty()) {
        throw given.get().bad("consent to share names the partners it may go to (share partners)");
      }
      where = named.get();
      Set<String> listed = new java.util.LinkedHashSet<>();
      for (String p : named.get().value().split(";")) {
        if (!p.isBlank()) {
          listed.add(p.strip());
        }
      }
      partners = listed;
    }
    Set<String> to = partners;
    return Optional.of(model(where, () -> new ConsentGrant(o.use(), g, w, to)));
  }

  private static LocalDate day(Cell c) {
    try {
      return LocalDate.parse(c.value().strip());
    } catch (DateTimeParseException e) {
      throw c.bad("not a date YYYY-MM-DD");
    }
  }

  private static Passage passage(Cell c, String value) {
    int dots = value.indexOf("..");
    String[] parts =
        dots < 0 || value.indexOf("..", dots + 2) >= 0
            ? new String[0]
            : new String[] {value.substring(0, dots), value.substring(dots + 2)};
    if (parts.length != 2) {
      throw c.bad("a passage is START..END (character offsets of the source's text)");
    }
    try {
      int start = Integer.parseInt(parts[0].strip());
      int end = Integer.parseInt(parts[1].strip());
      return model(c, () -> new Passage.TextSpan(start, end));
    } catch (NumberFormatException e) {
      throw c.bad("a passage is START..END (character offsets of the source's text)");
    }
  }

  /** A code of an enum scale, written in lower case with '-' for '_'; blank gives the default. */
  private static <E extends Enum<E>> E scale(Cell c, Class<E> type, E blank) {
    if (c.optional().isEmpty()) {
      if (blank == null) {
        throw c.bad("the " + type.getSimpleName().toLowerCase(Locale.ROOT) + " is missing");
      }
      return blank;
    }
    String v = c.optional().get().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v)) {
        return e;
      }
    }
    throw c.bad("not a " + type.getSimpleName().toLowerCase(Locale.ROOT) + " code");
  }

  /** Builds a model value, turning its validation error into bad input at {@code c}. */
  private static <T> T model(Cell c, Supplier<T> build) {
    try {
      return build.get();
    } catch (BadInputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw c.bad(e.getMessage());
    }
  }

  private static List<Row> rows(Path file, List<String> header) {
    String name = file.toString();
    List<Row> out = new ArrayList<>();
    Map<String, Integer> columns = new HashMap<>();
    Tables.read(
        file,
        new TableSink() {
          @Override
          public void header(List<String> headers, long line) {
            columns(name, headers, line, header, columns);
          }

          @Override
          public void row(long line, String[] values) {
            if (Arrays.stream(values).allMatch(String::isBlank)) {
              return;
            }
            out.add(new Row(name, line, columns, values));
          }
        });
    if (columns.isEmpty()) {
      throw new BadInputException(name, "no header row");
    }
    return out;
  }

  /** The columns by (lower-case) name, checked against the required header. */
  private static void columns(
      String name,
      List<String> headers,
      long line,
      List<String> header,
      Map<String, Integer> columns) {
    for (int i = 0; i < headers.size(); i++) {
      String h = headers.get(i).strip().toLowerCase(Locale.ROOT);
      columns.putIfAbsent(h.startsWith("\uFEFF") ? h.substring(1) : h, i);
    }
    for (String h : header) {
      if (!columns.containsKey(h)) {
        throw new BadInputException(
            BadInputException.at(name, line, 0), "no column '" + h + "' in the header");
      }
    }
  }

  /**
   * As {@link #rows(Path, List)}, from a table read ahead on its own thread: the same rows and the
   * same problems, each met where it is in the file.
   */
  private static Iterable<Row> rows(TableAhead table, Path file, List<String> header) {
    String name = file.toString();
    Map<String, Integer> columns = new HashMap<>();
    Iterator<TableAhead.Line> lines = table.iterator();
    return () ->
        new Iterator<>() {
          private Row next;
          private boolean done;

          @Override
          public boolean hasNext() {
            while (next == null && !done) {
              if (!lines.hasNext()) {
                done = true;
                if (columns.isEmpty()) {
                  throw new BadInputException(name, "no header row");
                }
                break;
              }
              TableAhead.Line l = lines.next();
              if (l.header()) {
                columns(name, Arrays.asList(l.values()), l.line(), header, columns);
              } else if (!Arrays.stream(l.values()).allMatch(String::isBlank)) {
                next = new Row(name, l.line(), columns, l.values());
              }
            }
            return next != null;
          }

          @Override
          public Row next() {
            if (!hasNext()) {
              throw new java.util.NoSuchElementException();
            }
            Row r = next;
            next = null;
            return r;
          }
        };
  }
}
