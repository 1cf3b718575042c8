package org.tumen.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.tumen.document.count.Counter;
import org.tumen.document.count.Dimension;
import org.tumen.document.count.Period;
import org.tumen.document.count.Unit;
import org.tumen.document.event.EventDeduplicator;
import org.tumen.document.law.Finding;
import org.tumen.document.law.Qualification;
import org.tumen.document.law.Qualifier;
import org.tumen.model.BadInputException;
import org.tumen.model.DateRange;
import org.tumen.model.PartialDate;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Information;
import org.tumen.model.documentation.Passage;
import org.tumen.model.documentation.Source;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.PlaceLevel;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.report.publication.DisclosureControl;
import org.tumen.report.publication.EstimateView;
import org.tumen.report.publication.LawRow;
import org.tumen.report.publication.Provenance;
import org.tumen.report.publication.Publication;
import org.tumen.report.publication.PublishedQuote;
import org.tumen.report.publication.PublishedTable;
import org.tumen.store.Workspace;
import org.tumen.store.clusters.LinkageRun;
import org.tumen.store.estimates.StoredEstimate;
import org.tumen.store.records.StoredList;

/**
 * Gathers what a report or the public site shows from a workspace, and passes every table and quote
 * through disclosure control: the one place where workspace data become a {@link Publication}.
 * Shared by {@code tumen report}, {@code tumen publish} and the demo.
 */
final class Publications {

  /** What to publish: the period, the place level, the title, whether the data are synthetic. */
  record Scope(
      String title,
      boolean synthetic,
      Optional<DateRange> from,
      Optional<DateRange> to,
      PlaceLevel placeLevel,
      LocalDate day) {}

  private Publications() {}

  /**
   * The publication of {@code documentation} (codes alone, or with texts for quotes) and the
   * workspace's lists, linkage runs and estimates.
   *
   * @throws BadInputException when a period was asked for and no act lies in it
   */
  static Publication gather(
      Workspace ws, Documentation documentation, Scope scope, DisclosureControl control) {
    Vocabularies v = Vocabularies.standard();
    Gazetteer g = Gazetteer.standard();
    Documentation d = within(documentation, scope);
    if (d.acts().isEmpty() && (scope.from().isPresent() || scope.to().isPresent())) {
      throw new BadInputException(
          "--from/--to",
          "no act is documented "
              + period(scope)
              + " ("
              + documentation.acts().size()
              + " acts in the workspace): nothing to report");
    }
    List<PublishedTable> tables = new ArrayList<>();
    if (!d.acts().isEmpty()) {
      Counter counter = new Counter(d, new EventDeduplicator(g).deduplicate(d), g);
      tables.add(
          control.protect(
              "acts-by-act-type", counter.table(Unit.ACTS, List.of(Dimension.actType()))));
      tables.add(
          control.protect(
              "acts-by-year", counter.table(Unit.ACTS, List.of(Dimension.period(Period.YEAR)))));
      tables.add(
          control.protectByPlace(
              "acts-by-place", counter.acts(), scope.placeLevel(), Unit.ACTS.description()));
      // totals alone: victims and sources fall in several rows of a table, so their rows do not add
      // up
      tables.add(control.protect("victims-total", counter.table(Unit.VICTIMS, List.of())));
      tables.add(control.protect("sources-total", counter.table(Unit.SOURCES, List.of())));
    }
    List<EstimateView> estimates = estimates(ws);
    return new Publication(
        scope.title(),
        scope.synthetic(),
        scope.from().map(r -> r.earliest().toString()),
        scope.to().map(r -> r.latest().toString()),
        tables,
        estimates.stream().findFirst(),
        estimates.size() > 1 ? estimates.subList(1, estimates.size()) : List.of(),
        law(d, new Qualifier(v, g)),
        quotes(d, scope.day(), control),
        provenance(ws, documentation, v, g, scope.day()));
  }

  private static String period(Scope s) {
    return "from "
        + s.from().map(r -> r.earliest().toString()).orElse("the start")
        + " to "
        + s.to().map(r -> r.latest().toString()).orElse("the end");
  }

  /** The acts whose dates lie wholly within the period; everything else as it is. */
  static Documentation within(Documentation d, Scope s) {
    if (s.from().isEmpty() && s.to().isEmpty()) {
      return d;
    }
    List<Act> acts =
        d.acts().stream()
            .filter(
                a ->
                    s.from().map(f -> !a.when().earliest().isBefore(f.earliest())).orElse(true)
                        && s.to().map(t -> !a.when().latest().isAfter(t.latest())).orElse(true))
            .toList();
    return new Documentation(d.sources(), d.events(), acts, d.information());
  }

  /**
   * Saved estimates, the headline first: the newest of the method Tumen recommends by default
   * ({@code combined}) if one was saved, else the newest with an estimate, else the newest.
   */
  static List<EstimateView> estimates(Workspace ws) {
    List<StoredEstimate> all = new ArrayList<>(ws.estimates().all());
    all.sort(Comparator.comparing(StoredEstimate::id).reversed());
    List<StoredEstimate> ordered = new ArrayList<>();
    all.stream()
        .filter(e -> e.method().equals("combined") && e.estimate() != null)
        .findFirst()
        .or(() -> all.stream().filter(e -> e.estimate() != null).findFirst())
        .or(() -> all.stream().findFirst())
        .ifPresent(ordered::add);
    all.stream().filter(e -> !ordered.contains(e)).forEach(ordered::add);
    return ordered.stream().map(Publications::view).toList();
  }

