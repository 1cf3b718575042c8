package org.tumen.link;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reviewers' decisions on pairs ("same" person, "different" people) as constraints on the
 * clustering: a pair decided same is in one cluster whatever the model says, and a pair decided
 * different is never in one, so a merge that would join them is refused. A decision replaces the
 * model's probability with certainty: the pair's probability becomes 1 or 0 for the clusters, the
 * draws, the expected linkage errors and the review queue (a decided pair is not asked again).
 *
 * <p>Decisions that contradict one another (a and b the same, b and c the same, a and c different)
 * cannot all hold. Then the "same" decisions joining that group are set aside and its "different"
 * ones kept, and the conflict is reported for the reviewers to settle. The outcome depends only on
 * the set of decisions, never on their order or on repeats.
 */
final class Decisions {

  /** The weight of a pair decided same: probability 1 to double precision. */
  static final float SAME_WEIGHT = 64f;

  static final Decisions NONE = new Decisions(new int[0], new int[0], Set.of(), new boolean[0]);

  /** The "same" decisions that hold, as record pairs (a[i], b[i]), a < b, in sorted order. */
  final int[] sameA;

  final int[] sameB;
  private final Set<Long> different;
  private final boolean[] inDifferent;

  private Decisions(int[] sameA, int[] sameB, Set<Long> different, boolean[] inDifferent) {
    this.sameA = sameA;
    this.sameB = sameB;
    this.different = different;
    this.inDifferent = inDifferent;
  }

  boolean isEmpty() {
    return sameA.length == 0 && different.isEmpty();
  }

  /** Whether the two records were decided to be different people. */
  boolean different(int a, int b) {
    return inDifferent.length > 0
        && inDifferent[a]
        && inDifferent[b]
        && different.contains(key(a, b));
  }

  static long key(int a, int b) {
    return (long) Math.min(a, b) << 32 | Math.max(a, b);
  }

  /**
   * The decisions about records of this run; those naming records not in it, and conflicts, are
   * reported in {@code notes}.
   */
  static Decisions of(Records rs, List<LabelledPair> decided, List<String> notes) {
    if (decided.isEmpty()) {
      return NONE;
    }
    Map<RecordRef, Integer> index = new HashMap<>(rs.n * 2);
    for (int i = 0; i < rs.n; i++) {
      index.put(new RecordRef(rs.sourceName(i), rs.recordIds[i]), i);
    }
    Set<Long> same = new HashSet<>();
    Set<Long> different = new HashSet<>();
    int unknown = 0;
    for (LabelledPair p : decided) {
      Integer a = index.get(p.a());
      Integer b = index.get(p.b());
      if (a == null || b == null) {
        unknown++;
      } else if (!a.equals(b)) {
        (p.match() ? same : different).add(key(a, b));
      }
    }
    if (unknown > 0) {
      notes.add("decisions: " + unknown + " decided pairs name records not in the input");
    }
    // groups the "same" decisions join; a group holding a "different" pair is a contradiction
    int[] parent = new int[rs.n];
    for (int i = 0; i < rs.n; i++) {
      parent[i] = i;
    }
    for (long k : same) {
      union(parent, (int) (k >>> 32), (int) k);
    }
    Set<Integer> contradicted = new HashSet<>();
    for (long k : different) {
      int ra = find(parent, (int) (k >>> 32));
      if (ra == find(parent, (int) k)) {
        contradicted.add(ra);
      }
    }
    long[] held =
        same.stream()
            .filter(k -> !contradicted.contains(find(parent, (int) (k >>> 32))))
            .mapToLong(Long::longValue)
            .sorted()
            .toArray();
    if (!contradicted.isEmpty()) {
      notes.add(
          String.format(
              Locale.ROOT,
              "warning: decisions contradict one another in %d groups of records (joined by"
                  + " \"same\", one pair \"different\"); their %d \"same\" decisions are set aside"
                  + " until a reviewer settles them",
              contradicted.size(),
              same.size() - held.length));
    }
    int[] a = new int[held.length];
    int[] b = new int[held.length];
    for (int i = 0; i < held.length; i++) {
      a[i] = (int) (held[i] >>> 32);
      b[i] = (int) held[i];
    }
    boolean[] flagged = new boolean[rs.n];
    for (long k : different) {
      flagged[(int) (k >>> 32)] = true;
      flagged[(int) k] = true;
    }
    return new Decisions(a, b, Set.copyOf(different), flagged);
  }

