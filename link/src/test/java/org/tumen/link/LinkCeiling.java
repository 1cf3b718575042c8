package org.tumen.link;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tumen.model.Progress;
import org.tumen.simulate.Scenario;
import org.tumen.simulate.TrueNames;

/**
 * An analysis harness (test scope, not shipped): how well could any classifier of candidate pairs
 * do with the information the comparison gives? Candidate pairs are grouped by what a classifier
 * sees — the comparison vector, the term-frequency adjustment of the names and of the birth year
 * (rounded to a bit), the pair of lists, and the model's own decision — and the truth tells each
 * group's share of matches. Linking the groups in order of their share, and stopping where F1 is
 * highest, gives the best pairwise F1 of any rule that decides by group (true pairs outside every
 * block count as missed). The model's decision is part of the key, so the ceiling is never below
 * the model's own pairwise F1 on the candidate pairs.
 *
 * <p>With the simulated population's true names it also counts the errors that come from genuine
 * namesakes (same surname, given name, sex and birth year).
 *
 * <pre>
 * java -cp ... org.tumen.link.LinkCeiling DIR POPULATION SEED   (DIR alone: only link and score)
 * </pre>
 */
final class LinkCeiling {

  /**
   * @param truePairs all true pairs of records
   * @param candidateTrue true pairs among the candidate pairs
   * @param candidatePairs distinct candidate pairs
   * @param groups distinct groups (keys)
   * @param modelF1 pairwise F1 of the model's decisions (weight ≥ threshold) on the candidate pairs
   * @param ceilingF1 the best F1 of any decision by group
   * @param ceilingPrecision its precision
   * @param ceilingRecall its recall
   * @param majorityF1 F1 of linking the groups whose match share exceeds one half
   * @param heldOutF1 the same decision learnt on half of the pairs (groups by share, cut where F1
   *     is best; groups not seen there follow the model) and measured on the other half: the
   *     in-sample ceiling is optimistic when groups are small
   */
  record Ceiling(
      long truePairs,
      long candidateTrue,
      long candidatePairs,
      int groups,
      double modelF1,
      double modelPrecision,
      double modelRecall,
      double ceilingF1,
      double ceilingPrecision,
      double ceilingRecall,
      double majorityF1,
      double heldOutF1) {}

  /**
   * Errors of the clusters and what namesakes have to do with them.
   *
   * @param falsePairs pairs of records in one cluster but of two people
   * @param falseNamesakes of those, pairs of two genuine namesakes
   * @param missedPairs true pairs split between clusters
   * @param missedWithNamesake of those, pairs of a person who has a namesake on some list
   * @param listedPeople people on at least one list
   * @param listedWithNamesake of those, people with a namesake also on some list
   * @param populationWithNamesake share of the whole population with a namesake in it
   * @param candidateNamesakes candidate pairs of two different namesakes
   * @param candidateNamesakesLinked of those, pairs the model scores at or above the threshold
   */
  record Namesakes(
      long falsePairs,
      long falseNamesakes,
      long missedPairs,
      long missedWithNamesake,
      int listedPeople,
      int listedWithNamesake,
      double populationWithNamesake,
      long candidateNamesakes,
      long candidateNamesakesLinked) {}

  private LinkCeiling() {}

