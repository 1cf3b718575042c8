package org.tumen.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.tumen.document.count.CountTable;
import org.tumen.document.count.Counter;
import org.tumen.document.count.Dimension;
import org.tumen.document.count.Unit;
import org.tumen.document.event.EventClusters;
import org.tumen.document.event.EventDeduplicator;
import org.tumen.document.law.Finding;
import org.tumen.document.law.Qualification;
import org.tumen.document.law.Qualifier;
import org.tumen.model.PartialDate;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.report.DocumentationSummary;
import org.tumen.simulate.Scenario;
import org.tumen.simulate.WitnessSimulator;
import org.tumen.store.Workspace;

/**
 * The documentation part of {@code tumen demo}: simulated interviews imported through the same
 * reader as {@code tumen document import}, stored sealed, de-duplicated, counted and qualified, for
 * the summary's table of acts by type with the provisions they breach and its chart of events by
 * month. Event de-duplication is scored against the simulator's truth.
 */
final class DemoDocumentation {

  private static final Vocabularies V = Vocabularies.standard();
  private static final Gazetteer G = Gazetteer.standard();

  private DemoDocumentation() {}

  /**
   * Simulates interviews of one travelling group in 40 people into {@code dir}: half the default of
   * {@code tumen simulate}, so that the demo stays under a minute (storing them sealed is the slow
   * part: docs/benchmarks.md, "Import of documentation").
   */
  static WitnessSimulator.Summary simulate(int population, long seed, Path dir) throws IOException {
    return WitnessSimulator.simulate(
        Scenario.defaults(), population, seed, Math.max(1, population / 40), dir);
  }

  /** Imports the simulated tables into {@code ws} (sealed) and counts them. */
  static DocumentationSummary importAndCount(Workspace ws, Path dir) {
    Documentation read =
        new DocumentationImport(V, G)
            .read(
                dir.resolve("sources.csv"),
                dir.resolve("people.csv"),
                dir.resolve("acts.csv"),
                DocumentationImport.Stored.of(ws.documentation().loadCodes()));
    ws.documentation().saveImport(read);
    // Counting reads only what is stored in clear, as tumen count does.
    Documentation d = ws.documentation().loadCodes();
    EventClusters clusters = new EventDeduplicator(G).deduplicate(d);
    return summarise(d, clusters, score(trueEvents(dir.resolve("events-truth.csv")), clusters));
  }

  static DocumentationSummary summarise(
      Documentation d, EventClusters clusters, DocumentationSummary.Deduplication score) {
    Counter counter = new Counter(d, clusters, G);
    CountTable acts = counter.table(Unit.ACTS, List.of(Dimension.actType()));
    CountTable victims = counter.table(Unit.VICTIMS, List.of(Dimension.actType()));
    Map<String, Long> victimsByType = new HashMap<>();
    victims.rows().forEach(r -> victimsByType.put(r.key().get(0), r.count()));
    Map<String, Map<String, Set<String>>> law = provisions(d);
    List<DocumentationSummary.ActTypeRow> rows = new ArrayList<>();
    for (CountTable.Row r : acts.rows()) {
      String code = r.key().get(0);
      List<String> provisions = new ArrayList<>();
      law.getOrDefault(code, Map.of())
          .forEach(
              (provision, states) -> provisions.add(provision + " — " + String.join("; ", states)));
      rows.add(
          new DocumentationSummary.ActTypeRow(
              code,
              V.actType(code).map(t -> t.labels().en()).orElse(code),
              r.count(),
              victimsByType.getOrDefault(code, 0L),
              r.sources(),
              provisions));
    }
    rows.sort((a, b) -> Long.compare(b.acts(), a.acts()));
    Map<String, long[]> byMonth = new TreeMap<>();
    long unknown = 0;
    Map<String, Event> events = new HashMap<>();
    d.events().forEach(e -> events.put(e.id(), e));
    for (List<String> cluster : clusters.clusters()) {
      Event best = null;
      for (String id : cluster) {
        Event e = events.get(id);
        if (best == null || e.when().lengthInDays() < best.when().lengthInDays()) {
          best = e;
        }
      }
      PartialDate start = best.when().start();
      if (start.precision() == PartialDate.Precision.YEAR) {
        unknown++;
        continue;
      }
      String kind =
          best.type().code().equals("border-crossing") ? "border crossings" : "other events";
      byMonth.computeIfAbsent(kind, k -> new long[12])[start.earliest().getMonthValue() - 1]++;
    }
    return new DocumentationSummary(
        d.sources().size(),
        d.events().size(),
        clusters.clusters().size(),
        acts.total().count(),
        victims.total().count(),
        rows,
        byMonth,
        unknown,
        score);
  }

