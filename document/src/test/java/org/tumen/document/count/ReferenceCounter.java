package org.tumen.document.count;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.tumen.document.event.EventClusters;
import org.tumen.model.DateRange;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Group;
import org.tumen.model.documentation.Information;
import org.tumen.model.documentation.Institution;
import org.tumen.model.documentation.Involvement;
import org.tumen.model.documentation.PersonRef;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;

/**
 * The straightforward counting {@link Counter} must agree with (its implementation before the
 * columns).
 */
final class ReferenceCounter {

  private final Gazetteer gazetteer;
  private final List<CountedAct> acts;

  /** Merges the documentation's act records by the rules above, once. */
  ReferenceCounter(Documentation documentation, EventClusters clusters, Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.acts = merge(documentation, clusters);
  }

  /** The acts as counted. */
  List<CountedAct> acts() {
    return acts;
  }

  private List<CountedAct> merge(Documentation d, EventClusters clusters) {
    Map<String, String> sourceOfInfo = new HashMap<>();
    for (Information i : d.information()) {
      sourceOfInfo.put(i.id(), i.source());
    }
    Map<String, List<Act>> byKey = new LinkedHashMap<>();
    for (Act a : d.acts()) {
      String victim = a.victim() instanceof PersonRef p ? "p:" + p.id() : "groups";
      byKey
          .computeIfAbsent(
              clusters.cluster(a.event()) + "|" + a.type().code() + "|" + victim,
              k -> new ArrayList<>())
          .add(a);
    }
    List<CountedAct> out = new ArrayList<>(byKey.size());
    for (List<Act> records : byKey.values()) {
      Act first = records.get(0);
      DateRange when = first.when();
      Place where = first.where().place();
      Set<String> perpetrators = new LinkedHashSet<>();
      Set<String> sources = new LinkedHashSet<>();
      Map<String, Map<String, Integer>> groupsBySource = new LinkedHashMap<>();
      for (Act a : records) {
        if (a.when().lengthInDays() < when.lengthInDays()) {
          when = a.when();
        }
        if (a.where().place().level().compareTo(where.level()) > 0) {
          where = a.where().place();
        }
        for (Involvement i : a.involvements()) {
          perpetrators.add(
              i.perpetrator() instanceof Institution inst ? inst.type().code() : "person");
        }
        Set<String> actSources = new LinkedHashSet<>();
        for (String info : a.information()) {
          actSources.add(sourceOfInfo.get(info));
        }
        sources.addAll(actSources);
        if (a.victim() instanceof Group g) {
          for (String s : actSources) {
            groupsBySource
                .computeIfAbsent(s, k -> new LinkedHashMap<>())
                .merge(g.id(), g.count(), Math::max);
          }
        }
      }
      if (perpetrators.isEmpty()) {
        perpetrators.add("unknown");
      }
      Optional<String> person =
          first.victim() instanceof PersonRef p ? Optional.of(p.id()) : Optional.empty();
      List<CountedAct.GroupCount> groups = new ArrayList<>();
      if (person.isEmpty()) {
        Map<String, Integer> largest =
            groupsBySource.values().stream()
                .max(
                    Comparator.comparingInt(
                        m -> m.values().stream().mapToInt(Integer::intValue).sum()))
                .orElseThrow();
        largest.forEach((g, n) -> groups.add(new CountedAct.GroupCount(g, n)));
      }
      out.add(
          new CountedAct(
              clusters.cluster(first.event()),
              first.type(),
              person,
              groups,
              when,
              where,
              perpetrators,
              sources));
    }
    return List.copyOf(out);
  }

  /** A table of {@code unit} split by {@code dimensions} (none: the total alone). */
  CountTable table(Unit unit, List<Dimension> dimensions) {
    Map<List<String>, Tally> rows = new TreeMap<>(ReferenceCounter::compareKeys);
    Tally total = new Tally(unit);
    for (CountedAct a : acts) {
      total.add(a);
      for (List<String> key : keys(a, dimensions)) {
        rows.computeIfAbsent(key, k -> new Tally(unit)).add(a);
      }
    }
    List<CountTable.Row> out = new ArrayList<>(rows.size());
    rows.forEach((k, t) -> out.add(new CountTable.Row(k, t.count(), t.sources.size())));
    List<String> names = dimensions.stream().map(Dimension::name).toList();
    return new CountTable(
        unit,
        names,
        unit.description(),
        dimensions.isEmpty()
            ? ""
            : "a unit can fall in several rows (an act with two perpetrator types, a victim of two"
                + " act types), so rows may add up to more than the total",
        out,
        new CountTable.Row(List.of(), total.count(), total.sources.size()));
  }

  private List<List<String>> keys(CountedAct a, List<Dimension> dimensions) {
    List<List<String>> keys = new ArrayList<>();
    keys.add(List.of());
    for (Dimension d : dimensions) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> k : keys) {
        for (String v : d.values(a, gazetteer)) {
          List<String> longer = new ArrayList<>(k);
          longer.add(v);
          next.add(longer);
        }
      }
      keys = next;
    }
    return keys;
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** The units of one row, gathered as acts are added: only those its table counts, and sources. */
  private static final class Tally {
    private final Unit unit;
    long acts;
    final Set<String> persons = new HashSet<>();
    final Map<String, Integer> groups = new HashMap<>();
    final Set<String> events = new HashSet<>();
    final Set<String> sources = new HashSet<>();

    Tally(Unit unit) {
      this.unit = unit;
    }

    void add(CountedAct a) {
      switch (unit) {
        case ACTS -> acts += a.headcount();
        case VICTIMS -> {
          a.person().ifPresent(persons::add);
          for (CountedAct.GroupCount g : a.groups()) {
            groups.merge(g.group(), g.count(), Math::max);
          }
        }
        case EVENTS -> events.add(a.event());
        case SOURCES -> {}
      }
      sources.addAll(a.sources());
    }

    long count() {
      return switch (unit) {
        case ACTS -> acts;
        case VICTIMS ->
            persons.size() + groups.values().stream().mapToLong(Integer::longValue).sum();
        case EVENTS -> events.size();
        case SOURCES -> sources.size();
      };
    }
  }
}
