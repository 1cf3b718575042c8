package org.tumen.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of linking: every record's cluster (one person), the scored candidate pairs worth
 * keeping, the review queue, and the fitted model. Can explain any pair of records.
 */
public final class LinkResult {

  final Records rs;
  final Model model;
  final Blocking blocking;
  final int[] cluster;
  final int clusters;
  final int[] pairA;
  final int[] pairB;
  final float[] pairWeight;
  final int[][] draws;
  private final LinkSpec spec;
  private final ModelParameters parameters;
  private final LinkageErrors errors;
  private final ThreadLocal<Comparison> cmp;
  private Map<RecordRef, Integer> index;

  LinkResult(
      Records rs,
      Model model,
      Blocking blocking,
      int[] cluster,
      int[] pairA,
      int[] pairB,
      float[] pairWeight,
      int[][] draws,
      LinkSpec spec,
      ModelParameters parameters,
      LinkageErrors errors) {
    this.rs = rs;
    this.model = model;
    this.blocking = blocking;
    this.cluster = cluster;
    this.pairA = pairA;
    this.pairB = pairB;
    this.pairWeight = pairWeight;
    this.draws = draws;
    this.spec = spec;
    this.parameters = parameters;
    this.errors = errors;
    this.cmp = ThreadLocal.withInitial(() -> new Comparison(rs));
    int k = 0;
    for (int c : cluster) {
      k = Math.max(k, c + 1);
    }
    this.clusters = k;
  }

  /**
   * The expected missed and false links per pair of lists and within each list, from the model's
   * probabilities (no truth): what an estimate built on these clusters should correct for.
   */
  public LinkageErrors linkageErrors() {
    return errors;
  }

  /** How many alternative clusterings were drawn ({@link Linker#withDraws}). */
  public int drawCount() {
    return draws.length;
  }

  /**
   * Record i's cluster in alternative clustering d, numbered from 0 by first record: one plausible
   * partition given the uncertain pairs, for carrying linkage uncertainty into estimation.
   */
  public int drawnClusterOf(int d, int i) {
    return draws[d][i];
  }

  /** Number of records linked. */
  public int size() {
    return rs.n;
  }

  /** The i-th record, in input order (lists in order, rows in order). */
  public RecordRef record(int i) {
    return new RecordRef(rs.sourceName(i), rs.recordIds[i]);
  }

  /** All records in input order. */
  public List<RecordRef> records() {
    List<RecordRef> out = new ArrayList<>(rs.n);
    for (int i = 0; i < rs.n; i++) {
      out.add(record(i));
    }
    return out;
  }

  /** The cluster (person) of the i-th record: 0 to {@link #clusterCount()} - 1. */
  public int clusterOf(int i) {
    return cluster[i];
  }

  public int clusterCount() {
    return clusters;
  }

  /** The clusters, each a list of its records. */
  public List<List<RecordRef>> clusters() {
    List<List<RecordRef>> out = new ArrayList<>(clusters);
    for (int c = 0; c < clusters; c++) {
      out.add(new ArrayList<>(2));
    }
    for (int i = 0; i < rs.n; i++) {
      out.get(cluster[i]).add(record(i));
    }
    return out;
  }

  /** Candidate pairs scored at or above the lower of the threshold and the review band. */
  public List<ScoredPair> pairs() {
    List<ScoredPair> out = new ArrayList<>(pairA.length);
    for (int i = 0; i < pairA.length; i++) {
      out.add(scored(pairA[i], pairB[i], pairWeight[i]));
    }
    return out;
  }

  int pairCount() {
    return pairA.length;
  }

  ScoredPair pair(int i) {
    return scored(pairA[i], pairB[i], pairWeight[i]);
  }

  private ScoredPair scored(int a, int b, double w) {
    return new ScoredPair(record(a), record(b), Model.probability(w), w);
  }

  /** Pairs whose probability lies in the spec's review band, most uncertain first. */
  public List<ReviewPair> review() {
    List<ReviewPair> out = new ArrayList<>();
    for (int i = 0; i < pairA.length; i++) {
      double p = Model.probability(pairWeight[i]);
      if (p >= spec.reviewLow() && p <= spec.reviewHigh()) {
        out.add(new ReviewPair(pair(i), evidence(pairA[i], pairB[i])));
      }
    }
    out.sort(java.util.Comparator.comparingDouble(r -> Math.abs(r.pair().probability() - 0.5)));
    return out;
  }

  public ModelParameters model() {
    return parameters;
  }

  public LinkSpec spec() {
    return spec;
  }

  /**
   * Each field's contribution to the match weight of any two records, linked or not.
   *
   * @throws IllegalArgumentException if either record is unknown
   */
  public Explanation explain(RecordRef a, RecordRef b) {
    int x = indexOf(a);
    int y = indexOf(b);
    double w = model.weight(x, y, cmp.get().pattern(x, y));
    return new Explanation(scored(x, y, w), model.prior(x, y), evidence(x, y));
  }

  private synchronized int indexOf(RecordRef r) {
    if (index == null) {
      index = new HashMap<>(rs.n * 2);
      for (int i = 0; i < rs.n; i++) {
        index.put(record(i), i);
      }
    }
    Integer i = index.get(r);
    if (i == null) {
      throw new IllegalArgumentException("no such record: " + r.source() + "/" + r.id());
    }
    return i;
  }

  List<FieldEvidence> evidence(int a, int b) {
    long p = cmp.get().pattern(a, b);
    List<FieldEvidence> out = new ArrayList<>(rs.fields.size());
    for (int f = 0; f < rs.fields.size(); f++) {
      int l = Comparison.level(p, f);
      out.add(
          new FieldEvidence(
              rs.field(f).name(),
              rs.raw(f, a),
              rs.raw(f, b),
              rs.field(f).label(l),
              model.fieldWeight(f, l, a, b)));
    }
    return out;
  }
}
