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
  private final long pairMemory;
  private final int draws;
  private final List<LabelledPair> decisions;

  /**
   * Pairs less likely than this are left out of the drawn clusterings: each would be a link in
   * fewer than one draw in a hundred, and keeping them all would cost memory at a million records.
   */
  static final double DRAW_FLOOR = 0.01;

  /** A linker using every core, the default block cap, no labels. */
  public Linker() {
    this(
        Runtime.getRuntime().availableProcessors(),
        Blocking.DEFAULT_MAX_BLOCK,
        List.of(),
        1L,
        Runtime.getRuntime().maxMemory() / 4,
        0,
        List.of());
  }

  private Linker(
      int threads,
      int maxBlock,
      List<LabelledPair> labels,
      long seed,
      long pairMemory,
      int draws,
      List<LabelledPair> decisions) {
    if (threads < 1 || maxBlock < 2 || draws < 0) {
      throw new IllegalArgumentException("threads >= 1, maxBlock >= 2 and draws >= 0");
    }
    this.draws = draws;
    this.threads = threads;
    this.maxBlock = maxBlock;
    this.labels = List.copyOf(labels);
    this.seed = seed;
    this.pairMemory = pairMemory;
    this.decisions = List.copyOf(decisions);
  }

  /** The same linker with labelled pairs, used to estimate m and to check the EM estimate. */
  public Linker withLabels(List<LabelledPair> labelled) {
    return new Linker(threads, maxBlock, labelled, seed, pairMemory, draws, decisions);
  }

  /**
   * The same linker under reviewers' decisions (match = "same person"): a pair decided same ends in
   * one cluster, a pair decided different never does, in the clusters and in every draw; the model
   * is fitted as before and its agreement with the decisions is reported in the notes ({@link
   * Decisions}). "Not sure" is no decision: leave such pairs out.
   */
  public Linker withDecisions(List<LabelledPair> decided) {
    return new Linker(threads, maxBlock, labels, seed, pairMemory, draws, decided);
  }

  /** The same linker on {@code n} worker threads. */
  public Linker withThreads(int n) {
    return new Linker(n, maxBlock, labels, seed, pairMemory, draws, decisions);
  }

  /** The same linker with another cap on block size (records per block). */
  public Linker withMaxBlock(int records) {
    return new Linker(threads, records, labels, seed, pairMemory, draws, decisions);
  }

  /**
   * The same linker also drawing {@code k} alternative clusterings: each clusters the pairs with
   * their weights perturbed at random so that a lone pair is a link with its match probability
   * ({@link Clustering#drawNoise}); the spread of the clusterings is the linkage's uncertainty.
   */
  public Linker withDraws(int k) {
    return new Linker(threads, maxBlock, labels, seed, pairMemory, k, decisions);
  }

  /**
   * The same linker keeping the compared pairs for scoring only if they fit in {@code bytes}
   * (default a quarter of the heap); otherwise it compares them again. For tests of both paths.
   */
  Linker withPairMemory(long bytes) {
    return new Linker(threads, maxBlock, labels, seed, bytes, draws, decisions);
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
    boolean keepPairs = blocking.candidatePairs() * ComparedPairs.BYTES_PER_PAIR <= pairMemory;
    List<ComparedPairs> compared = keepPairs ? new ArrayList<>() : null;
    if (!keepPairs) {
      notes.add(
          String.format(
              "memory: the candidate pairs are compared again for scoring; keeping them would take"
                  + " up to %,d MB of the %,d MB allowed",
              blocking.candidatePairs() * ComparedPairs.BYTES_PER_PAIR >> 20, pairMemory >> 20));
    }
    PatternCounts.Table all = countPatterns(rs, blocking, perRule, compared, progress);
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

    double shown = Model.logit2(Math.min(spec.threshold(), spec.reviewLow()));
    double keep = draws > 0 ? Math.min(shown, Model.logit2(DRAW_FLOOR)) : shown;
    List<Scorer> scorers =
        compared != null
            ? scoreCompared(compared, model, keep, progress)
            : blocking.forEachPair(
                () -> new Scorer(rs, model, keep), true, threads, progress, "scoring");
    if (compared != null) {
      compared.clear(); // 12 bytes a pair, no longer needed: free them before clustering
    }
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
    Decisions decided = Decisions.of(rs, decisions, notes);
    if (!decisions.isEmpty()) {
      notes.add(Decisions.agreement(rs, model, decisions, spec.threshold()));
      Decisions.Pairs applied = decided.apply(pa, pb, pw);
      pa = applied.a();
      pb = applied.b();
      pw = applied.w();
    }
    long t4 = System.nanoTime();
    int[] cluster =
        Clustering.cluster(
            rs, model, pa, pb, pw, spec.threshold(), Clustering.NONE, decided, progress);
    List<Integer> big = Clustering.implausible(cluster, rs.tables.size());
    if (!big.isEmpty()) {
      notes.add(
          "warning: "
              + big.size()
              + " clusters hold more records than one person plausibly has; check the model");
    }
    int[][] drawn = drawClusterings(rs, model, pa, pb, pw, decided, progress);
    LinkageErrors errors =
        Calibration.errors(
            rs,
            model,
            blocking,
            rules,
            cluster,
            spec.threshold(),
            Model.probability(keep),
            pa,
            pb,
            pw);
    notes.addAll(errors.describe());
    if (errors.material()) {
      notes.add(
          String.format(
              "warning: the expected linkage errors (%.0f missed, %.0f false links) can move a"
                  + " population estimate by more than %.0f%%; see the calibration lines"
                  + " (--verbose) or --errors",
              errors.expectedMissed(), errors.expectedFalse(), 100 * LinkageErrors.MATERIAL_SHARE));
    }
    if (keep < shown) {
      int k = 0;
      for (int i = 0; i < pw.length; i++) {
        if (pw[i] >= shown) {
          pa[k] = pa[i];
          pb[k] = pb[i];
          pw[k] = pw[i];
          k++;
        }
      }
      pa = Arrays.copyOf(pa, k);
      pb = Arrays.copyOf(pb, k);
      pw = Arrays.copyOf(pw, k);
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
    return new LinkResult(
        rs, model, blocking, cluster, pa, pb, pw, drawn, spec, parameters, errors);
  }

  /**
   * The alternative clusterings of {@link #withDraws}, draw d from seed (seed, d). Draws sample
   * links by probability, so they cut at 0.5 whatever threshold the clusters use: a lone pair is
   * then a link in a draw with exactly its match probability.
   */
  private int[][] drawClusterings(
      Records rs, Model model, int[] pa, int[] pb, float[] pw, Decisions decided, Progress p) {
    if (draws == 0) {
      return new int[0][];
    }
    p.start("drawing clusterings", draws);
    try {
      return Parallel.map(
              draws,
              threads,
              d -> {
                Clustering.Noise noise = Clustering.drawNoise(seed * 1_000_003L + d);
                int[] c =
                    Clustering.cluster(rs, model, pa, pb, pw, 0.5, noise, decided, Progress.NONE);
                p.step(1);
                return c;
              })
          .toArray(int[][]::new);
    } finally {
      p.finish();
    }
  }

  private PatternCounts.Table countPatterns(
      Records rs,
      Blocking blocking,
      PatternCounts.Table[] perRule,
      List<ComparedPairs> compared,
      Progress progress) {
    int rules = perRule.length;
    boolean keep = compared != null;
    List<PatternVisitor> vs =
        blocking.forEachPair(
            () -> new PatternVisitor(rs, rules, keep), false, threads, progress, "estimating");
    if (keep) {
      vs.forEach(v -> compared.add(v.kept));
    }
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

    final ComparedPairs kept;

    PatternVisitor(Records rs, int rules, boolean keep) {
      this.rs = rs;
      kept = keep ? new ComparedPairs() : null;
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
        if (kept != null) {
          kept.add(a, b, p);
        }
      }
    }
  }

  /**
   * Scores the pairs kept from the estimation pass, a run of blocks per task, and returns the
   * scorers in block order (the same order as scoring by {@link Blocking#forEachPair}).
   */
  private List<Scorer> scoreCompared(
      List<ComparedPairs> compared, Model model, double keep, Progress progress) {
    progress.start("scoring", compared.size());
    try {
      return Parallel.map(
          compared.size(),
          threads,
          c -> {
            Scorer s = new Scorer(null, model, keep);
            compared.get(c).forEach(s::accept);
            progress.step(1);
            return s;
          });
    } finally {
      progress.finish();
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

    /** With {@code rs} null, scores only patterns handed to {@link #accept}. */
    Scorer(Records rs, Model model, double keep) {
      cmp = rs == null ? null : new Comparison(rs);
      this.model = model;
      this.keep = keep;
    }

    @Override
    public void visit(int x, int y, int rule, boolean first, boolean sample) {
      accept(x, y, cmp.pattern(x, y));
    }

    void accept(int x, int y, long pattern) {
      double weight = model.weight(x, y, pattern);
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
