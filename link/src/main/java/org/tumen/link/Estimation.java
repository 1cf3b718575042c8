package org.tumen.link;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Estimates the Fellegi–Sunter parameters without labels.
 *
 * <ul>
 *   <li>u from pairs drawn at random from all pairs (nearly all non-matches), never from the
 *       blocked pairs: those agree on their blocking keys by construction, and a u fitted on them
 *       makes every blocked pair look like a match (the giant-cluster trap).
 *   <li>m by EM (Dempster, Laird and Rubin 1977; for record linkage Winkler 1988, Jaro 1989) with u
 *       held fixed, run separately on the pairs of each blocking rule with that rule's own fields
 *       left out (they agree by construction), and pooled over rules by expected matches (as Splink
 *       trains m per blocking rule).
 *   <li>λ, the prior probability that a random pair matches, by EM over the deduplicated candidate
 *       pairs with m and u fixed, taking pairs outside the blocks as non-matches: λ = Σ P(match |
 *       γ) / (number of all pairs), separately for each pair of lists and within each list.
 * </ul>
 */
final class Estimation {

  private static final int MAX_ITERATIONS = 300;
  private static final double TOLERANCE = 1e-7;

  /**
   * Smallest m of any level: a level never seen among the ten thousand or so expected matches of a
   * rule is rarer than about one in ten thousand, not impossible. Smoothing, not a guard: a level
   * EM sees among matches gets the share EM finds (a field noisier than the simulator's is learned
   * as noisier).
   */
  private static final double M_FLOOR = 1e-4;

  /** Rules with fewer unmasked fields leave EM nothing to separate matches by. */
  static final int MIN_FREE_FIELDS = 2;

  /** Rules whose EM finds a smaller share of matches do not inform m. */
  static final double MIN_MATCH_SHARE = 0.1;

  private Estimation() {}

  /** u_f(l) from {@code samples} random pairs, with add-one smoothing. */
  static double[][] u(Records rs, int samples, long seed) {
    Comparison cmp = new Comparison(rs);
    int nf = rs.fields.size();
    long[][] c = new long[nf][];
    for (int f = 0; f < nf; f++) {
      c[f] = new long[rs.field(f).levels()];
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int s = 0; s < samples; s++) {
      int a = rnd.nextInt(rs.n);
      int b = rnd.nextInt(rs.n - 1);
      if (b >= a) {
        b++;
      }
      long p = cmp.pattern(a, b);
      for (int f = 0; f < nf; f++) {
        int l = Comparison.level(p, f);
        if (l != Field.MISSING) {
          c[f][l]++;
        }
      }
    }
    double[][] u = new double[nf][];
    for (int f = 0; f < nf; f++) {
      u[f] = smoothed(c[f], equalValues(rs, f), rs.field(f).kind().termFrequency() ? 2 : 1);
    }
    return u;
  }

  /**
   * The probability that two random records with a value share it, from the value counts: Σ c(c-1)
   * / (P(P-1)). Exact where a sample would see rare agreement too seldom; NaN when the field keeps
   * no counts.
   */
  private static double equalValues(Records rs, int f) {
    Field.Kind k = rs.field(f).kind();
    if (k == Field.Kind.DATE || k == Field.Kind.YEAR || k == Field.Kind.SEX) {
      return Double.NaN;
    }
    double present = rs.present[f];
    if (present < 2) {
      return Double.NaN;
    }
    double sum = 0;
    for (int v : rs.count[f]) {
      sum += (double) v * (v - 1);
    }
    return sum / (present * (present - 1));
  }

