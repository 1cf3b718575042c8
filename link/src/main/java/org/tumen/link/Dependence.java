package org.tumen.link;

import java.util.Arrays;

/**
 * How much more (or less) often two fields agree together among non-matches than their own u's say:
 * the one place where the model's independence of fields given a non-match is checked against the
 * data instead of assumed.
 *
 * <p>Why: Fellegi–Sunter multiplies the fields' u's, so a pair agreeing on a given name and on sex
 * gets the evidence of both. Where given names are largely of one sex (most Korean ones), two
 * people who share a given name share a sex too: among different people of 20,000 simulated, pairs
 * with the same given name agree on sex 1.9 times as often as random pairs, and the product counts
 * the sex's bit of evidence a second time. The pairs this inflates are namesakes, and the
 * clustering leaves most of them apart, so the expected missed links, a sum over those, came out
 * two to three times the true ones (docs/methods.md, "Namesakes agree on sex together").
 *
 * <p>How: for every two fields f and g, exact grouping counts over all record pairs (hashing the
 * records on their values, a date by its year) give the pairs agreeing on f, on g and on both; the
 * model's expected matches among the candidate pairs with those agreements are taken away (a
 * person's records agree on everything, and on the rarer combinations they are most of the agreeing
 * pairs); the ratio R = u(f, g) / (u(f) u(g)) of what is left is the dependence, and a pair whose
 * levels agree on both fields gets −log2 R bits. Second order only (the pairwise terms of a
 * log-linear model for the non-matches); orders above need counts that the matches dominate.
 * Estimated from the lists at hand, so on lists whose names say nothing of sex (the external
 * korean-20k set: R = 0.99) it changes nothing.
 */
final class Dependence {

  /** The correction is bounded as the term-frequency adjustment is. */
  static final double MAX_BITS = Model.MAX_TF_ADJUSTMENT;

  /** No dependence: the plain Fellegi–Sunter product. */
  static Dependence none(int fields) {
    return new Dependence(new double[fields][fields]);
  }

  /** Per pair of fields [f][g] (symmetric, zero diagonal): bits added when both agree. */
  final double[][] bits;

  private final boolean any;

  Dependence(double[][] bits) {
    this.bits = bits;
    boolean nonZero = false;
    for (double[] row : bits) {
      for (double b : row) {
        nonZero |= b != 0;
      }
    }
    any = nonZero;
  }

  /**
   * The same dependence, with no pair of fields taking back more than the weaker of their two
   * agreements weighs: agreeing on one more field is never evidence against a match (measured
   * dependence can overshoot by noise; a field that always agrees with another carries no evidence
   * beside it, not negative evidence).
   *
   * @param agreement per field, the weight of its top level
   */
  Dependence floored(double[] agreement) {
    double[][] out = new double[bits.length][];
    for (int f = 0; f < bits.length; f++) {
      out[f] = bits[f].clone();
      for (int g = 0; g < bits.length; g++) {
        if (g != f) {
          out[f][g] = Math.max(out[f][g], -Math.max(0, Math.min(agreement[f], agreement[g])));
        }
      }
    }
    return new Dependence(out);
  }

  /** One line for the notes: every pair of fields, with the bits their joint agreement gets. */
  String describe(Records rs) {
    StringBuilder sb = new StringBuilder("dependence among non-matches (bits when both agree):");
    for (int f = 0; f < bits.length; f++) {
      for (int g = f + 1; g < bits.length; g++) {
        sb.append(
            String.format(
                java.util.Locale.ROOT,
                " %s×%s %+.2f",
                rs.field(f).name(),
                rs.field(g).name(),
                bits[f][g]));
      }
    }
    return sb.toString();
  }

  /** Whether a level of a field means that the two values are the same (a date: the same year). */
  static boolean agrees(Field.Kind kind, int level) {
    if (level == Field.MISSING) {
      return false;
    }
    return switch (kind) {
      case SURNAME, GIVEN, NAME_PART -> level <= Comparison.NAME_VARIANT;
      case DATE ->
          level == Comparison.DATE_EXACT
              || level == Comparison.DATE_SAME_MONTH_PARTIAL
              || level == Comparison.DATE_SAME_YEAR_PARTIAL
              || level == Comparison.DATE_CONFLICT;
      default -> level == 0;
    };
  }

