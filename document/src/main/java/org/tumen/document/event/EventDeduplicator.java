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
 * ({@link EventProfiles}); candidate pairs come from each person's and each block's records listed
 * in record order (counting sorts over dense numbers), not from hash maps of strings, already in
 * order; each pair is one long, scored in parallel over chunks; clusters are a union-find over
 * arrays with each cluster's members in a linked list.
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
   *
   * <p>Each person's records and each block's are listed in record order (a counting sort: person
   * and block numbers are dense); then, record by record, the later records of its persons' lists
   * (or of its block) are its partners, sorted and made distinct among themselves. So the pairs
   * come out in order without sorting them all (which was a third of de-duplication's time at a
   * million acts, docs/benchmarks.md "cold13"); a record naming a person is never in a block, so
   * the two kinds never give the same pair.
   */
  private static long[] candidates(EventProfiles p) {
    int n = p.size;
    int people = 0;
    Map<Long, Integer> blocks = new HashMap<>();
    int[] blockOf = new int[n];
    for (int e = 0; e < n; e++) {
      for (int person : p.persons[e]) {
        people = Math.max(people, person + 1);
      }
      if (p.persons[e].length == 0) {
        long block =
            ((long) p.type[e] << 42) | ((long) p.region[p.place[e]] << 21) | (p.year(e) & 0x1FFFFF);
        blockOf[e] = blocks.computeIfAbsent(block, x -> blocks.size());
      } else {
        blockOf[e] = -1;
      }
    }
    // records of each person, and of each block, in record order
    int[] personStart = new int[people + 1];
    int[] blockStart = new int[blocks.size() + 1];
    for (int e = 0; e < n; e++) {
      for (int person : p.persons[e]) {
        personStart[person + 1]++;
      }
      if (blockOf[e] >= 0) {
        blockStart[blockOf[e] + 1]++;
      }
    }
    prefixSums(personStart);
    prefixSums(blockStart);
    int[] personRecords = new int[personStart[people]];
    int[] blockRecords = new int[blockStart[blocks.size()]];
    // where the next record goes in each list, then (second pass) where the record being paired is
    int[] personAt = Arrays.copyOf(personStart, people);
    int[] blockAt = Arrays.copyOf(blockStart, blocks.size());
    for (int e = 0; e < n; e++) {
      for (int person : p.persons[e]) {
        personRecords[personAt[person]++] = e;
      }
      if (blockOf[e] >= 0) {
        blockRecords[blockAt[blockOf[e]]++] = e;
      }
    }
    System.arraycopy(personStart, 0, personAt, 0, people);
    System.arraycopy(blockStart, 0, blockAt, 0, blocks.size());
    PairList out = new PairList();
    int[] partners = new int[16];
    for (int a = 0; a < n; a++) {
      long high = (long) a << 32;
      if (blockOf[a] >= 0) {
        int b = blockOf[a];
        int at = blockAt[b]++; // a's place in its block: records come in order
        int end = blockStart[b + 1];
        if (end - blockStart[b] <= MAX_ANONYMOUS_BLOCK) {
          for (int i = at + 1; i < end; i++) {
            out.add(high | blockRecords[i]);
          }
        }
        continue;
      }
      int k = 0;
      for (int person : p.persons[a]) {
        int at = personAt[person]++;
        int end = personStart[person + 1];
        if (k + end - at > partners.length) {
          partners = Arrays.copyOf(partners, Math.max(partners.length * 2, k + end - at));
        }
        for (int i = at + 1; i < end; i++) {
          partners[k++] = personRecords[i];
        }
      }
      Arrays.sort(partners, 0, k);
      for (int i = 0; i < k; i++) {
        if (i == 0 || partners[i] != partners[i - 1]) {
          out.add(high | partners[i]);
        }
      }
    }
    return out.toArray();
  }

  private static void prefixSums(int[] counts) {
    for (int i = 1; i < counts.length; i++) {
      counts[i] += counts[i - 1];
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