  /**
   * Level shares with add-one smoothing. When the share of equal values is known exactly, the
   * levels that mean "equal" (exact, and for names variant) share it in the sampled ratio and the
   * other levels share the rest.
   */
  static double[] smoothed(long[] counts, double equal, int eqLevels) {
    int levels = counts.length;
    double[] u = new double[levels];
    if (Double.isNaN(equal)) {
      long total = 0;
      for (long x : counts) {
        total += x;
      }
      for (int l = 0; l < levels; l++) {
        u[l] = (counts[l] + 1.0) / (total + levels);
      }
      return u;
    }
    double eq = 0;
    double rest = 0;
    for (int l = 0; l < levels; l++) {
      if (l < eqLevels) {
        eq += counts[l] + 0.5;
      } else {
        rest += counts[l] + 1.0;
      }
    }
    double floor = 1e-9;
    for (int l = 0; l < levels; l++) {
      u[l] =
          l < eqLevels
              ? Math.max(floor, equal) * (counts[l] + 0.5) / eq
              : (1 - equal) * (counts[l] + 1.0) / rest;
    }
    return u;
  }

  /** Expected counts of each level among matches, and the match share, from one EM run. */
  record Fit(double[][] expected, double lambda, int iterations) {}

  static double[][] initialM(Records rs) {
    double[][] m = new double[rs.fields.size()][];
    for (int f = 0; f < m.length; f++) {
      int levels = rs.field(f).levels();
      m[f] = new double[levels];
      double rest = 0.2;
      for (int l = levels - 1; l >= 1; l--) {
        m[f][l] = rest / Math.pow(2, l);
      }
      double sum = 0;
      for (int l = 1; l < levels; l++) {
        sum += m[f][l];
      }
      m[f][0] = 1 - sum;
    }
    return m;
  }

  /**
   * EM for m and λ with u fixed, on fields not masked.
   *
   * @param mask fields to leave out (they define the block)
   */
  static Fit em(PatternCounts.Table t, boolean[] mask, double[][] u, double[][] mStart) {
    int nf = u.length;
    double[][] m = new double[nf][];
    double[][] logU = new double[nf][];
    for (int f = 0; f < nf; f++) {
      m[f] = mStart[f].clone();
      logU[f] = new double[u[f].length];
      for (int l = 0; l < u[f].length; l++) {
        logU[f][l] = Math.log(u[f][l]);
      }
    }
    long[] pats = t.patterns();
    double[] counts = new double[pats.length];
    double total = 0;
    for (int i = 0; i < pats.length; i++) {
      counts[i] = t.counts()[i];
      total += counts[i];
    }
    double lambda = 0.3;
    double[][] acc = new double[nf][];
    int it = 0;
    while (it < MAX_ITERATIONS) {
      it++;
      for (int f = 0; f < nf; f++) {
        acc[f] = new double[u[f].length];
      }
      double expected = 0;
      double logL = Math.log(lambda);
      double log1L = Math.log(1 - lambda);
      for (int i = 0; i < pats.length; i++) {
        double lm = logL;
        double lu = log1L;
        for (int f = 0; f < nf; f++) {
          int l = Comparison.level(pats[i], f);
          if (!mask[f] && l != Field.MISSING) {
            lm += Math.log(m[f][l]);
            lu += logU[f][l];
          }
        }
        double g = 1.0 / (1.0 + Math.exp(lu - lm));
        double cg = counts[i] * g;
        expected += cg;
        for (int f = 0; f < nf; f++) {
          int l = Comparison.level(pats[i], f);
          if (!mask[f] && l != Field.MISSING) {
            acc[f][l] += cg;
          }
        }
      }
      double newLambda = Math.min(1 - 1e-9, Math.max(1e-9, expected / total));
      double change = Math.abs(newLambda - lambda);
      lambda = newLambda;
      for (int f = 0; f < nf; f++) {
        if (mask[f]) {
          continue;
        }
        double[] next = normalised(acc[f]);
        for (int l = 0; l < next.length; l++) {
          change = Math.max(change, Math.abs(next[l] - m[f][l]));
        }
        m[f] = next;
      }
      if (change < TOLERANCE) {
        break;
      }
    }
    return new Fit(acc, lambda, it);
  }

  /** Proportions with a floor, so no level is impossible among matches. */
  static double[] normalised(double[] counts) {
    double sum = 0;
    for (double c : counts) {
      sum += c;
    }
    double[] out = new double[counts.length];
    double norm = 0;
    for (int l = 0; l < counts.length; l++) {
      out[l] = Math.max(M_FLOOR, sum > 0 ? counts[l] / sum : 1.0 / counts.length);
      norm += out[l];
    }
    for (int l = 0; l < counts.length; l++) {
      out[l] /= norm;
    }
    return out;
  }

