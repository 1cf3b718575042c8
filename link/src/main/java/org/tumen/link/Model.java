package org.tumen.link;

/**
 * A fitted Fellegi–Sunter model (Fellegi and Sunter 1969, JASA 64:1183): per field and agreement
 * level the probabilities m = P(level | match) and u = P(level | non-match), the field weight
 * log2(m/u), the prior probability λ that a random pair of records is a match (separately for pairs
 * within one list and across two lists), and term frequencies.
 *
 * <p>The match weight of a pair is log2(λ/(1-λ)) + Σ_f log2(m_f(γ_f)/u_f(γ_f)) (+ term-frequency
 * adjustments): the posterior log-odds of a match under conditional independence of the fields
 * given the match status, so its probability is 1 / (1 + 2^-weight).
 *
 * <p>Term-frequency adjustment (Winkler 1989; as in Splink): for a value v with relative frequency
 * tf(v), agreement on v has u_v = tf(v)² and m_v = m·tf(v) instead of the field's average, which
 * adds log2(Σ tf² / tf(v)) to the weight of agreement on v: Kim = Kim counts for less than 황보 = 황보.
 *
 * <p>The adjustment refines a level's weight by value; it never reverses the order of the levels.
 * Agreement on a value, however common, weighs at least as much as disagreement on the field and,
 * where the level is evidence for a match, no less than no evidence: the value's u is held to u_v ≤
 * max(m, u_d · m / m_d) (a field with little evidence, or a fit on a handful of records, leaves far
 * less room than the ±{@link #MAX_TF_ADJUSTMENT} bits). And a weaker level of an ordered field
 * never weighs more than agreement on the commoner of the pair's two values (the order guard of the
 * fitted weights, applied after the refinement): one keying error in Kim is no better evidence than
 * Kim itself. So a record agrees with its copy at least as strongly as with any other record, field
 * by field.
 */
final class Model {

  /** The adjustment is bounded so that one rare value cannot outweigh everything else. */
  static final double MAX_TF_ADJUSTMENT = 6.0;

  final Records rs;
  final double[][] m;
  final double[][] u;
  final double[][] w;

  /** λ and its log2-odds per group of pairs ({@link Records#group}). */
  final double[] lambda;

  final double[] prior;

  /** Per TF field, per value id: the weight adjustment for agreeing on that value; else null. */
  final double[][] tfAdjust;

  /** Per date field, per birth year: the adjustment of partial agreement; else null. */
  final double[][] yearAdjust;

  /**
   * Per field, the weight of disagreement (the weakest evidence against among the "different"
   * levels): no adjusted agreement weighs less.
   */
  final double[] disagreement;

  Model(Records rs, double[][] m, double[][] u, double[] lambda) {
    this.rs = rs;
    this.m = m;
    this.u = u;
    this.lambda = lambda.clone();
    prior = new double[lambda.length];
    for (int g = 0; g < lambda.length; g++) {
      prior[g] = log2(lambda[g] / (1 - lambda[g]));
    }
    w = new double[m.length][];
    for (int f = 0; f < m.length; f++) {
      w[f] = new double[m[f].length];
      for (int l = 0; l < m[f].length; l++) {
        w[f][l] = log2(m[f][l] / u[f][l]);
        // Levels are ordered from strongest to weakest agreement: weaker agreement is never
        // better evidence (guards against noisy estimates of rare levels).
        if (l > 0 && rs.field(f).kind().weakerThanPrevious(l) && w[f][l] > w[f][l - 1]) {
          w[f][l] = w[f][l - 1];
        }
        // Date levels are not ordered among themselves, but none is better evidence than the
        // same full date.
        if (l > 0 && w[f][l] > w[f][0]) {
          w[f][l] = w[f][0];
        }
      }
    }
    disagreement = new double[m.length];
    for (int f = 0; f < m.length; f++) {
      int last = m[f].length - 1;
      disagreement[f] =
          rs.field(f).kind() == Field.Kind.DATE
              ? Math.max(w[f][Comparison.DATE_DIFFERENT], w[f][Comparison.DATE_DIFFERENT_FULL])
              : w[f][last];
    }
    yearAdjust = yearAdjustments();
    tfAdjust = new double[m.length][];
    for (int f = 0; f < m.length; f++) {
      if (!rs.field(f).kind().frequencyAdjusted() || rs.present[f] == 0) {
        continue;
      }
      int[] c = rs.count[f];
      double total = rs.present[f];
      double sumSq = 0;
      for (int v : c) {
        sumSq += (v / total) * (v / total);
      }
      double[] adj = new double[c.length];
      for (int v = 0; v < c.length; v++) {
        double tf = Math.max(c[v], 1) / total;
        adj[v] = Math.max(-MAX_TF_ADJUSTMENT, Math.min(MAX_TF_ADJUSTMENT, log2(sumSq / tf)));
      }
      tfAdjust[f] = adj;
    }
  }

