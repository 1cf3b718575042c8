package org.tumen.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tumen.model.BadInputException;
import org.tumen.model.Progress;

/**
 * Links records of several lists (and duplicates within a list) into people: standardise, block,
 * estimate a Fellegi–Sunter model without labels, score candidate pairs, cluster. Plain Java, no
 * I/O: tables in, a {@link LinkResult} out.
 *
 * <pre>{@code
 * LinkResult r = new Linker().link(tables, LinkSpec.infer(tables), Progress.NONE);
 * }</pre>
 */
public final class Linker {

  /** Random pairs drawn to estimate u. */
  static final int U_SAMPLES = 400_000;

  private final int threads;
  private final int maxBlock;
  private final List<LabelledPair> labels;
  private final long seed;

  /** A linker using every core, the default block cap, no labels. */
  public Linker() {
    this(Runtime.getRuntime().availableProcessors(), Blocking.DEFAULT_MAX_BLOCK, List.of(), 1L);
  }

  private Linker(int threads, int maxBlock, List<LabelledPair> labels, long seed) {
    if (threads < 1 || maxBlock < 2) {
      throw new IllegalArgumentException("threads >= 1 and maxBlock >= 2");
    }
    this.threads = threads;
    this.maxBlock = maxBlock;
    this.labels = List.copyOf(labels);
    this.seed = seed;
  }

  /** The same linker with labelled pairs, used to estimate m and to check the EM estimate. */
  public Linker withLabels(List<LabelledPair> labelled) {
    return new Linker(threads, maxBlock, labelled, seed);
  }

  /** The same linker on {@code n} worker threads. */
  public Linker withThreads(int n) {
    return new Linker(n, maxBlock, labels, seed);
  }

  /** The same linker with another cap on block size (records per block). */
  public Linker withMaxBlock(int records) {
    return new Linker(threads, records, labels, seed);
  }

  /**
   * Links the records of the given lists.
   *
   * @throws BadInputException naming the list when a column is missing, an id is blank or
   *     duplicated, or there is nothing to link
   */
  public LinkResult link(List<SourceTable> inputs, LinkSpec spec, Progress progress) {
    List<String> notes = new ArrayList<>();
    long t0 = System.nanoTime();
    progress.start("standardising", -1);
    Records rs = Records.build(inputs, spec);
    progress.finish();
    if (rs.n < 2) {
      throw new BadInputException(inputs.get(0).name(), "need at least two records to link");
    }
    if (rs.n >= 1 << 24) {
      throw new BadInputException("--input", "at most 16,777,215 records per run");
    }
    long t1 = System.nanoTime();
    List<List<String>> rules = spec.blocking().isEmpty() ? Blocking.defaults(rs) : spec.blocking();
    Blocking blocking = new Blocking(rs, rules, maxBlock);
    for (int r = 0; r < rules.size(); r++) {
      notes.add(
          String.format(
              "blocking rule %s: %d pairs%s",
              rules.get(r),
              blocking.pairsPerRule[r],
              blocking.oversizedBlocks[r] > 0
                  ? ", " + blocking.oversizedBlocks[r] + " blocks over " + maxBlock + " dropped"
                  : ""));
    }
    long t2 = System.nanoTime();

    double[][] u = Estimation.u(rs, U_SAMPLES, seed);
    long tu = System.nanoTime();
    PatternCounts.Table[] perRule = new PatternCounts.Table[rules.size()];
    PatternCounts.Table all = countPatterns(rs, blocking, perRule, progress);
    long tc = System.nanoTime();
    double[][] m = Estimation.m(rs, blocking.keysUsed, perRule, all, u, notes);
    notes.add(
        String.format(
            "time (s): u from random pairs %.2f, comparing candidate pairs %.2f, EM %.2f",
            (tu - t2) / 1e9, (tc - tu) / 1e9, (System.nanoTime() - tc) / 1e9));
    if (!labels.isEmpty()) {
      m = Estimation.mFromLabels(rs, labelMatches(rs, labels, notes), m, notes);
    }
    double[] half = new double[rs.groups()];
    java.util.Arrays.fill(half, 0.5);
    double[] lambda = Estimation.lambdas(rs, all, new Model(rs, m, u, half));
    Model model = new Model(rs, m, u, lambda);
    notes.add(
        String.format(
            "prior: λ within lists %.3g, across lists %.3g (per group %s); %d distinct candidate"
                + " pairs",
            model.pooledLambda(true),
            model.pooledLambda(false),
            Arrays.stream(lambda).mapToObj(x -> String.format("%.2g", x)).toList(),
            all.total()));
    long t3 = System.nanoTime();

    double keep = Model.logit2(Math.min(spec.threshold(), spec.reviewLow()));
    List<Scorer> scorers =
        blocking.forEachPair(() -> new Scorer(rs, model, keep), true, threads, progress, "scoring");
    int kept = scorers.stream().mapToInt(s -> s.size).sum();
    int[] pa = new int[kept];
    int[] pb = new int[kept];
    float[] pw = new float[kept];
    int at = 0;
    for (Scorer s : scorers) {
      System.arraycopy(s.a, 0, pa, at, s.size);
      System.arraycopy(s.b, 0, pb, at, s.size);
      System.arraycopy(s.w, 0, pw, at, s.size);
      at += s.size;
    }
    long t4 = System.nanoTime();
    int[] cluster = Clustering.cluster(rs, model, pa, pb, pw, spec.threshold(), progress);
    List<Integer> big = Clustering.implausible(cluster, rs.tables.size());
    if (!big.isEmpty()) {
      notes.add(
          "warning: "
              + big.size()
              + " clusters hold more records than one person plausibly has; check the model");
    }
    long t5 = System.nanoTime();
    notes.add(
        String.format(
            "time (s): standardise %.2f, block %.2f, estimate %.2f, score %.2f, cluster %.2f",
            (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t5 - t4) / 1e9));
    ModelParameters parameters =
        new ModelParameters(
            model.pooledLambda(true),
            model.pooledLambda(false),
            fieldParameters(rs, model),
            rules,
            all.total(),
            notes);
    return new LinkResult(rs, model, blocking, cluster, pa, pb, pw, spec, parameters);
  }

