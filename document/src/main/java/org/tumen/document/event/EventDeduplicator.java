package org.tumen.document.event;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.tumen.model.documentation.CountingRecords;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.place.Gazetteer;

/**
 * Finds the event records that are one event told by several witnesses.
 *
 * <p>Candidates: records that name a linked person in common (persons come from linkage, so the
 * same person told by two organisations has one id); and, for the review only, records that name
 * nobody, of the same type, region and year. Each candidate pair is scored ({@link
 * EventComparison}). A pair is the same event when the records share a linked person and score at
 * least {@link #MATCH}; a pair scoring from {@link #REVIEW} up to that, or without a shared person,
 * goes to the review band. Without a shared person there is no automatic match: witnesses of one
 * event name the people in it, and two arrests in Yanji in the same month are too common to merge
 * on time and place alone.
 *
 * <p>Clustering takes the matching pairs strongest first and merges two clusters unless a pair
 * across them is vetoed (one source on both sides, different countries, more than a year apart), so
 * that a chain a–b–c never joins two records one witness told as two events. Pairs of equal score
 * are taken in the order of their records (the first record's position, then the second's), so the
 * result does not depend on the order of hash tables.
 *
 * <p>How (docs/documentation.md, "De-duplication at scale"): the records become columns of numbers
 * ({@link EventProfiles}); candidate pairs are found by sorting (person, record) and (block,
 * record) numbers packed in longs, not in hash maps of strings; each pair is one long, scored in
 * parallel over chunks; clusters are a union-find over arrays with each cluster's members in a
 * linked list.
 */
public final class EventDeduplicator {

  /**
   * The score from which a pair sharing a linked person is one event. A person named in a candidate
   * pair has some six to twelve events in a journey, so a candidate pair is one event with prior
   * odds of about 1 to 6 (−2.6 bits); 7 points bring that to about 20 to 1. Checked, not fitted, on
   * simulated witnesses (EventDeduplicatorTest): precision 0.997, recall 0.97.
   */
  public static final int MATCH = 7;

  /** The score from which a pair not matched goes to review. */
  public static final int REVIEW = 6;

  /** Larger blocks of records that name nobody are not compared (their pairs would be noise). */
  static final int MAX_ANONYMOUS_BLOCK = 200;

  /** Pairs scored per parallel task. */
  private static final int CHUNK = 1 << 16;

  private final Gazetteer gazetteer;