  /**
   * m pooled over blocking rules; a field used by every rule falls back to EM on all candidate
   * pairs.
   */
  static double[][] m(
      Records rs,
      List<List<String>> rules,
      PatternCounts.Table[] perRule,
      PatternCounts.Table all,
      double[][] u,
      List<String> notes) {
    int nf = rs.fields.size();
    double[][] pooled = new double[nf][];
    for (int f = 0; f < nf; f++) {
      pooled[f] = new double[rs.field(f).levels()];
    }
    boolean[] estimated = new boolean[nf];
    double[][] start = initialM(rs);
    // per field, the untrusted fit with the largest match share that left it free: a better
    // fallback than EM on all candidate pairs, whose non-matches agree on every blocking key
    Fit[] bestUntrusted = new Fit[nf];
    for (int r = 0; r < rules.size(); r++) {
      if (perRule[r].patterns().length == 0) {
        continue;
      }
      boolean[] mask = mask(rs, rules.get(r));
      int free = 0;
      for (boolean masked : mask) {
        free += masked ? 0 : 1;
      }
      if (free < MIN_FREE_FIELDS) {
        continue;
      }
      Fit fit = em(perRule[r], mask, u, start);
      for (int f = 0; f < nf; f++) {
        if (!mask[f] && (bestUntrusted[f] == null || fit.lambda() > bestUntrusted[f].lambda())) {
          bestUntrusted[f] = fit;
        }
      }
      if (fit.lambda() < MIN_MATCH_SHARE) {
        // Where matches are rare the latent class EM finds may be some subpopulation of
        // non-matches instead (e.g. namesakes from one province): not trusted for m.
        notes.add(
            String.format(
                "EM on rule %s: match share %.4f too low to estimate m; skipped",
                rules.get(r), fit.lambda()));
        continue;
      }
      for (int f = 0; f < nf; f++) {
        if (!mask[f]) {
          estimated[f] = true;
          for (int l = 0; l < pooled[f].length; l++) {
            pooled[f][l] += fit.expected()[f][l];
          }
        }
      }
      notes.add(
          String.format(
              "EM on rule %s: %d pairs, match share %.4f, %d iterations",
              rules.get(r), perRule[r].total(), fit.lambda(), fit.iterations()));
    }
    Fit fallback = null;
    double[][] m = new double[nf][];
    for (int f = 0; f < nf; f++) {
      if (!estimated[f] && bestUntrusted[f] != null) {
        pooled[f] = bestUntrusted[f].expected()[f];
        notes.add(
            String.format(
                "field %s: m from the rule with the largest match share (%.4f) that leaves it free",
                rs.field(f).name(), bestUntrusted[f].lambda()));
      } else if (!estimated[f]) {
        if (fallback == null) {
          fallback = em(all, new boolean[nf], u, start);
        }
        pooled[f] = fallback.expected()[f];
        notes.add(
            "field "
                + rs.field(f).name()
                + " is in every blocking rule: its m comes from EM on all candidate pairs");
      }
      m[f] = normalised(pooled[f]);
      if (m[f][0] <= u[f][0]) {
        notes.add(
            "warning: field "
                + rs.field(f).name()
                + " agrees no more often among matches than at random; it carries no evidence");
      }
    }
    return m;
  }