  /**
   * Per date field, per year: the adjustment for partial agreement to the year (same year and
   * month, same year, a year or two apart), as for names: births cluster in some decades, so
   * agreeing on a common year is weaker evidence than on a rare one. Null for other fields.
   */
  private double[][] yearAdjustments() {
    double[][] out = new double[m.length][];
    for (int f = 0; f < m.length; f++) {
      if (rs.field(f).kind() != Field.Kind.DATE) {
        continue;
      }
      int[] c = new int[10000];
      double total = 0;
      for (int v : rs.value[f]) {
        if (v > 0 && v / 10000 < c.length) {
          c[v / 10000]++;
          total++;
        }
      }
      if (total == 0) {
        continue;
      }
      double sumSq = 0;
      for (int x : c) {
        sumSq += (x / total) * (x / total);
      }
      double[] adj = new double[c.length];
      for (int y = 0; y < c.length; y++) {
        double tf = Math.max(c[y], 1) / total;
        adj[y] = Math.max(-MAX_TF_ADJUSTMENT, Math.min(MAX_TF_ADJUSTMENT, log2(sumSq / tf)));
      }
      out[f] = adj;
    }
    return out;
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  double prior(int a, int b) {
    return prior[rs.group(a, b)];
  }

  /** λ pooled over the groups within lists (within = true) or across lists. */
  double pooledLambda(boolean within) {
    double[] pairs = rs.groupPairs();
    double matches = 0;
    double all = 0;
    for (int g = 0; g < lambda.length; g++) {
      if (rs.groupWithin(g) == within) {
        matches += lambda[g] * pairs[g];
        all += pairs[g];
      }
    }
    return all == 0 ? 0 : matches / all;
  }

  /**
   * The weight contributed by field f at a level. The term-frequency adjustment takes the more
   * common of the two values, so it is symmetric. An adjusted agreement never weighs less than the
   * field's disagreement, nor (partial dates) more than agreement on the full date; a weaker level
   * of a name or place never weighs more than agreement on the commoner of the two values.
   */
  double fieldWeight(int f, int level, int a, int b) {
    if (level == Field.MISSING) {
      return 0;
    }
    double x = w[f][level];
    if (yearAdjust[f] != null
        && level >= Comparison.DATE_SAME_MONTH_PARTIAL
        && level <= Comparison.DATE_YEAR_2_PARTIAL) {
      int ya = rs.value[f][a] / 10000;
      int yb = rs.value[f][b] / 10000;
      if (ya < yearAdjust[f].length && yb < yearAdjust[f].length) {
        x += Math.min(yearAdjust[f][ya], yearAdjust[f][yb]);
        x = Math.min(Math.max(x, disagreement[f]), Math.max(w[f][0], w[f][level]));
      }
    }
    if (tfAdjust[f] != null) {
      int va = rs.value[f][a];
      int vb = rs.value[f][b];
      if (va >= 0 && vb >= 0) {
        double adjust = Math.min(tfAdjust[f][va], tfAdjust[f][vb]);
        if (level <= 1) {
          x = Math.max(x + adjust, agreementFloor(f, level));
        } else {
          x = Math.min(x, Math.max(w[f][1] + adjust, agreementFloor(f, 1)));
        }
      }
    }
    return x;
  }

  /**
   * The least an agreement level of a name or place may weigh after the term-frequency adjustment:
   * the field's disagreement, and no evidence at all (0 bits) where the level itself is evidence
   * for a match. The levels' likelihood ratios given a value v fall from the strongest level to the
   * weakest while m and u_v each sum to one, so agreement on v is never evidence against: a u_v
   * above m says the value is so common that the field's average m does not describe it, not that
   * two records agreeing on it are less likely the same person than two that disagree.
   */
  private double agreementFloor(int f, int level) {
    return Math.max(disagreement[f], Math.min(0, w[f][level]));
  }

  /** The match weight (posterior log2-odds) of a pair with a known pattern. */
  double weight(int a, int b, long pattern) {
    double x = prior(a, b);
    for (int f = 0; f < w.length; f++) {
      x += fieldWeight(f, Comparison.level(pattern, f), a, b);
    }
    return x;
  }

  /** The Bayes factor's log2 of a pattern without term frequencies (for EM of λ). */
  double patternWeight(long pattern) {
    double x = 0;
    for (int f = 0; f < w.length; f++) {
      int l = Comparison.level(pattern, f);
      if (l != Field.MISSING) {
        x += w[f][l];
      }
    }
    return x;
  }

  static double probability(double weight) {
    return 1.0 / (1.0 + Math.pow(2, -weight));
  }

  static double logit2(double p) {
    return log2(p / (1 - p));
  }
}