  private static EstimateView view(StoredEstimate e) {
    List<String> notes = new ArrayList<>();
    String inestimable = "";
    try {
      JsonNode diag = new ObjectMapper().readTree(e.diagnostics());
      if (diag != null) {
        diag.path("warnings").forEach(w -> notes.add(w.asText()));
        inestimable = diag.path("inestimable").asText("");
      }
    } catch (IOException ex) {
      notes.add(e.diagnostics());
    }
    if (e.estimate() == null && inestimable.isBlank()) {
      inestimable = e.diagnostics();
    }
    return new EstimateView(
        Long.toString(e.id()),
        e.stratum(),
        e.lists(),
        e.method(),
        e.model(),
        e.observed(),
        Optional.ofNullable(e.estimate()),
        e.level() == null ? 0 : e.level(),
        e.lower() == null ? 0 : e.lower(),
        e.upper() == null ? 0 : e.upper(),
        inestimable,
        notes,
        e.softwareVersion(),
        e.createdAt());
  }

  /** Per act type, provision and state: the weakest standing over the acts. */
  static List<LawRow> law(Documentation d, Qualifier q) {
    Map<List<String>, LawRow> rows = new TreeMap<>(Comparator.comparing(Object::toString));
    for (Act a : d.acts()) {
      for (Qualification qa : q.qualify(a)) {
        for (Finding f : qa.findings()) {
          List<String> key =
              List.of(a.type().code(), f.provision().citation(), qa.state(), qa.basis().name());
          LawRow now =
              new LawRow(
                  a.type().code(),
                  f.provision().citation(),
                  f.condition().map(c -> c.code()).orElse(""),
                  qa.state(),
                  qa.basis().name(),
                  f.standing().name(),
                  !f.certain());
          rows.merge(key, now, Publications::weaker);
        }
      }
    }
    return List.copyOf(rows.values());
  }

  private static LawRow weaker(LawRow a, LawRow b) {
    int sa = org.tumen.document.law.Standing.valueOf(a.standing()).ordinal();
    int sb = org.tumen.document.law.Standing.valueOf(b.standing()).ordinal();
    LawRow w = sa >= sb ? a : b;
    return new LawRow(
        w.actType(),
        w.provision(),
        w.condition(),
        w.state(),
        w.basis(),
        w.standing(),
        a.uncertain() || b.uncertain() || sa != sb);
  }

  /**
   * Every passage of a source's text cited by an information, as a quote candidate: consent to
   * quote is judged on {@code day}, and disclosure control redacts and decides.
   */
  static List<PublishedQuote> quotes(Documentation d, LocalDate day, DisclosureControl control) {
    List<PublishedQuote> out = new ArrayList<>();
    for (Information i : d.information()) {
      if (!(i.passage().orElse(null) instanceof Passage.TextSpan span)) {
        continue;
      }
      Source s = d.source(i.source()).orElseThrow();
      if (s.text().isEmpty() || span.end() > s.text().get().length()) {
        continue;
      }
      String text = s.text().get().substring(span.start(), span.end());
      String attribution =
          s.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + s.date().map(pd -> ", " + pd.year()).orElse("");
      control
          .quote(
              new DisclosureControl.QuoteCandidate(
                  i.id(), text, s.language().orElse(""), s.id(), s.consent(), attribution))
          .ifPresent(out::add);
    }
    return out;
  }

  /** Whether an information's passage may be quoted today: for a story's reference. */
  static Optional<String> quoteRefusal(Documentation d, String id, LocalDate day) {
    Optional<Information> i = d.information().stream().filter(x -> x.id().equals(id)).findFirst();
    if (i.isEmpty()) {
      return Optional.of("quote " + id + " does not exist");
    }
    if (!(i.get().passage().orElse(null) instanceof Passage.TextSpan)) {
      return Optional.of("quote " + id + " has no passage of text to quote");
    }
    Source s = d.source(i.get().source()).orElseThrow();
    if (!s.consent().allows(ConsentUse.QUOTE, day)) {
      return Optional.of("quote " + id + " is not consented to on " + day);
    }
    return Optional.empty();
  }

  private static Provenance provenance(
      Workspace ws, Documentation d, Vocabularies v, Gazetteer g, LocalDate day) {
    Map<String, Long> lists = new LinkedHashMap<>();
    for (StoredList l : ws.records().lists()) {
      lists.put(l.name(), l.records());
    }
    List<Provenance.LinkageRunView> runs = new ArrayList<>();
    for (LinkageRun r : ws.clusters().runs()) {
      runs.add(
          new Provenance.LinkageRunView(
              Long.toString(r.id()),
              r.description(),
              r.records(),
              r.clusters(),
              r.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().toString()));
    }
    Map<String, Long> doc = new LinkedHashMap<>();
    doc.put("sources", (long) d.sources().size());
    doc.put("events", (long) d.events().size());
    doc.put("acts", (long) d.acts().size());
    Map<String, Integer> versions = new TreeMap<>(v.versions());
    versions.put("gazetteer", g.version());
    return new Provenance(lists, runs, doc, versions, softwareVersion(), day);
  }

  /** This Tumen's version, as the build wrote it. */
  static String softwareVersion() {
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return "tumen " + p.getProperty("version") + " (built " + p.getProperty("built") + ")";
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** A period bound as the user typed it: {@code 2002}, {@code 2002-03} or a day. */
  static Optional<DateRange> bound(String option, String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(DateRange.of(PartialDate.parseIso(text.strip())));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(option, "not a date (YYYY, YYYY-MM or YYYY-MM-DD): " + text);
    }
  }
}