  /**
   * The fields a blocking rule's keys are built from, and sex when the rule holds the given name: a
   * given name largely decides sex, so agreement on sex among pairs that share a given name is no
   * evidence of a match, and EM would mistake it for some.
   */
  static boolean[] mask(Records rs, List<String> rule) {
    boolean[] mask = new boolean[rs.fields.size()];
    boolean given =
        rule.contains(FieldSpec.GIVEN)
            || rule.contains("given_initial")
            || rule.contains(Blocking.NAME_SET)
            || rule.contains(Blocking.NAME_BAG)
            || rule.contains(Blocking.LONG_NAME);
    for (int f = 0; f < mask.length; f++) {
      mask[f] = given && rs.field(f).kind() == Field.Kind.SEX;
    }
    for (String key : rule) {
      if (key.equals(Blocking.NAME_SET)
          || key.equals(Blocking.NAME_BAG)
          || key.equals(Blocking.LONG_NAME)) {
        mask[rs.surnameField] = true;
        mask[rs.givenField] = true;
        continue;
      }
      String name =
          switch (key) {
            case "given_initial" -> FieldSpec.GIVEN;
            case "surname_initial" -> FieldSpec.SURNAME;
            case "birth_year" -> FieldSpec.BIRTH_DATE;
            case FieldSpec.SEX, FieldSpec.PLACE -> key;
            default -> key;
          };
      for (int f = 0; f < mask.length; f++) {
        if (rs.field(f).name().equals(name)) {
          mask[f] = true;
        }
      }
    }
    return mask;
  }

  /** m from labelled matching pairs, where a field has at least 20 observed labelled matches. */
  static double[][] mFromLabels(
      Records rs, List<int[]> matches, double[][] mEm, List<String> notes) {
    Comparison cmp = new Comparison(rs);
    int nf = rs.fields.size();
    double[][] c = new double[nf][];
    for (int f = 0; f < nf; f++) {
      c[f] = new double[rs.field(f).levels()];
    }
    for (int[] pair : matches) {
      long p = cmp.pattern(pair[0], pair[1]);
      for (int f = 0; f < nf; f++) {
        int l = Comparison.level(p, f);
        if (l != Field.MISSING) {
          c[f][l]++;
        }
      }
    }
    double[][] m = new double[nf][];
    for (int f = 0; f < nf; f++) {
      double n = 0;
      for (double x : c[f]) {
        n += x;
      }
      if (n < 20) {
        m[f] = mEm[f];
        continue;
      }
      double[] smoothed = new double[c[f].length];
      for (int l = 0; l < smoothed.length; l++) {
        smoothed[l] = c[f][l] + 0.5;
      }
      m[f] = normalised(smoothed);
      double diff = 0;
      for (int l = 0; l < m[f].length; l++) {
        diff = Math.max(diff, Math.abs(m[f][l] - mEm[f][l]));
      }
      notes.add(
          String.format(
              "labels: field %s, m from %d labelled matches (largest difference from EM %.3f)",
              rs.field(f).name(), (long) n, diff));
    }
    return m;
  }

  /**
   * λ per group of pairs ({@link Records#group}) by EM with m and u fixed: the expected number of
   * matches among the group's candidate pairs over the number of all its pairs.
   */
  static double[] lambdas(Records rs, PatternCounts.Table t, Model shape) {
    double[] allPairs = rs.groupPairs();
    double[] bf = new double[t.patterns().length];
    for (int i = 0; i < bf.length; i++) {
      bf[i] = Math.pow(2, shape.patternWeight(t.patterns()[i]));
    }
    double[] lambda = new double[allPairs.length];
    for (int g = 0; g < lambda.length; g++) {
      long[] counts = new long[bf.length];
      for (int i = 0; i < bf.length; i++) {
        counts[i] = t.groups()[i] == g ? t.counts()[i] : 0;
      }
      lambda[g] = fixedPoint(bf, counts, allPairs[g]);
    }
    return lambda;
  }

  private static double fixedPoint(double[] bf, long[] counts, double allPairs) {
    if (allPairs <= 0) {
      return 1e-12;
    }
    double lambda = 1e-6;
    for (int it = 0; it < 500; it++) {
      double expected = 0;
      for (int i = 0; i < bf.length; i++) {
        if (counts[i] > 0) {
          double odds = lambda / (1 - lambda) * bf[i];
          expected += counts[i] * odds / (1 + odds);
        }
      }
      double next = Math.min(0.5, Math.max(1e-12, expected / allPairs));
      if (Math.abs(next - lambda) <= 1e-6 * lambda) {
        return next;
      }
      lambda = next;
    }
    return lambda;
  }
}
