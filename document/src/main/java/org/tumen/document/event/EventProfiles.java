package org.tumen.document.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tumen.model.documentation.CountingRecords;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;
import org.tumen.model.place.PlaceLevel;

/**
 * What each event record says, in the form the comparison needs, in columns of numbers: its type,
 * its first and last possible day, its place (numbered in a small table of the places used, with
 * their ancestors, countries and distances worked out once), and, as sorted arrays, the linked
 * people in it (victims of its acts and the people whose journey passes through it), its act types
 * and the sources that tell it.
 */
final class EventProfiles {

  final int size;
  final int[] type;
  final int[] earliest;
  final int[] latest;
  final int[] place;
  final int[][] persons;
  final int[][] actTypes;
  final int[][] sources;

  /** The places used, by number: level, parent (-1 for a country), country, region. */
  final List<Place> places = new ArrayList<>();

  private final Map<String, Integer> placeNumbers = new HashMap<>();
  private final List<Integer> parents = new ArrayList<>();
  int[] level;
  int[] parent;
  int[] country;
  int[] region;

  /** Whether the places' coordinates are more than 50 km apart, by pair of place numbers. */
  boolean[] far;

  EventProfiles(CountingRecords r, Gazetteer gazetteer) {
    size = r.events();
    type = new int[size];
    earliest = new int[size];
    latest = new int[size];
    place = new int[size];
    Map<String, Integer> types = new HashMap<>();
    for (int e = 0; e < size; e++) {
      type[e] = types.computeIfAbsent(r.eventType(e), k -> types.size());
      earliest[e] = (int) EpochDays.earliest(r.eventWhen(e));
      latest[e] = (int) EpochDays.latest(r.eventWhen(e));
      place[e] = placeNumber(r.eventWhere(e), gazetteer);
    }
    placeTable(gazetteer);
    int[] personCount = new int[size];
    int[] actCount = new int[size];
    int[] sourceCount = new int[size];
    for (int e = 0; e < size; e++) {
      personCount[e] = r.chainPersons(e).length;
      sourceCount[e] = r.toldBy(e).length;
    }
    for (int a = 0; a < r.acts(); a++) {
      int e = r.actEvent(a);
      if (r.actPerson(a) >= 0) {
        personCount[e]++;
      }
      actCount[e]++;
      sourceCount[e] += r.citedBy(a).length;
    }
    persons = new int[size][];
    actTypes = new int[size][];
    sources = new int[size][];
    int[] np = new int[size];
    int[] na = new int[size];
    int[] ns = new int[size];
    for (int e = 0; e < size; e++) {
      int[] chain = r.chainPersons(e);
      persons[e] = Arrays.copyOf(chain, personCount[e]);
      np[e] = chain.length;
      actTypes[e] = new int[actCount[e]];
      int[] told = r.toldBy(e);
      sources[e] = Arrays.copyOf(told, sourceCount[e]);
      ns[e] = told.length;
    }
    Map<String, Integer> actTypeNumbers = new HashMap<>();
    for (int a = 0; a < r.acts(); a++) {
      int e = r.actEvent(a);
      if (r.actPerson(a) >= 0) {
        persons[e][np[e]++] = r.actPerson(a);
      }
      actTypes[e][na[e]++] =
          actTypeNumbers.computeIfAbsent(r.actType(a).code(), k -> actTypeNumbers.size());
      for (int s : r.citedBy(a)) {
        sources[e][ns[e]++] = s;
      }
    }
    for (int e = 0; e < size; e++) {
      persons[e] = sortedSet(persons[e]);
      actTypes[e] = sortedSet(actTypes[e]);
      sources[e] = sortedSet(sources[e]);
    }
  }

  private int placeNumber(Place p, Gazetteer gazetteer) {
    Integer n = placeNumbers.get(p.code());
    if (n != null) {
      return n;
    }
    int parentNumber =
        p.parent().isEmpty() ? -1 : placeNumber(gazetteer.parent(p).orElseThrow(), gazetteer);
    n = places.size();
    placeNumbers.put(p.code(), n);
    places.add(p);
    parents.add(parentNumber);
    return n;
  }

  private void placeTable(Gazetteer gazetteer) {
    int k = places.size();
    level = new int[k];
    parent = new int[k];
    country = new int[k];
    region = new int[k];
    for (int i = 0; i < k; i++) {
      Place p = places.get(i);
      level[i] = p.level().ordinal();
      parent[i] = parents.get(i);
    }
    for (int i = 0; i < k; i++) {
      country[i] = ancestorAt(i, PlaceLevel.COUNTRY.ordinal());
      region[i] = ancestorAt(i, PlaceLevel.REGION.ordinal());
    }
    far = new boolean[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        far[i * k + j] = Gazetteer.distanceKm(places.get(i), places.get(j)) > 50;
      }
    }
  }

  /** The place's ancestor at a level, or the place itself when at that level or coarser. */
  private int ancestorAt(int p, int atLevel) {
    int at = p;
    while (level[at] > atLevel) {
      at = parent[at];
    }
    return at;
  }

  /** Whether place {@code inner} is {@code outer} or lies within it. */
  boolean contains(int outer, int inner) {
    for (int at = inner; at >= 0; at = parent[at]) {
      if (at == outer) {
        return true;
      }
    }
    return false;
  }

  boolean far(int a, int b) {
    return far[a * places.size() + b];
  }

  /** Days between the records' dates: 0 when they overlap. */
  int gap(int a, int b) {
    return Math.max(0, Math.max(earliest[b] - latest[a], earliest[a] - latest[b]));
  }

  /** The year of the first day a record could be. */
  int year(int e) {
    return java.time.LocalDate.ofEpochDay(earliest[e]).getYear();
  }

  static int[] sortedSet(int[] values) {
    if (values.length < 2) {
      return values;
    }
    int[] v = values.clone();
    Arrays.sort(v);
    int k = 1;
    for (int i = 1; i < v.length; i++) {
      if (v[i] != v[k - 1]) {
        v[k++] = v[i];
      }
    }
    return k == v.length ? v : Arrays.copyOf(v, k);
  }

  /** How many values two sorted sets share. */
  static int shared(int[] a, int[] b) {
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        n++;
        i++;
        j++;
      }
    }
    return n;
  }

  /** Whether two sorted sets share a value. */
  static boolean meet(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        return true;
      }
    }
    return false;
  }
}
