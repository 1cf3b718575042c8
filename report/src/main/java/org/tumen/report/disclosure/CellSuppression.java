package org.tumen.report.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Small-cell suppression of a two-way table with its margins: primary suppression of sensitive
 * cells ({@link DisclosureRules#isSensitive}, totals included) and complementary suppression so
 * that the attacker of {@link Attacker} cannot narrow any suppressed cell to fewer than {@code
 * threshold} integers.
 *
 * <p><b>Method</b> (docs/disclosure.md). Think of the table with its totals as the extended grid,
 * with the totals' signs flipped so that every row and column sums to zero. A suppressed rectangle
 * — four cells at the corners of two rows and two columns — can then be changed by {@code +d, -d,
 * -d, +d} without changing any published number; its cells are uncertain by the room that move has
 * before some corner would go negative. This is the classic argument of Cox (1980) and the
 * "hypercube" method of τ-ARGUS (Repsilber's GHMITER; Hundepool et al. 2012, §4.3.3): (1) for each
 * primary cell, suppress the cheapest rectangle through it whose move is at least {@code threshold}
 * wide (cost: the value of the newly hidden cells plus one, ten times that for a total, which
 * readers use most); (2) audit with the attacker's linear programmes, and where a cell is still too
 * narrow (one rectangle was not enough) add the cheapest further rectangle through it, repeating;
 * if nothing helps, suppress the whole table; (3) try to publish each complementary cell again,
 * most costly first, keeping it published when the audit still passes (within a budget of {@value
 * #PRUNE_BUDGET} linear programmes per table; past it the rest stay hidden, which is safe). The
 * audit, not the heuristic, decides. A cell that lies in a suppressed rectangle whose move is wide
 * enough needs no programme: the move's values are solutions the attacker cannot rule out, so its
 * interval is at least that wide; every other suppressed cell is solved.
 *
 * <p>Not optimal: the least-cost pattern is an integer programme (Fischetti and Salazar 2001); this
 * heuristic is what τ-ARGUS offers when no ILP solver is present. docs/benchmarks.md records what
 * it hides on the simulated tables.
 */
public final class CellSuppression {

  private static final int TOTAL_COST_FACTOR = 10;

  /**
   * How many linear programmes the last step (publishing complementary cells again) may spend; a
   * large sparse table stops pruning there and keeps the rest hidden, which is safe.
   */
  static final long PRUNE_BUDGET = 20_000;

  private CellSuppression() {}

  /** The table with its sensitive cells and their complements suppressed. */
  public static ProtectedTable protect(CountGrid grid, DisclosureRules rules) {
    return protect(grid, rules, new boolean[grid.rows() + 1][grid.columns() + 1]);
  }

  /**
   * As {@link #protect(CountGrid, DisclosureRules)}, with further cells of the extended grid that
   * must be suppressed as if they were sensitive ({@link Coarsening} uses it when another published
   * level would reveal them).
   */
  static ProtectedTable protect(CountGrid grid, DisclosureRules rules, boolean[][] alsoPrimary) {
    return new Run(grid, rules, alsoPrimary).run();
  }

  private static final class Run {
    private final CountGrid grid;
    private final DisclosureRules rules;
    private final int m;
    private final int n;
    private final long[][] v;
    private final CellStatus[][] status;

    /** Linear programmes solved so far. */
    private long programmes;

    Run(CountGrid grid, DisclosureRules rules, boolean[][] alsoPrimary) {
      this.grid = grid;
      this.rules = rules;
      m = grid.rows();
      n = grid.columns();
      v = new long[m + 1][n + 1];
      status = new CellStatus[m + 1][n + 1];
      for (int r = 0; r <= m; r++) {
        for (int c = 0; c <= n; c++) {
          v[r][c] = grid.value(r, c);
          status[r][c] =
              rules.isSensitive(v[r][c]) || alsoPrimary[r][c]
                  ? CellStatus.PRIMARY
                  : CellStatus.PUBLISHED;
        }
      }
    }

    ProtectedTable run() {
      if (!anySuppressed()) {
        return result();
      }
      if (m < 1 || n < 1) {
        suppressAll();
        return result();
      }
      for (int r = 0; r <= m; r++) {
        for (int c = 0; c <= n; c++) {
          if (status[r][c] == CellStatus.PRIMARY && !hasSafeRectangle(r, c)) {
            Rectangle best = cheapest(r, c, true);
            if (best != null) {
              suppress(best);
            }
          }
        }
      }
      repairUntilSafe();
      prune();
      return result();
    }

    private void repairUntilSafe() {
      int limit = 4 * (m + 1) * (n + 1);
      for (int round = 0; round < limit; round++) {
        List<int[]> weak = weakCells(false);
        if (weak.isEmpty()) {
          return;
        }
        int[] w = weak.get(0);
        Rectangle more = cheapest(w[0], w[1], false);
        if (more == null) {
          break;
        }
        suppress(more);
      }
      if (!weakCells(false).isEmpty()) {
        suppressAll();
      }
    }

    /** Publish again each complementary cell whose suppression the audit does not need. */
    private void prune() {
      List<int[]> complements = new ArrayList<>();
      for (int r = 0; r <= m; r++) {
        for (int c = 0; c <= n; c++) {
          if (status[r][c] == CellStatus.COMPLEMENTARY) {
            complements.add(new int[] {r, c});
          }
        }
      }
      complements.sort(Comparator.comparingLong((int[] a) -> -cost(a[0], a[1])));
      for (int[] a : complements) {
        if (programmes > PRUNE_BUDGET) {
          return; // keep the rest hidden: safe, at some cost in information
        }
        status[a[0]][a[1]] = CellStatus.PUBLISHED;
        if (!weakCells(true).isEmpty()) {
          status[a[0]][a[1]] = CellStatus.COMPLEMENTARY;
        }
      }
    }

    /**
     * The suppressed cells the attacker narrows below the threshold. A cell in a suppressed
     * rectangle whose move is wide enough is safe without asking (the move's values are solutions
     * the attacker cannot rule out); only the others are solved as linear programmes.
     */
    private List<int[]> weakCells(boolean firstOnly) {
      List<int[]> uncertified = new ArrayList<>();
      for (int r = 0; r <= m; r++) {
        for (int c = 0; c <= n; c++) {
          if (status[r][c].suppressed() && !hasSafeRectangle(r, c)) {
            uncertified.add(new int[] {r, c});
          }
        }
      }
      if (uncertified.isEmpty()) {
        return uncertified;
      }
      LinearSystem system = result().published().asLinearSystem();
      List<int[]> weak = new ArrayList<>();
      for (int[] cell : uncertified) {
        double[] mm = Attacker.solve(system, cell[0] * (n + 1) + cell[1]);
        programmes += 2;
        if (new Bounds(cell[0], cell[1], mm[0], mm[1]).width() < rules.threshold()) {
          weak.add(cell);
          if (firstOnly) {
            return weak;
          }
        }
      }
      return weak;
    }

    private boolean hasSafeRectangle(int i, int j) {
      for (int k = 0; k <= m; k++) {
        for (int l = 0; l <= n; l++) {
          if (k != i
              && l != j
              && status[i][l].suppressed()
              && status[k][j].suppressed()
              && status[k][l].suppressed()
              && width(i, j, k, l) >= rules.threshold()) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * The cheapest rectangle through {@code (i, j)}: if {@code wide}, among those whose move is at
     * least the threshold; otherwise among those that hide at least one more cell, preferring wide
     * ones at equal cost.
     */
    private Rectangle cheapest(int i, int j, boolean wide) {
      Rectangle best = null;
      for (int k = 0; k <= m; k++) {
        for (int l = 0; l <= n; l++) {
          if (k == i || l == j) {
            continue;
          }
          long w = width(i, j, k, l);
          if (wide ? w < rules.threshold() : w == 0) {
            continue;
          }
          long cost = cost(i, l) + cost(k, j) + cost(k, l);
          if (!wide && cost == 0) {
            continue;
          }
          Rectangle r = new Rectangle(i, j, k, l, cost, w);
          if (best == null || r.cost < best.cost || (r.cost == best.cost && r.width > best.width)) {
            best = r;
          }
        }
      }
      return best;
    }

    /** What suppressing a cell costs now: nothing if it is already suppressed. */
    private long cost(int r, int c) {
      if (status[r][c].suppressed()) {
        return 0;
      }
      long base = v[r][c] + 1;
      return (r == m || c == n) ? TOTAL_COST_FACTOR * base : base;
    }

    /**
     * The room of the move {@code +d} at (i,j) and (k,l), {@code -d} at (i,l) and (k,j) on the
     * sign-flipped grid: a corner whose count rises with d bounds d below by its count, one whose
     * count falls bounds it above; the width is the sum of the two limits.
     */
    private long width(int i, int j, int k, int l) {
      long down = Long.MAX_VALUE;
      long up = Long.MAX_VALUE;
      int[][] corners = {{i, j, 1}, {i, l, -1}, {k, j, -1}, {k, l, 1}};
      for (int[] a : corners) {
        int direction = a[2] * sign(a[0], a[1]);
        long value = v[a[0]][a[1]];
        if (direction > 0) {
          down = Math.min(down, value);
        } else {
          up = Math.min(up, value);
        }
      }
      return down + up;
    }

    /**
     * Totals enter their row's or column's sum with a minus sign; the grand total twice, so plus.
     */
    private int sign(int r, int c) {
      return (r == m) ^ (c == n) ? -1 : 1;
    }

    private void suppress(Rectangle r) {
      mark(r.i, r.l);
      mark(r.k, r.j);
      mark(r.k, r.l);
      mark(r.i, r.j);
    }

    private void mark(int r, int c) {
      if (status[r][c] == CellStatus.PUBLISHED) {
        status[r][c] = CellStatus.COMPLEMENTARY;
      }
    }

    private void suppressAll() {
      for (int r = 0; r <= m; r++) {
        for (int c = 0; c <= n; c++) {
          mark(r, c);
        }
      }
    }

    private boolean anySuppressed() {
      for (CellStatus[] row : status) {
        for (CellStatus s : row) {
          if (s.suppressed()) {
            return true;
          }
        }
      }
      return false;
    }

    private ProtectedTable result() {
      return new ProtectedTable(grid, rules, status);
    }
  }

  private record Rectangle(int i, int j, int k, int l, long cost, long width) {}
}