  /**
   * For each act type, each provision its acts breach with, per state measured, how many act
   * records the legal derivation found at each standing ("CHN: party 40, signed only 12").
   */
  private static Map<String, Map<String, Set<String>>> provisions(Documentation d) {
    Qualifier q = new Qualifier(V, G);
    Map<String, Map<String, Map<String, Map<String, Integer>>>> byType = new HashMap<>();
    for (Act a : d.acts()) {
      for (Qualification qual : q.qualify(a)) {
        for (Finding f : qual.findings()) {
          String provision =
              citation(f) + f.condition().map(c -> " (" + c.labels().en() + ")").orElse("");
          byType
              .computeIfAbsent(a.type().code(), k -> new LinkedHashMap<>())
              .computeIfAbsent(provision, k -> new TreeMap<>())
              .computeIfAbsent(qual.state(), k -> new LinkedHashMap<>())
              .merge(standing(f), 1, Integer::sum);
        }
      }
    }
    Map<String, Map<String, Set<String>>> out = new HashMap<>();
    byType.forEach(
        (type, provisions) -> {
          Map<String, Set<String>> p = new LinkedHashMap<>();
          provisions.forEach(
              (provision, states) -> {
                Set<String> s = new TreeSet<>();
                states.forEach(
                    (state, standings) -> {
                      List<String> parts = new ArrayList<>();
                      standings.entrySet().stream()
                          .sorted((x, y) -> y.getValue() - x.getValue())
                          .forEach(
                              e ->
                                  parts.add(
                                      standings.size() == 1
                                          ? e.getKey()
                                          : e.getKey() + " " + e.getValue()));
                      s.add(state + ": " + String.join(", ", parts));
                    });
                p.put(provision, s);
              });
          out.put(type, p);
        });
    return out;
  }

  /** "ICCPR art. 7"; a crime against humanity by its Rome Statute element, as the COI applied. */
  private static String citation(Finding f) {
    String article = f.provision().article();
    return Character.isDigit(article.charAt(0))
        ? f.provision().citation()
        : "crime against humanity, " + article + " (UN COI 2014)";
  }

  private static String standing(Finding f) {
    return f.certain()
        ? f.standing().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        : "changed during the act";
  }

  /** Pairwise precision and recall of "same event" against the truth (record → true event). */
  static DocumentationSummary.Deduplication score(
      Map<String, String> truth, EventClusters clusters) {
    Map<String, Long> trueSizes = new HashMap<>();
    Map<String, Long> foundSizes = new HashMap<>();
    Map<String, Long> bothSizes = new HashMap<>();
    for (Map.Entry<String, String> e : truth.entrySet()) {
      String cluster = clusters.cluster(e.getKey());
      trueSizes.merge(e.getValue(), 1L, Long::sum);
      foundSizes.merge(cluster, 1L, Long::sum);
      bothSizes.merge(e.getValue() + "\u0000" + cluster, 1L, Long::sum);
    }
    long truePairs = pairs(trueSizes);
    long foundPairs = pairs(foundSizes);
    long correct = pairs(bothSizes);
    return new DocumentationSummary.Deduplication(
        foundPairs == 0 ? 1 : (double) correct / foundPairs,
        truePairs == 0 ? 1 : (double) correct / truePairs,
        truePairs);
  }

  private static long pairs(Map<String, Long> sizes) {
    return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
  }

  static Map<String, String> trueEvents(Path file) {
    Map<String, String> truth = new HashMap<>();
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines
          .skip(1)
          .forEach(
              line -> {
                int comma = line.indexOf(',');
                truth.put(line.substring(0, comma), line.substring(comma + 1));
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return truth;
  }
}
