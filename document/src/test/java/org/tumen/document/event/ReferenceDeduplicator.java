package org.tumen.document.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tumen.model.DateRange;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.ChainLink;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.documentation.Information;
import org.tumen.model.documentation.PersonRef;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;
import org.tumen.model.place.PlaceLevel;

/**
 * The straightforward de-duplication the fast {@link EventDeduplicator} must agree with: profiles
 * of strings and sets, a hash map of candidate pairs, every pair scored on the model's objects (the
 * implementation before the columns, with its order of equal-score pairs made explicit).
 */
public final class ReferenceDeduplicator {

  /**
   * The score from which a pair sharing a linked person is one event. A person named in a candidate
   * pair has some six to twelve events in a journey, so a candidate pair is one event with prior
   * odds of about 1 to 6 (−2.6 bits); 7 points bring that to about 20 to 1. Checked, not fitted, on
   * simulated witnesses (EventDeduplicatorTest): precision 0.997, recall 0.97.
   */
  static final int MATCH = 7;

  /** The score from which a pair not matched goes to review. */
  static final int REVIEW = 6;

  /** Larger blocks of records that name nobody are not compared (their pairs would be noise). */
  private static final int MAX_ANONYMOUS_BLOCK = 200;

  private final Comparison comparison;

  private final Gazetteer gazetteer;

  public ReferenceDeduplicator(Gazetteer gazetteer) {
    this.comparison = new Comparison(gazetteer);
    this.gazetteer = gazetteer;
  }

  public EventClusters deduplicate(Documentation d) {
    List<Profile> profiles = Profile.of(d);
    Map<String, Integer> position = new HashMap<>();
    for (Profile p : profiles) {
      position.put(p.event().id(), p.index());
    }
    List<EventPair> matches = new ArrayList<>();
    List<EventPair> review = new ArrayList<>();
    Map<Long, int[]> scored = new HashMap<>();
    for (int[] pair : candidates(profiles)) {
      Profile a = profiles.get(pair[0]);
      Profile b = profiles.get(pair[1]);
      int score = comparison.score(a, b);
      scored.put(key(pair[0], pair[1]), new int[] {score});
      if (score == Comparison.VETO || score < REVIEW) {
        continue;
      }
      int shared = Comparison.sharedPersons(a, b);
      EventPair p = new EventPair(a.event().id(), b.event().id(), score, shared);
      if (shared > 0 && score >= MATCH) {
        matches.add(p);
      } else {
        review.add(p);
      }
    }
    int[] parent = new int[profiles.size()];
    List<List<Integer>> members = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (Profile p : profiles) {
      parent[p.index()] = p.index();
      members.add(new ArrayList<>(List.of(p.index())));
      index.put(p.event().id(), p.index());
    }
    // ties in the order of the records (first, then second), as the fast path defines them
    matches.sort(
        Comparator.comparingInt(EventPair::score)
            .reversed()
            .thenComparing(p -> position.get(p.a()))
            .thenComparing(p -> position.get(p.b())));
    for (EventPair m : matches) {
      int ra = find(parent, index.get(m.a()));
      int rb = find(parent, index.get(m.b()));
      if (ra == rb || vetoed(members.get(ra), members.get(rb), profiles, scored)) {
        continue;
      }
      int root = Math.min(ra, rb);
      int other = Math.max(ra, rb);
      parent[other] = root;
      members.get(root).addAll(members.get(other));
      members.get(other).clear();
    }
    Map<String, String> clusterOf = new LinkedHashMap<>();
    for (Profile p : profiles) {
      clusterOf.put(p.event().id(), profiles.get(find(parent, p.index())).event().id());
    }
    List<EventPair> open = new ArrayList<>();
    for (EventPair r : review) {
      if (!clusterOf.get(r.a()).equals(clusterOf.get(r.b()))) {
        open.add(r);
      }
    }
    return new EventClusters(clusterOf, open);
  }

  private boolean vetoed(
      List<Integer> a, List<Integer> b, List<Profile> profiles, Map<Long, int[]> scored) {
    for (int x : a) {
      for (int y : b) {
        int[] s = scored.get(key(x, y));
        int score = s != null ? s[0] : comparison.score(profiles.get(x), profiles.get(y));
        if (score == Comparison.VETO) {
          return true;
        }
      }
    }
    return false;
  }

  private List<int[]> candidates(List<Profile> profiles) {
    Map<String, List<Integer>> byPerson = new HashMap<>();
    Map<String, List<Integer>> anonymous = new HashMap<>();
    for (Profile p : profiles) {
      for (String person : p.persons()) {
        byPerson.computeIfAbsent(person, k -> new ArrayList<>()).add(p.index());
      }
      if (p.persons().isEmpty()) {
        String block =
            p.type()
                + "|"
                + gazetteer.atLevel(p.where(), PlaceLevel.REGION).code()
                + "|"
                + p.when().earliest().getYear();
        anonymous.computeIfAbsent(block, k -> new ArrayList<>()).add(p.index());
      }
    }
    Set<Long> seen = new HashSet<>();
    List<int[]> out = new ArrayList<>();
    for (List<Integer> block : byPerson.values()) {
      pairs(block, seen, out);
    }
    for (List<Integer> block : anonymous.values()) {
      if (block.size() <= MAX_ANONYMOUS_BLOCK) {
        pairs(block, seen, out);
      }
    }
    return out;
  }

