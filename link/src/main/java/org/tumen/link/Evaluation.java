package org.tumen.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pairwise precision, recall and F1 of a linkage against the truth (the usual measures for record
 * linkage: Christen 2012, "Data Matching", section 7.3): a pair of records is predicted linked when
 * both are in one cluster, and truly linked when both describe one person.
 *
 * @param truePairs pairs of records of the same person
 * @param predictedPairs pairs of records in the same cluster
 * @param correctPairs pairs in both
 * @param clusters clusters found
 * @param people distinct people in the truth
 * @param blockingRecall share of true pairs that some blocking rule brings together: the ceiling on
 *     pairwise recall before clustering
 * @param byNameForms the same measures per pair of name forms (e.g. {@code hangul–latin})
 */
public record Evaluation(
    long truePairs,
    long predictedPairs,
    long correctPairs,
    int clusters,
    int people,
    double blockingRecall,
    Map<String, Counts> byNameForms) {

  /** Pair counts of one group, with the measures derived from them. */
  public record Counts(long truePairs, long predictedPairs, long correctPairs) {
    public double precision() {
      return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
    }

    public double recall() {
      return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  public Evaluation {
    byNameForms = Map.copyOf(byNameForms);
  }

  public double precision() {
    return new Counts(truePairs, predictedPairs, correctPairs).precision();
  }

  public double recall() {
    return new Counts(truePairs, predictedPairs, correctPairs).recall();
  }

  public double f1() {
    return new Counts(truePairs, predictedPairs, correctPairs).f1();
  }

  /**
   * Scores a result against the truth.
   *
   * @param personOf the true person of each record; records it does not name count as people of
   *     their own
   */
  public static Evaluation of(LinkResult result, Map<RecordRef, String> personOf) {
    Records rs = result.rs;
    int[] person = new int[rs.n];
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < rs.n; i++) {
      String p = personOf.get(result.record(i));
      person[i] = p == null ? -1 - i : ids.computeIfAbsent(p, k -> ids.size());
    }
    int people = ids.size() + (int) java.util.Arrays.stream(person).filter(p -> p < 0).count();
    Map<String, long[]> forms = new TreeMap<>();
    long truePairs = 0;
    long blocked = 0;
    for (List<Integer> group : groups(person, rs.n)) {
      for (int x = 0; x < group.size(); x++) {
        for (int y = x + 1; y < group.size(); y++) {
          int a = group.get(x);
          int b = group.get(y);
          truePairs++;
          forms.computeIfAbsent(formPair(rs, a, b), k -> new long[3])[0]++;
          if (result.blocking.together(a, b)) {
            blocked++;
          }
        }
      }
    }
    long predicted = 0;
    long correct = 0;
    for (List<Integer> group : groups(result.cluster, rs.n)) {
      for (int x = 0; x < group.size(); x++) {
        for (int y = x + 1; y < group.size(); y++) {
          int a = group.get(x);
          int b = group.get(y);
          predicted++;
          long[] c = forms.computeIfAbsent(formPair(rs, a, b), k -> new long[3]);
          c[1]++;
          if (person[a] == person[b]) {
            correct++;
            c[2]++;
          }
        }
      }
    }
    Map<String, Counts> byForm = new TreeMap<>();
    forms.forEach((k, c) -> byForm.put(k, new Counts(c[0], c[1], c[2])));
    return new Evaluation(
        truePairs,
        predicted,
        correct,
        result.clusterCount(),
        people,
        truePairs == 0 ? 1.0 : (double) blocked / truePairs,
        byForm);
  }

  private static String formPair(Records rs, int a, int b) {
    String fa = rs.nameForm[a].isEmpty() ? "none" : rs.nameForm[a];
    String fb = rs.nameForm[b].isEmpty() ? "none" : rs.nameForm[b];
    return fa.compareTo(fb) <= 0 ? fa + "–" + fb : fb + "–" + fa;
  }

  private static List<List<Integer>> groups(int[] label, int n) {
    Map<Integer, List<Integer>> g = new HashMap<>();
    for (int i = 0; i < n; i++) {
      g.computeIfAbsent(label[i], k -> new ArrayList<>(2)).add(i);
    }
    List<List<Integer>> out = new ArrayList<>();
    for (List<Integer> l : g.values()) {
      if (l.size() > 1) {
        out.add(l);
      }
    }
    return out;
  }
}