  /**
   * Per record, a dense person number (records the truth does not name are people of their own).
   */
  static int[] persons(LinkResult r, Map<RecordRef, String> truth) {
    int[] person = new int[r.rs.n];
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < r.rs.n; i++) {
      String p = truth.get(r.record(i));
      person[i] = p == null ? -1 - i : ids.computeIfAbsent(p, k -> ids.size());
    }
    return person;
  }

  /** The key a classifier of the pair could see (and the model's decision). */
  static long key(LinkResult r, Comparison cmp, int a, int b, double cut) {
    return key(r, cmp, a, b, cut, null);
  }

  /**
   * Per record, how many records share its surname and given-name keys (a density of namesakes a
   * classifier could also see), for the extended key.
   */
  static int[] nameDensity(Records rs) {
    Map<Long, Integer> c = new HashMap<>();
    int[] out = new int[rs.n];
    if (rs.surnameField < 0 || rs.givenField < 0) {
      return out;
    }
    for (int i = 0; i < rs.n; i++) {
      long k =
          (long) rs.value[rs.surnameField][i] << 32 | (rs.value[rs.givenField][i] & 0xffffffffL);
      c.merge(k, 1, Integer::sum);
    }
    for (int i = 0; i < rs.n; i++) {
      long k =
          (long) rs.value[rs.surnameField][i] << 32 | (rs.value[rs.givenField][i] & 0xffffffffL);
      out[i] = c.get(k);
    }
    return out;
  }

  /** The key, extended with the bucketed name density of both records when density is given. */
  static long key(LinkResult r, Comparison cmp, int a, int b, double cut, int[] density) {
    Records rs = r.rs;
    Model model = r.model;
    long pattern = cmp.pattern(a, b);
    if (rs.fields.size() > 10) {
      throw new IllegalStateException("more than 10 fields do not fit the key");
    }
    double nameTf = 0;
    for (int f : new int[] {rs.surnameField, rs.givenField}) {
      if (f < 0) {
        continue;
      }
      int level = Comparison.level(pattern, f);
      if (level <= 1 && model.tfAdjust[f] != null) {
        int va = rs.value[f][a];
        int vb = rs.value[f][b];
        if (va >= 0 && vb >= 0) {
          nameTf += Math.min(model.tfAdjust[f][va], model.tfAdjust[f][vb]);
        }
      }
    }
    double year = 0;
    int d = rs.dateField;
    if (d >= 0 && model.yearAdjust[d] != null) {
      int level = Comparison.level(pattern, d);
      if (level >= 2 && level <= 4) {
        int ya = rs.value[d][a] / 10000;
        int yb = rs.value[d][b] / 10000;
        if (ya < model.yearAdjust[d].length && yb < model.yearAdjust[d].length) {
          year = Math.min(model.yearAdjust[d][ya], model.yearAdjust[d][yb]);
        }
      }
    }
    long tfBucket = Math.max(0, Math.min(31, Math.round(nameTf) + 12));
    long yearBucket = Math.max(0, Math.min(15, Math.round(year) + 7));
    long group = Math.min(rs.group(a, b), 31);
    long linked = model.weight(a, b, pattern) >= cut ? 1 : 0;
    long dens = 0;
    if (density != null) {
      int d1 = 32 - Integer.numberOfLeadingZeros(Math.min(density[a], density[b]));
      int d2 = 32 - Integer.numberOfLeadingZeros(Math.max(density[a], density[b]));
      dens = Math.min(d1, 7) * 8 + Math.min(d2, 7);
    }
    return pattern | tfBucket << 40 | yearBucket << 45 | group << 49 | linked << 54 | dens << 55;
  }

  /** Half of the pairs, by a hash of the pair, for the out-of-sample estimate. */
  static int fold(int a, int b) {
    long h = (Math.min(a, b) * 0x9E3779B97F4A7C15L) ^ (Math.max(a, b) * 0xC2B2AE3D27D4EB4FL);
    return (int) ((h ^ (h >>> 29)) * 0xBF58476D1CE4E5B9L >>> 63);
  }

  static boolean linked(long key) {
    return (key >>> 54 & 1) == 1;
  }

  /** Counts matches and non-matches per key over the distinct candidate pairs. */
  private static final class GroupCounter implements Blocking.Visitor {
    final LinkResult r;
    final int[] person;
    final Comparison cmp;
    final double cut;
    final int[] namesake;
    final Map<Long, long[]> counts = new HashMap<>();
    int[] density;
    long namesakePairs;
    long namesakeLinked;

    GroupCounter(LinkResult r, int[] person, int[] namesake, double cut) {
      this.r = r;
      this.person = person;
      this.namesake = namesake;
      this.cmp = new Comparison(r.rs);
      this.cut = cut;
    }

    @Override
    public void visit(int a, int b, int rule, boolean first, boolean sample) {
      long key = key(r, cmp, a, b, cut, density);
      long[] c = counts.computeIfAbsent(key, k -> new long[4]);
      boolean match = person[a] == person[b];
      c[(match ? 0 : 1) + 2 * fold(a, b)]++;
      if (!match && namesake != null && namesake[a] >= 0 && namesake[a] == namesake[b]) {
        namesakePairs++;
        if (linked(key)) {
          namesakeLinked++;
        }
      }
    }
  }

  static long truePairs(int[] person) {
    Map<Integer, Integer> sizes = new HashMap<>();
    for (int p : person) {
      sizes.merge(p, 1, Integer::sum);
    }
    long t = 0;
    for (int s : sizes.values()) {
      t += (long) s * (s - 1) / 2;
    }
    return t;
  }

  static Ceiling ceiling(LinkResult r, int[] person, double threshold) {
    return analyse(r, person, null, threshold, null).ceiling;
  }

  /** The ceiling when a classifier also sees how many records share each record's name. */
  static Ceiling ceilingWithDensity(LinkResult r, int[] person, double threshold) {
    return analyse(r, person, null, threshold, nameDensity(r.rs)).ceiling;
  }

  private record Both(Ceiling ceiling, long namesakePairs, long namesakeLinked) {}

  private static Both analyse(
      LinkResult r, int[] person, int[] namesake, double threshold, int[] density) {
    double cut = Model.logit2(threshold);
    List<GroupCounter> vs =
        r.blocking.forEachPair(
            () -> {
              GroupCounter g = new GroupCounter(r, person, namesake, cut);
              g.density = density;
              return g;
            },
            true,
            2,
            Progress.NONE,
            "ceiling");
    Map<Long, long[]> counts = new HashMap<>();
    long namesakePairs = 0;
    long namesakeLinked = 0;
    for (GroupCounter v : vs) {
      v.counts.forEach(
          (k, c) -> {
            long[] t = counts.computeIfAbsent(k, x -> new long[4]);
            for (int i = 0; i < 4; i++) {
              t[i] += c[i];
            }
          });
      namesakePairs += v.namesakePairs;
      namesakeLinked += v.namesakeLinked;
    }
    long all = truePairs(person);
    long candidateTrue = 0;
    long candidates = 0;
    long modelTp = 0;
    long modelPredicted = 0;
    long majTp = 0;
    long majPredicted = 0;
    List<long[]> groups = new ArrayList<>(counts.size());
    for (Map.Entry<Long, long[]> e : counts.entrySet()) {
      long[] f = e.getValue();
      long[] c = {f[0] + f[2], f[1] + f[3]};
      candidateTrue += c[0];
      candidates += c[0] + c[1];
      if (linked(e.getKey())) {
        modelTp += c[0];
        modelPredicted += c[0] + c[1];
      }
      if (c[0] > c[1]) {
        majTp += c[0];
        majPredicted += c[0] + c[1];
      }
      groups.add(c);
    }
    // Link groups in order of their match share; F1 = 2 TP / (true + predicted) is highest at some
    // prefix of that order.
    groups.sort((x, y) -> Long.compare(y[0] * (x[0] + x[1]), x[0] * (y[0] + y[1])));
    long tp = 0;
    long predicted = 0;
    double best = 0;
    long bestTp = 0;
    long bestPredicted = 0;
    for (long[] c : groups) {
      tp += c[0];
      predicted += c[0] + c[1];
      double f1 = 2.0 * tp / (all + predicted);
      if (f1 > best) {
        best = f1;
        bestTp = tp;
        bestPredicted = predicted;
      }
    }
    double heldOut = heldOut(counts, all - candidateTrue);
    Ceiling ceiling =
        new Ceiling(
            all,
            candidateTrue,
            candidates,
            counts.size(),
            2.0 * modelTp / (all + modelPredicted),
            modelPredicted == 0 ? 1 : (double) modelTp / modelPredicted,
            (double) modelTp / all,
            best,
            bestPredicted == 0 ? 1 : (double) bestTp / bestPredicted,
            (double) bestTp / all,
            2.0 * majTp / (all + majPredicted),
            heldOut);
    return new Both(ceiling, namesakePairs, namesakeLinked);
  }

  /** Learns the group decision on fold 0 and measures F1 on fold 1. */
  private static double heldOut(Map<Long, long[]> counts, long outsideBlocks) {
    List<long[]> seen = new ArrayList<>();
    long true0 = 0;
    for (long[] c : counts.values()) {
      true0 += c[0];
      if (c[0] + c[1] > 0) {
        seen.add(c);
      }
    }
    seen.sort((x, y) -> Long.compare(y[0] * (x[0] + x[1]), x[0] * (y[0] + y[1])));
    long all0 = true0 + outsideBlocks / 2;
    long tp = 0;
    long predicted = 0;
    double best = -1;
    double cutShare = 1.0;
    for (long[] c : seen) {
      tp += c[0];
      predicted += c[0] + c[1];
      double f1 = 2.0 * tp / (all0 + predicted);
      if (f1 > best) {
        best = f1;
        cutShare = (double) c[0] / (c[0] + c[1]);
      }
    }
    long tp1 = 0;
    long predicted1 = 0;
    long true1 = 0;
    for (Map.Entry<Long, long[]> e : counts.entrySet()) {
      long[] c = e.getValue();
      true1 += c[2];
      boolean link =
          c[0] + c[1] > 0 ? (double) c[0] / (c[0] + c[1]) >= cutShare : linked(e.getKey());
      if (link) {
        tp1 += c[2];
        predicted1 += c[2] + c[3];
      }
    }
    return 2.0 * tp1 / (true1 + outsideBlocks / 2.0 + predicted1);
  }

  /**
   * @param keys per person id, the namesake key of {@link TrueNames#namesakeKeys}
   */
  static Namesakes namesakes(
      LinkResult r, Map<RecordRef, String> truth, Map<String, String> keys, double threshold) {
    Records rs = r.rs;
    int[] person = persons(r, truth);
    Map<String, Integer> keyIds = new HashMap<>();
    int[] namesake = new int[rs.n];
    Map<Integer, Integer> personKey = new HashMap<>();
    for (int i = 0; i < rs.n; i++) {
      String p = truth.get(r.record(i));
      String k = p == null ? null : keys.get(p);
      namesake[i] = k == null ? -1 : keyIds.computeIfAbsent(k, x -> keyIds.size());
      if (namesake[i] >= 0) {
        personKey.put(person[i], namesake[i]);
      }
    }
    // people per key, among listed people and in the whole population
    int[] listedPerKey = new int[keyIds.size()];
    personKey.values().forEach(k -> listedPerKey[k]++);
    int listedWith = 0;
    for (int k : personKey.values()) {
      if (listedPerKey[k] > 1) {
        listedWith++;
      }
    }
    Map<String, Integer> popPerKey = new HashMap<>();
    keys.values().forEach(k -> popPerKey.merge(k, 1, Integer::sum));
    long popWith = popPerKey.values().stream().filter(c -> c > 1).mapToLong(c -> c).sum();

    long falsePairs = 0;
    long falseNamesakes = 0;
    Map<Integer, List<Integer>> byCluster = new HashMap<>();
    for (int i = 0; i < rs.n; i++) {
      byCluster.computeIfAbsent(r.cluster[i], c -> new ArrayList<>(2)).add(i);
    }
    for (List<Integer> g : byCluster.values()) {
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          int a = g.get(x);
          int b = g.get(y);
          if (person[a] != person[b]) {
            falsePairs++;
            if (namesake[a] >= 0 && namesake[a] == namesake[b]) {
              falseNamesakes++;
            }
          }
        }
      }
    }
    long missed = 0;
    long missedWith = 0;
    Map<Integer, List<Integer>> byPerson = new HashMap<>();
    for (int i = 0; i < rs.n; i++) {
      byPerson.computeIfAbsent(person[i], c -> new ArrayList<>(2)).add(i);
    }
    for (List<Integer> g : byPerson.values()) {
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          int a = g.get(x);
          int b = g.get(y);
          if (r.cluster[a] != r.cluster[b]) {
            missed++;
            if (namesake[a] >= 0 && listedPerKey[namesake[a]] > 1) {
              missedWith++;
            }
          }
        }
      }
    }
    Both both = analyse(r, person, namesake, threshold, null);
    return new Namesakes(
        falsePairs,
        falseNamesakes,
        missed,
        missedWith,
        personKey.size(),
        listedWith,
        (double) popWith / keys.size(),
        both.namesakePairs,
        both.namesakeLinked);
  }

  static Map<RecordRef, String> readTruth(Path file) {
    Map<RecordRef, String> truth = new HashMap<>();
    for (List<String> row : SourceTable.read(file).rows()) {
      truth.put(new RecordRef(row.get(0), row.get(1)), row.get(2));
    }
    return truth;
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    List<SourceTable> tables = new ArrayList<>();
    for (String l : List.of("church_a", "church_b", "returnees", "seoul_ngo", "china_detention")) {
      tables.add(SourceTable.read(dir.resolve(l + ".csv")));
    }
    Map<RecordRef, String> truth = readTruth(dir.resolve("truth.csv"));
    LinkSpec spec = LinkSpec.infer(tables);
    LinkResult r = new Linker().link(tables, spec, Progress.NONE);
    Evaluation e = Evaluation.of(r, truth);
    System.out.printf(
        "clusters: P %.4f R %.4f F1 %.4f, clusters %d / people %d, blocking recall %.4f%n",
        e.precision(), e.recall(), e.f1(), e.clusters(), e.people(), e.blockingRecall());
    if (args.length < 3) {
      return;
    }
    Ceiling c = ceiling(r, persons(r, truth), spec.threshold());
    System.out.println(c);
    System.out.println(
        "with name density: " + ceilingWithDensity(r, persons(r, truth), spec.threshold()));
    Map<String, String> keys =
        TrueNames.namesakeKeys(
            Scenario.defaults(), Integer.parseInt(args[1]), Long.parseLong(args[2]));
    System.out.println(namesakes(r, truth, keys, spec.threshold()));
    System.out.println(Arrays.toString(args));
  }
}