  private static void pairs(List<Integer> block, Set<Long> seen, List<int[]> out) {
    for (int i = 0; i < block.size(); i++) {
      for (int j = i + 1; j < block.size(); j++) {
        int a = Math.min(block.get(i), block.get(j));
        int b = Math.max(block.get(i), block.get(j));
        if (seen.add(key(a, b))) {
          out.add(new int[] {a, b});
        }
      }
    }
  }

  /**
   * One long per unordered pair. Multiplying by an odd constant is a bijection on longs, and
   * spreads the bits: Long.hashCode of the plain (a << 32 | b) is a ^ b, which collides for nearby
   * indexes.
   */
  private static long key(int a, int b) {
    return ((long) Math.min(a, b) << 32 | Math.max(a, b)) * 0x9E3779B97F4A7C15L;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  static final class Comparison {

    /** A pair that can never be one event. */
    static final int VETO = Integer.MIN_VALUE;

    private final Gazetteer gazetteer;

    Comparison(Gazetteer gazetteer) {
      this.gazetteer = gazetteer;
    }

    /** The number of linked people the two records share. */
    static int sharedPersons(Profile a, Profile b) {
      int n = 0;
      for (String p : a.persons()) {
        if (b.persons().contains(p)) {
          n++;
        }
      }
      return n;
    }

    int score(Profile a, Profile b) {
      for (String s : a.sources()) {
        if (b.sources().contains(s)) {
          return VETO;
        }
      }
      long gap = a.when().gapInDays(b.when());
      if (gap > 365) {
        return VETO;
      }
      Place pa = a.where();
      Place pb = b.where();
      boolean nested = gazetteer.contains(pa, pb) || gazetteer.contains(pb, pa);
      if (!nested && !gazetteer.country(pa).equals(gazetteer.country(pb))) {
        return VETO;
      }
      int score = 0;
      int shared = sharedPersons(a, b);
      if (shared > 0) {
        score += 4 + Math.min(shared - 1, 2);
      } else if (!a.persons().isEmpty() && !b.persons().isEmpty()) {
        score -= 2;
      }
      score += a.type().equals(b.type()) ? 2 : -5;
      if (gap == 0) {
        score += 2;
        if (a.when().lengthInDays() <= 31 && b.when().lengthInDays() <= 31) {
          score += 1;
        }
      } else if (gap > 92) {
        score -= 3;
      } else if (gap > 31) {
        score -= 1;
      }
      if (nested) {
        score += 2;
        if (pa.equals(pb) && pa.level().compareTo(PlaceLevel.DISTRICT) >= 0) {
          score += 1;
        }
      } else if (Gazetteer.distanceKm(pa, pb) > 50) {
        score -= 2;
      }
      if (!a.actTypes().isEmpty() && !b.actTypes().isEmpty()) {
        boolean any = a.actTypes().stream().anyMatch(b.actTypes()::contains);
        score += any ? 1 : -1;
      }
      return score;
    }
  }

  record Profile(
      int index,
      Event event,
      String type,
      DateRange when,
      Place where,
      Set<String> persons,
      Set<String> actTypes,
      Set<String> sources) {

    static List<Profile> of(Documentation d) {
      Map<String, Set<String>> persons = new HashMap<>();
      Map<String, Set<String>> actTypes = new HashMap<>();
      Map<String, Set<String>> sources = new HashMap<>();
      Map<String, String> sourceOfInfo = new HashMap<>();
      for (Information i : d.information()) {
        sourceOfInfo.put(i.id(), i.source());
        i.event()
            .ifPresent(e -> sources.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(i.source()));
      }
      for (Event e : d.events()) {
        for (ChainLink l : e.chain()) {
          persons.computeIfAbsent(e.id(), k -> new LinkedHashSet<>()).add(l.person().id());
          persons.computeIfAbsent(l.next(), k -> new LinkedHashSet<>()).add(l.person().id());
        }
      }
      for (Act a : d.acts()) {
        if (a.victim() instanceof PersonRef p) {
          persons.computeIfAbsent(a.event(), k -> new LinkedHashSet<>()).add(p.id());
        }
        actTypes.computeIfAbsent(a.event(), k -> new LinkedHashSet<>()).add(a.type().code());
        for (String i : a.information()) {
          sources.computeIfAbsent(a.event(), k -> new LinkedHashSet<>()).add(sourceOfInfo.get(i));
        }
      }
      List<Profile> out = new ArrayList<>(d.events().size());
      for (Event e : d.events()) {
        out.add(
            new Profile(
                out.size(),
                e,
                e.type().code(),
                e.when(),
                e.where().place(),
                Set.copyOf(persons.getOrDefault(e.id(), Set.of())),
                Set.copyOf(actTypes.getOrDefault(e.id(), Set.of())),
                Set.copyOf(sources.getOrDefault(e.id(), Set.of()))));
      }
      return out;
    }
  }
}
