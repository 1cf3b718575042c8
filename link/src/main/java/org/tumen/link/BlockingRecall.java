package org.tumen.link;

import java.util.List;

/**
 * The share of true pairs that no blocking rule brings together, from the fitted model: each
 * field's key agrees among matches with the m of the levels that imply it, a field is filled in
 * each list as often as it is, and fields are independent given a match (the Fellegi–Sunter
 * assumption the weights already make). A rule holds a pair when all its keys agree and their block
 * was not dropped for its size; the share is the probability, summed over every combination of
 * fields agreeing, that none does.
 */
final class BlockingRecall {

  /** A field's key state for a pair: none, weak (an initial, a birth year) or strong (the key). */
  private static final int NONE = 0;

  private static final int WEAK = 1;
  private static final int STRONG = 2;

  private final Records rs;

  /** Fields some rule uses, and per rule the state each of them must reach (0: not used). */
  private final int[] fields;

  private final int[][] need;

  /** Per used field: P(strong | match, both present) and P(at least weak | match, both present). */
  private final double[] strong;

  private final double[] weak;

  /** Per list, per used field: the share of its records holding a value. */
  private final double[][] filled;

  /**
   * Per rule: the share of the records holding its fields whose block was kept (blocks over the
   * size cap, or beyond the rule's pair budget, are dropped). Two records that agree on a rule's
   * keys share a block, so a match the rule holds is lost with its block.
   */
  private final double[] kept;

  BlockingRecall(Records rs, Model model, Blocking blocking, List<List<String>> rules) {
    this.rs = rs;
    int nf = rs.fields.size();
    int[][] byField = new int[rules.size()][nf];
    boolean[] used = new boolean[nf];
    for (int r = 0; r < rules.size(); r++) {
      for (String key : rules.get(r)) {
        require(byField[r], key, used);
      }
    }
    int count = 0;
    for (boolean u : used) {
      count += u ? 1 : 0;
    }
    fields = new int[count];
    int at = 0;
    for (int f = 0; f < nf; f++) {
      if (used[f]) {
        fields[at++] = f;
      }
    }
    need = new int[rules.size()][count];
    for (int r = 0; r < rules.size(); r++) {
      for (int i = 0; i < count; i++) {
        need[r][i] = byField[r][fields[i]];
      }
    }
    strong = new double[count];
    weak = new double[count];
    for (int i = 0; i < count; i++) {
      int f = fields[i];
      double[] m = model.m[f];
      for (int l = 0; l < m.length; l++) {
        int state = state(rs.field(f).kind(), l);
        if (state == STRONG) {
          strong[i] += m[l];
        }
        if (state >= WEAK) {
          weak[i] += m[l];
        }
      }
    }
    filled = new double[rs.tables.size()][count];
    long[] size = new long[rs.tables.size()];
    for (int r = 0; r < rs.n; r++) {
      size[rs.source[r]]++;
      for (int i = 0; i < count; i++) {
        if (rs.value[fields[i]][r] >= 0) {
          filled[rs.source[r]][i]++;
        }
      }
    }
    for (int s = 0; s < filled.length; s++) {
      for (int i = 0; i < count; i++) {
        filled[s][i] /= Math.max(1, size[s]);
      }
    }
    kept = new double[rules.size()];
    for (int r = 0; r < rules.size(); r++) {
      long holding = 0;
      long inBlock = 0;
      for (int x = 0; x < rs.n; x++) {
        boolean all = true;
        for (int i = 0; i < count && all; i++) {
          all = need[r][i] == NONE || rs.value[fields[i]][x] >= 0;
        }
        if (all) {
          holding++;
          if (blocking.keys[r][x] != 0) {
            inBlock++;
          }
        }
      }
      kept[r] = holding == 0 ? 1 : (double) inBlock / holding;
    }
  }

  /** Marks the field states a rule's key needs. */
  private void require(int[] need, String key, boolean[] used) {
    switch (key) {
      case Blocking.NAME_SET, Blocking.NAME_BAG -> {
        mark(need, rs.surnameField, STRONG, used);
        mark(need, rs.givenField, STRONG, used);
      }
      case Blocking.LONG_NAME -> mark(need, rs.givenField, STRONG, used);
      case "given_initial" -> mark(need, rs.givenField, WEAK, used);
      case "surname_initial" -> mark(need, rs.surnameField, WEAK, used);
      case "birth_year" -> mark(need, rs.dateField, WEAK, used);
      default -> {
        for (int f = 0; f < rs.fields.size(); f++) {
          if (rs.field(f).name().equals(key)) {
            mark(need, f, STRONG, used);
          }
        }
      }
    }
  }

  private static void mark(int[] need, int f, int state, boolean[] used) {
    if (f >= 0) {
      need[f] = Math.max(need[f], state);
      used[f] = true;
    }
  }

  /**
   * The key state an agreement level implies: names agree on the loose key at "exact" and "variant"
   * and on the initial down to "similar ≥ 0.94"; a date's full key only when exact, its year
   * whenever the years are equal; other fields only when exact.
   */
  static int state(Field.Kind kind, int level) {
    return switch (kind) {
      case SURNAME, GIVEN, NAME_PART ->
          level <= Comparison.NAME_VARIANT
              ? STRONG
              : level <= Comparison.NAME_SIMILAR_94 ? WEAK : NONE;
      case DATE ->
          level == Comparison.DATE_EXACT
              ? STRONG
              : level == Comparison.DATE_SAME_MONTH_PARTIAL
                      || level == Comparison.DATE_SAME_YEAR_PARTIAL
                      || level == Comparison.DATE_CONFLICT
                  ? WEAK
                  : NONE;
      default -> level == 0 ? STRONG : NONE;
    };
  }

  /** The share of the true pairs of lists a and b that no rule holds. */
  double missedShare(int a, int b) {
    int k = fields.length;
    double[][] p = new double[k][3];
    for (int i = 0; i < k; i++) {
      double both = filled[a][i] * filled[b][i];
      p[i][STRONG] = both * strong[i];
      p[i][WEAK] = both * (weak[i] - strong[i]);
      p[i][NONE] = 1 - p[i][STRONG] - p[i][WEAK];
    }
    return none(p, new int[k], 0, 1.0);
  }

  private double none(double[][] p, int[] state, int i, double prob) {
    if (prob == 0) {
      return 0;
    }
    if (i == state.length) {
      double lost = prob;
      for (int r = 0; r < need.length; r++) {
        boolean holds = true;
        for (int j = 0; j < need[r].length && holds; j++) {
          holds = state[j] >= need[r][j];
        }
        if (holds) {
          lost *= 1 - kept[r];
        }
      }
      return lost;
    }
    double sum = 0;
    for (int s = NONE; s <= STRONG; s++) {
      state[i] = s;
      sum += none(p, state, i + 1, prob * p[i][s]);
    }
    return sum;
  }
}