  public EventDeduplicator(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  public EventClusters deduplicate(Documentation d) {
    CountingRecords r = CountingRecords.of(d);
    return deduplicate(r).labelled(r);
  }

  /** De-duplicates the event records of the counting columns; clusters by record number. */
  public IndexedClusters deduplicate(CountingRecords r) {
    EventProfiles profiles = new EventProfiles(r, gazetteer);
    EventComparison comparison = new EventComparison(profiles);
    long[] pairs = candidates(profiles);
    int[] scores = new int[pairs.length];
    int[] shared = new int[pairs.length];
    IntStream.range(0, (pairs.length + CHUNK - 1) / CHUNK)
        .parallel()
        .forEach(
            chunk -> {
              int end = Math.min(pairs.length, (chunk + 1) * CHUNK);
              for (int i = chunk * CHUNK; i < end; i++) {
                int a = (int) (pairs[i] >>> 32);
                int b = (int) pairs[i];
                scores[i] = comparison.score(a, b);
                shared[i] = scores[i] == EventComparison.VETO ? 0 : comparison.sharedPersons(a, b);
              }
            });
    // matches strongest first, ties in pair order: a counting sort by score, stable
    int top = Integer.MIN_VALUE;
    int matchCount = 0;
    for (int i = 0; i < pairs.length; i++) {
      if (isMatch(scores[i], shared[i])) {
        top = Math.max(top, scores[i]);
        matchCount++;
      }
    }
    int[] matches = new int[matchCount];
    if (matchCount > 0) {
      int[] start = new int[top - MATCH + 2];
      for (int i = 0; i < pairs.length; i++) {
        if (isMatch(scores[i], shared[i])) {
          start[top - scores[i] + 1]++;
        }
      }
      for (int k = 1; k < start.length; k++) {
        start[k] += start[k - 1];
      }
      for (int i = 0; i < pairs.length; i++) {
        if (isMatch(scores[i], shared[i])) {
          matches[start[top - scores[i]]++] = i;
        }
      }
    }
    int n = profiles.size;
    int[] parent = new int[n];
    int[] next = new int[n];
    int[] last = new int[n];
    for (int e = 0; e < n; e++) {
      parent[e] = e;
      next[e] = -1;
      last[e] = e;
    }
    for (int m : matches) {
      int ra = find(parent, (int) (pairs[m] >>> 32));
      int rb = find(parent, (int) pairs[m]);
      if (ra == rb || vetoed(ra, rb, next, comparison)) {
        continue;
      }
      int root = Math.min(ra, rb);
      int other = Math.max(ra, rb);
      parent[other] = root;
      next[last[root]] = other;
      last[root] = last[other];
    }
    int[] cluster = new int[n];
    for (int e = 0; e < n; e++) {
      cluster[e] = find(parent, e);
    }
    int open = 0;
    int[] review = new int[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      if (scores[i] != EventComparison.VETO
          && scores[i] >= REVIEW
          && !isMatch(scores[i], shared[i])
          && cluster[(int) (pairs[i] >>> 32)] != cluster[(int) pairs[i]]) {
        review[open++] = i;
      }
    }
    long[] reviewPairs = new long[open];
    int[] reviewScores = new int[open];
    int[] reviewShared = new int[open];
    for (int k = 0; k < open; k++) {
      reviewPairs[k] = pairs[review[k]];
      reviewScores[k] = scores[review[k]];
      reviewShared[k] = shared[review[k]];
    }
    return new IndexedClusters(cluster, reviewPairs, reviewScores, reviewShared);
  }

  private static boolean isMatch(int score, int shared) {
    return score != EventComparison.VETO && shared > 0 && score >= MATCH;
  }

  /** Whether a pair across the two clusters (given by their roots) is vetoed. */
  private static boolean vetoed(int ra, int rb, int[] next, EventComparison comparison) {
    for (int x = ra; x >= 0; x = next[x]) {
      for (int y = rb; y >= 0; y = next[y]) {
        if (comparison.vetoed(x, y)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The candidate pairs, each as (first record << 32 | second record), sorted and distinct: the
   * records that name a person in common, and those naming nobody in one block of type, region and
   * year of at most {@link #MAX_ANONYMOUS_BLOCK} records.
   */
  private static long[] candidates(EventProfiles p) {
    int mentions = 0;
    for (int e = 0; e < p.size; e++) {
      mentions += p.persons[e].length;
    }
    long[] byPerson = new long[mentions];
    int k = 0;
    Map<Long, Integer> blocks = new HashMap<>();
    long[] anonymous = new long[p.size];
    int na = 0;
    for (int e = 0; e < p.size; e++) {
      for (int person : p.persons[e]) {
        byPerson[k++] = (long) person << 32 | e;
      }
      if (p.persons[e].length == 0) {
        long block =
            ((long) p.type[e] << 42) | ((long) p.region[p.place[e]] << 21) | (p.year(e) & 0x1FFFFF);
        int b = blocks.computeIfAbsent(block, x -> blocks.size());
        anonymous[na++] = (long) b << 32 | e;
      }
    }
    Arrays.sort(byPerson);
    anonymous = Arrays.copyOf(anonymous, na);
    Arrays.sort(anonymous);
    PairList out = new PairList();
    addBlocks(byPerson, Integer.MAX_VALUE, out);
    addBlocks(anonymous, MAX_ANONYMOUS_BLOCK, out);
    long[] pairs = out.toArray();
    Arrays.parallelSort(pairs);
    int distinct = 0;
    for (int i = 0; i < pairs.length; i++) {
      if (distinct == 0 || pairs[distinct - 1] != pairs[i]) {
        pairs[distinct++] = pairs[i];
      }
    }
    return Arrays.copyOf(pairs, distinct);
  }

  /** Every pair within each run of equal block numbers (high halves) no longer than {@code max}. */
  private static void addBlocks(long[] sorted, int max, PairList out) {
    int i = 0;
    while (i < sorted.length) {
      int j = i + 1;
      long block = sorted[i] >>> 32;
      while (j < sorted.length && sorted[j] >>> 32 == block) {
        j++;
      }
      if (j - i <= max) {
        for (int x = i; x < j; x++) {
          long a = sorted[x] & 0xFFFFFFFFL;
          for (int y = x + 1; y < j; y++) {
            long b = sorted[y] & 0xFFFFFFFFL;
            if (a != b) {
              out.add(a << 32 | b);
            }
          }
        }
      }
      i = j;
    }
  }

  /** A growing array of longs. */
  private static final class PairList {
    private long[] values = new long[1024];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
}