  /** The bits a pattern gets: the sum over every two fields it agrees on. */
  double bits(Records rs, long pattern) {
    if (!any) {
      return 0;
    }
    int nf = bits.length;
    double x = 0;
    for (int f = 0; f < nf; f++) {
      if (!agrees(rs.field(f).kind(), Comparison.level(pattern, f))) {
        continue;
      }
      for (int g = f + 1; g < nf; g++) {
        if (agrees(rs.field(g).kind(), Comparison.level(pattern, g))) {
          x += bits[f][g];
        }
      }
    }
    return x;
  }

  /**
   * Estimates the dependence from the records and the candidate pairs' patterns, with the model
   * {@code shape} giving each pattern's chance of being a match.
   */
  static Dependence estimate(Records rs, PatternCounts.Table candidates, Model shape) {
    int nf = rs.fields.size();
    long[][] keys = new long[nf][];
    for (int f = 0; f < nf; f++) {
      keys[f] = keys(rs, f);
    }
    double[][] out = new double[nf][nf];
    for (int f = 0; f < nf; f++) {
      for (int g = f + 1; g < nf; g++) {
        out[f][g] = out[g][f] = pairBits(rs, candidates, shape, keys, f, g);
      }
    }
    return new Dependence(out);
  }

  /** −log2 R for fields f and g; 0 where they are never both known. */
  private static double pairBits(
      Records rs, PatternCounts.Table candidates, Model shape, long[][] keys, int f, int g) {
    int n = rs.n;
    long[] kf = new long[n];
    long[] kg = new long[n];
    long[] kfg = new long[n];
    int both = 0;
    for (int r = 0; r < n; r++) {
      long a = keys[f][r];
      long b = keys[g][r];
      if (a < 0 || b < 0) {
        continue;
      }
      kf[both] = a;
      kg[both] = b;
      kfg[both] = a << 32 | b; // values and years are non-negative ints
      both++;
    }
    if (both < 2) {
      return 0;
    }
    double pairsF = equalPairs(kf, both);
    double pairsG = equalPairs(kg, both);
    double pairsFG = equalPairs(kfg, both);
    // the model's expected matches among the candidate pairs that agree so
    double[] matches = expectedMatches(rs, candidates, shape, f, g);
    double all = both * (both - 1.0) / 2;
    double nonF = Math.max(0, pairsF - matches[0]);
    double nonG = Math.max(0, pairsG - matches[1]);
    double nonFG = Math.max(0, pairsFG - matches[2]);
    double independent = nonF * nonG / Math.max(1, all - matches[3]);
    // one pair added to both sides: a combination too rare to count says nothing either way
    double bits = -Model.log2((nonFG + 1) / (independent + 1));
    return Math.max(-MAX_BITS, Math.min(MAX_BITS, bits));
  }

  /**
   * Σ P(match) over the candidate pairs with both fields known: agreeing on f, on g, on both, and
   * all of them.
   */
  private static double[] expectedMatches(
      Records rs, PatternCounts.Table t, Model shape, int f, int g) {
    Field.Kind kf = rs.field(f).kind();
    Field.Kind kg = rs.field(g).kind();
    double[] out = new double[4];
    long[] pats = t.patterns();
    for (int i = 0; i < pats.length; i++) {
      int lf = Comparison.level(pats[i], f);
      int lg = Comparison.level(pats[i], g);
      if (lf == Field.MISSING || lg == Field.MISSING) {
        continue;
      }
      double w = shape.prior[t.groups()[i]] + shape.patternWeight(pats[i]);
      double e = t.counts()[i] * Model.probability(w);
      boolean af = agrees(kf, lf);
      boolean ag = agrees(kg, lg);
      out[0] += af ? e : 0;
      out[1] += ag ? e : 0;
      out[2] += af && ag ? e : 0;
      out[3] += e;
    }
    return out;
  }

  /** Pairs of the first n keys that are equal. */
  private static double equalPairs(long[] keys, int n) {
    long[] k = Arrays.copyOf(keys, n);
    Arrays.sort(k);
    double pairs = 0;
    int run = 1;
    for (int i = 1; i <= n; i++) {
      if (i < n && k[i] == k[i - 1]) {
        run++;
      } else {
        pairs += run * (run - 1.0) / 2;
        run = 1;
      }
    }
    return pairs;
  }

  /** Per record the field's value for grouping (a date's year), −1 when missing. */
  private static long[] keys(Records rs, int f) {
    long[] out = new long[rs.n];
    boolean date = rs.field(f).kind() == Field.Kind.DATE;
    for (int r = 0; r < rs.n; r++) {
      int v = rs.value[f][r];
      out[r] = v < 0 ? -1 : date ? (v / 10000 == 0 ? -1 : v / 10000) : v;
    }
    return out;
  }
}