  /**
   * The scored pairs with the decisions applied: pairs decided different dropped, pairs decided
   * same given {@link #SAME_WEIGHT} (and added when the blocks did not propose them).
   */
  Pairs apply(int[] pa, int[] pb, float[] pw) {
    if (isEmpty()) {
      return new Pairs(pa, pb, pw);
    }
    Set<Long> sameKeys = new HashSet<>();
    for (int i = 0; i < sameA.length; i++) {
      sameKeys.add(key(sameA[i], sameB[i]));
    }
    Set<Long> seen = new HashSet<>();
    int[] a = new int[pa.length + sameA.length];
    int[] b = new int[a.length];
    float[] w = new float[a.length];
    int k = 0;
    for (int i = 0; i < pa.length; i++) {
      if (different(pa[i], pb[i])) {
        continue;
      }
      long key = key(pa[i], pb[i]);
      boolean isSame = sameKeys.contains(key);
      if (isSame) {
        seen.add(key);
      }
      a[k] = pa[i];
      b[k] = pb[i];
      w[k] = isSame ? SAME_WEIGHT : pw[i];
      k++;
    }
    for (int i = 0; i < sameA.length; i++) {
      if (!seen.contains(key(sameA[i], sameB[i]))) {
        a[k] = sameA[i];
        b[k] = sameB[i];
        w[k] = SAME_WEIGHT;
        k++;
      }
    }
    return new Pairs(Arrays.copyOf(a, k), Arrays.copyOf(b, k), Arrays.copyOf(w, k));
  }

  /** Scored pairs as parallel arrays. */
  record Pairs(int[] a, int[] b, float[] w) {}

  /**
   * How the model alone judged the decided pairs at the threshold: pairwise precision and recall
   * against the reviewers. The decided pairs are mostly from the review band, the model's least
   * certain, so these figures describe that band, not the whole linkage.
   */
  static String agreement(Records rs, Model model, List<LabelledPair> decided, double threshold) {
    Map<RecordRef, Integer> index = new HashMap<>(rs.n * 2);
    for (int i = 0; i < rs.n; i++) {
      index.put(new RecordRef(rs.sourceName(i), rs.recordIds[i]), i);
    }
    Comparison cmp = new Comparison(rs);
    double cut = Model.logit2(threshold);
    Map<Long, Boolean> byPair = new HashMap<>();
    for (LabelledPair p : decided) {
      Integer a = index.get(p.a());
      Integer b = index.get(p.b());
      if (a != null && b != null && !a.equals(b)) {
        byPair.merge(key(a, b), p.match(), (x, y) -> x && y);
      }
    }
    int same = 0;
    int diff = 0;
    int sameLinked = 0;
    int diffLinked = 0;
    for (Map.Entry<Long, Boolean> e : byPair.entrySet()) {
      int a = (int) (e.getKey() >>> 32);
      int b = (int) (long) e.getKey();
      boolean linked = model.weight(a, b, cmp.pattern(a, b)) >= cut;
      if (e.getValue()) {
        same++;
        sameLinked += linked ? 1 : 0;
      } else {
        diff++;
        diffLinked += linked ? 1 : 0;
      }
    }
    return String.format(
        Locale.ROOT,
        "decisions: %d same (the model alone scores %d of them at or above the threshold), %d"
            + " different (the model alone scores %d); against the decisions the model's pairwise"
            + " precision %s, recall %s",
        same,
        sameLinked,
        diff,
        diffLinked,
        sameLinked + diffLinked == 0
            ? "n/a"
            : String.format(Locale.ROOT, "%.3f", (double) sameLinked / (sameLinked + diffLinked)),
        same == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", (double) sameLinked / same));
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
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