  private PatternCounts.Table countPatterns(
      Records rs, Blocking blocking, PatternCounts.Table[] perRule, Progress progress) {
    int rules = perRule.length;
    List<PatternVisitor> vs =
        blocking.forEachPair(
            () -> new PatternVisitor(rs, rules), false, threads, progress, "estimating");
    PatternCounts all = new PatternCounts();
    PatternCounts[] byRule = new PatternCounts[rules];
    for (int r = 0; r < rules; r++) {
      byRule[r] = new PatternCounts();
    }
    for (PatternVisitor v : vs) {
      all.addAll(v.all);
      for (int r = 0; r < rules; r++) {
        byRule[r].addAll(v.byRule[r]);
      }
    }
    for (int r = 0; r < rules; r++) {
      perRule[r] = byRule[r].table();
    }
    return all.table();
  }

  private static List<int[]> labelMatches(
      Records rs, List<LabelledPair> labels, List<String> notes) {
    java.util.Map<RecordRef, Integer> index = new java.util.HashMap<>();
    for (int i = 0; i < rs.n; i++) {
      index.put(new RecordRef(rs.sourceName(i), rs.recordIds[i]), i);
    }
    List<int[]> out = new ArrayList<>();
    int unknown = 0;
    for (LabelledPair p : labels) {
      Integer a = index.get(p.a());
      Integer b = index.get(p.b());
      if (a == null || b == null) {
        unknown++;
      } else if (p.match()) {
        out.add(new int[] {a, b});
      }
    }
    if (unknown > 0) {
      notes.add("labels: " + unknown + " labelled pairs name records not in the input");
    }
    return out;
  }

  private static List<FieldParameters> fieldParameters(Records rs, Model model) {
    List<FieldParameters> out = new ArrayList<>();
    for (int f = 0; f < rs.fields.size(); f++) {
      out.add(
          new FieldParameters(
              rs.field(f).name(),
              rs.field(f).kind().labels,
              Arrays.stream(model.m[f]).boxed().toList(),
              Arrays.stream(model.u[f]).boxed().toList(),
              Arrays.stream(model.w[f]).boxed().toList()));
    }
    return out;
  }

  /** Counts comparison patterns per blocking rule and over the deduplicated union. */
  private static final class PatternVisitor implements Blocking.Visitor {
    final Records rs;
    final Comparison cmp;
    final PatternCounts all = new PatternCounts();
    final PatternCounts[] byRule;

    PatternVisitor(Records rs, int rules) {
      this.rs = rs;
      cmp = new Comparison(rs);
      byRule = new PatternCounts[rules];
      for (int r = 0; r < rules; r++) {
        byRule[r] = new PatternCounts();
      }
    }

    @Override
    public void visit(int a, int b, int rule, boolean first, boolean sample) {
      long p = cmp.pattern(a, b);
      int group = rs.group(a, b);
      if (sample) {
        byRule[rule].add(p, group, 1);
      }
      if (first) {
        all.add(p, group, 1);
      }
    }
  }

  /** Scores the deduplicated candidate pairs and keeps those above a weight. */
  private static final class Scorer implements Blocking.Visitor {
    final Comparison cmp;
    final Model model;
    final double keep;
    int[] a = new int[1024];
    int[] b = new int[1024];
    float[] w = new float[1024];
    int size;

    Scorer(Records rs, Model model, double keep) {
      cmp = new Comparison(rs);
      this.model = model;
      this.keep = keep;
    }

    @Override
    public void visit(int x, int y, int rule, boolean first, boolean sample) {
      double weight = model.weight(x, y, cmp.pattern(x, y));
      if (weight >= keep) {
        if (size == a.length) {
          a = Arrays.copyOf(a, size * 2);
          b = Arrays.copyOf(b, size * 2);
          w = Arrays.copyOf(w, size * 2);
        }
        a[size] = x;
        b[size] = y;
        w[size] = (float) weight;
        size++;
      }
    }
  }
}
