package org.tumen.report.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.tumen.model.PartialDate;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;
import org.tumen.model.place.PlaceLevel;

/**
 * Global recoding before suppression (Hundepool et al. 2012, §4.2.2 and §5.3; "global recoding" in
 * τ-ARGUS): places are counted at a coarser level of the gazetteer's hierarchy (county → province →
 * country) and dates at a coarser period (month → quarter → year), so that fewer cells are small.
 *
 * <p>{@link #choose} counts a table at every combination of levels, protects each with {@link
 * CellSuppression}, and keeps the <em>finest</em> (the most cells) whose suppression hides at most
 * {@link DisclosureRules#maxSuppressedShare()} of the total — the finest level at which the table
 * needs little suppression; when no level is within that budget, the one that hides the least.
 *
 * <p>{@link #protectTogether} protects several levels of one table that are published together (the
 * county table in a story, the province table in the report): the attacker then knows that a coarse
 * cell is the sum of its fine cells and may subtract. The levels are first protected one by one,
 * then audited as one linked system; a suppressed cell that the combination narrows below the
 * threshold gets its counterpart at the other level suppressed too (its parent in the coarser
 * table, or its published children in the finer), and the round repeats until the joint audit
 * passes (at worst, everything but the finest table is hidden). Immutable and thread-safe.
 */
public final class Coarsening {

  /** How finely dates are counted. */
  public enum Grain {
    YEAR,
    QUARTER,
    MONTH;

    /**
     * The period of a date at this grain: "2003", "2003-Q1", "2003-03"; coarser if it is vaguer.
     */
    String period(Optional<PartialDate> date) {
      if (date.isEmpty() || date.get().year() == 0) {
        return "unknown";
      }
      PartialDate d = date.get();
      if (this == YEAR || d.month() == 0) {
        return Integer.toString(d.year());
      }
      if (this == QUARTER) {
        return d.year() + "-Q" + ((d.month() - 1) / 3 + 1);
      }
      return String.format("%d-%02d", d.year(), d.month());
    }
  }

  /** What a table's rows or columns are. */
  public enum Axis {
    /** Gazetteer places at the chosen level; labelled by code. */
    PLACE,
    /** Periods at the chosen grain. */
    PERIOD,
    /** The items' category (an act type), never coarsened. */
    CATEGORY
  }

  /** One thing counted: where (empty if unknown), when (empty or partial), and its category. */
  public record Item(Optional<Place> place, Optional<PartialDate> date, String category) {
    public Item {
      Objects.requireNonNull(place);
      Objects.requireNonNull(date);
      Objects.requireNonNull(category);
    }
  }

  /** A level of the whole table: how fine places and periods are. */
  public record Level(PlaceLevel place, Grain grain) {
    public Level {
      Objects.requireNonNull(place);
      Objects.requireNonNull(grain);
    }

    /** Whether this level is at least as fine as {@code other} in both places and periods. */
    public boolean refines(Level other) {
      return place.compareTo(other.place) >= 0 && grain.compareTo(other.grain) >= 0;
    }
  }

  /** A table counted and protected at one level. */
  public record Coarsened(Level level, ProtectedTable table) {
    public int cells() {
      return table.grid().rows() * table.grid().columns();
    }
  }

  /** The level chosen and every level protected on the way, finest first. */
  public record Choice(Coarsened chosen, List<Coarsened> tried) {}

  private static final int MAX_ROUNDS = 50;

  private final Gazetteer gazetteer;

  public Coarsening(Gazetteer gazetteer) {
    this.gazetteer = Objects.requireNonNull(gazetteer);
  }

  public Coarsening() {
    this(Gazetteer.standard());
  }

  /** The items counted at one level: rows and columns sorted by label. */
  public CountGrid grid(List<Item> items, Axis rows, Axis columns, Level level) {
    if (rows == columns) {
      throw new IllegalArgumentException("rows and columns are both " + rows);
    }
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    TreeMap<String, Boolean> columnKeys = new TreeMap<>();
    for (Item it : items) {
      String r = key(it, rows, level);
      String c = key(it, columns, level);
      counts.computeIfAbsent(r, k -> new TreeMap<>()).merge(c, 1L, Long::sum);
      columnKeys.put(c, true);
    }
    List<String> rowLabels = new ArrayList<>(counts.keySet());
    List<String> columnLabels = new ArrayList<>(columnKeys.keySet());
    long[][] cells = new long[rowLabels.size()][columnLabels.size()];
    for (int r = 0; r < rowLabels.size(); r++) {
      Map<String, Long> row = counts.get(rowLabels.get(r));
      for (int c = 0; c < columnLabels.size(); c++) {
        cells[r][c] = row.getOrDefault(columnLabels.get(c), 0L);
      }
    }
    return new CountGrid(name(rows, level), name(columns, level), rowLabels, columnLabels, cells);
  }

  /** The item's label on an axis at a level. */
  String key(Item it, Axis axis, Level level) {
    return switch (axis) {
      case PLACE ->
          it.place().map(p -> gazetteer.atLevel(p, level.place()).code()).orElse("unknown");
      case PERIOD -> level.grain().period(it.date());
      case CATEGORY -> it.category();
    };
  }

  private static String name(Axis axis, Level level) {
    return switch (axis) {
      case PLACE -> "place (" + level.place().name().toLowerCase(java.util.Locale.ROOT) + ")";
      case PERIOD -> "period (" + level.grain().name().toLowerCase(java.util.Locale.ROOT) + ")";
      case CATEGORY -> "category";
    };
  }

  /**
   * Counts the table at every level its axes allow and protects, finest first, the levels whose
   * small cells alone hide no more than the rules' budget; keeps the first whose protected table
   * stays within it. Levels whose small cells already exceed the budget are skipped unprotected
   * (suppression only adds to them). When no level is within the budget, the level with the least
   * in small cells is protected and chosen.
   */
  public Choice choose(List<Item> items, Axis rows, Axis columns, DisclosureRules rules) {
    boolean places = rows == Axis.PLACE || columns == Axis.PLACE;
    boolean periods = rows == Axis.PERIOD || columns == Axis.PERIOD;
    List<Level> levels = new ArrayList<>();
    List<CountGrid> grids = new ArrayList<>();
    // finest first, so that tables of as many cells are tried finest first; a level that gives
    // the very same table as a finer one (nothing was recorded more finely) names it instead
    for (PlaceLevel p : places ? finestFirst(PlaceLevel.values()) : List.of(PlaceLevel.COUNTRY)) {
      for (Grain g : periods ? finestFirst(Grain.values()) : List.of(Grain.YEAR)) {
        Level level = new Level(p, g);
        CountGrid grid = grid(items, rows, columns, level);
        int same = -1;
        for (int i = 0; i < grids.size(); i++) {
          if (sameCounts(grids.get(i), grid)) {
            same = i;
          }
        }
        if (same >= 0) {
          levels.set(same, level);
          grids.set(same, grid);
        } else {
          levels.add(level);
          grids.add(grid);
        }
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < grids.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingInt((Integer i) -> -grids.get(i).rows() * grids.get(i).columns()));
    List<Coarsened> tried = new ArrayList<>();
    for (int i : order) {
      if (smallShare(grids.get(i), rules) <= rules.maxSuppressedShare()) {
        Coarsened c = new Coarsened(levels.get(i), CellSuppression.protect(grids.get(i), rules));
        tried.add(c);
        if (c.table().suppressedShare() <= rules.maxSuppressedShare()) {
          return new Choice(c, List.copyOf(tried));
        }
      }
    }
    int least = order.get(0);
    for (int i : order) {
      if (smallShare(grids.get(i), rules) < smallShare(grids.get(least), rules)) {
        least = i;
      }
    }
    Coarsened c =
        new Coarsened(levels.get(least), CellSuppression.protect(grids.get(least), rules));
    tried.add(c);
    return new Choice(c, List.copyOf(tried));
  }

  private static boolean sameCounts(CountGrid a, CountGrid b) {
    return a.rowLabels().equals(b.rowLabels())
        && a.columnLabels().equals(b.columnLabels())
        && java.util.Arrays.deepEquals(a.cells(), b.cells());
  }

  /** The share of the total in sensitive interior cells: what primary suppression alone hides. */
  static double smallShare(CountGrid g, DisclosureRules rules) {
    long small = 0;
    for (int r = 0; r < g.rows(); r++) {
      for (int c = 0; c < g.columns(); c++) {
        if (rules.isSensitive(g.value(r, c))) {
          small += g.value(r, c);
        }
      }
    }
    return g.total() == 0 ? 0 : (double) small / g.total();
  }

  private static <T> List<T> finestFirst(T[] coarsestFirst) {
    List<T> out = new ArrayList<>(List.of(coarsestFirst));
    java.util.Collections.reverse(out);
    return out;
  }

  /**
   * Protects the table at several levels published together, finest first, so that no suppressed
   * cell at any level can be narrowed below the threshold from all of them at once.
   *
   * @param levels from the finest to the coarsest, each refining the next
   */
  public List<ProtectedTable> protectTogether(
      List<Item> items, Axis rows, Axis columns, List<Level> levels, DisclosureRules rules) {
    for (int i = 1; i < levels.size(); i++) {
      if (!levels.get(i - 1).refines(levels.get(i))) {
        throw new IllegalArgumentException(
            levels.get(i - 1)
                + " is not finer than "
                + levels.get(i)
                + ": list levels finest first");
      }
    }
    List<CountGrid> grids = new ArrayList<>();
    List<boolean[][]> forced = new ArrayList<>();
    for (Level l : levels) {
      CountGrid g = grid(items, rows, columns, l);
      grids.add(g);
      forced.add(new boolean[g.rows() + 1][g.columns() + 1]);
    }
    List<int[][]> up = new ArrayList<>(); // for level t: fine extended cell -> coarse (row, column)
    for (int t = 0; t + 1 < levels.size(); t++) {
      up.add(
          parents(
              items,
              rows,
              columns,
              levels.get(t),
              levels.get(t + 1),
              grids.get(t),
              grids.get(t + 1)));
    }
    List<ProtectedTable> tables = new ArrayList<>();
    for (int round = 0; round <= MAX_ROUNDS; round++) {
      tables.clear();
      for (int t = 0; t < grids.size(); t++) {
        tables.add(CellSuppression.protect(grids.get(t), rules, forced.get(t)));
      }
      Linked linked = new Linked(tables, up);
      List<Bounds> weak =
          Attacker.bounds(linked.system()).stream()
              .filter(b -> b.width() < rules.threshold())
              .toList();
      if (weak.isEmpty()) {
        return List.copyOf(tables);
      }
      boolean changed = false;
      for (Bounds b : weak) {
        changed |= linked.spread(b.row(), forced);
      }
      if (!changed || round == MAX_ROUNDS - 1) {
        for (int t = 1; t < grids.size(); t++) {
          for (boolean[] row : forced.get(t)) {
            java.util.Arrays.fill(row, true);
          }
        }
      }
    }
    throw new IllegalStateException("linked protection did not settle");
  }

  /**
   * The attacker's bounds on every suppressed cell of tables published together (as {@link
   * #protectTogether} returns them, or protected one by one), from all of them at once; {@link
   * Bounds#row()} indexes the cells of all tables in turn.
   */
  List<Bounds> jointBounds(
      List<Item> items, Axis rows, Axis columns, List<Level> levels, List<ProtectedTable> tables) {
    List<int[][]> up = new ArrayList<>();
    for (int t = 0; t + 1 < levels.size(); t++) {
      up.add(
          parents(
              items,
              rows,
              columns,
              levels.get(t),
              levels.get(t + 1),
              tables.get(t).grid(),
              tables.get(t + 1).grid()));
    }
    return Attacker.bounds(new Linked(tables, up).system());
  }

  /** For each extended cell of the fine grid, its cell in the coarse grid. */
  private int[][] parents(
      List<Item> items,
      Axis rows,
      Axis columns,
      Level fine,
      Level coarse,
      CountGrid f,
      CountGrid c) {
    Map<String, String> rowUp = new LinkedHashMap<>();
    Map<String, String> columnUp = new LinkedHashMap<>();
    for (Item it : items) {
      rowUp.put(key(it, rows, fine), key(it, rows, coarse));
      columnUp.put(key(it, columns, fine), key(it, columns, coarse));
    }
    int[][] map = new int[(f.rows() + 1) * (f.columns() + 1)][];
    for (int r = 0; r <= f.rows(); r++) {
      int cr = r == f.rows() ? c.rows() : c.rowLabels().indexOf(rowUp.get(f.rowLabels().get(r)));
      for (int col = 0; col <= f.columns(); col++) {
        int cc =
            col == f.columns()
                ? c.columns()
                : c.columnLabels().indexOf(columnUp.get(f.columnLabels().get(col)));
        map[r * (f.columns() + 1) + col] = new int[] {cr, cc};
      }
    }
    return map;
  }

  /** Several levels of one table as one linear system for the attacker. */
  private static final class Linked {
    private final List<ProtectedTable> tables;
    private final List<int[][]> up;
    private final int[] offset;

    Linked(List<ProtectedTable> tables, List<int[][]> up) {
      this.tables = tables;
      this.up = up;
      offset = new int[tables.size() + 1];
      for (int t = 0; t < tables.size(); t++) {
        CountGrid g = tables.get(t).grid();
        offset[t + 1] = offset[t] + (g.rows() + 1) * (g.columns() + 1);
      }
    }

    int cell(int t, int r, int c) {
      return offset[t] + r * (tables.get(t).grid().columns() + 1) + c;
    }

    LinearSystem system() {
      LinearSystem.Builder b = new LinearSystem.Builder(offset[tables.size()]);
      for (int t = 0; t < tables.size(); t++) {
        ProtectedTable p = tables.get(t);
        int m = p.grid().rows();
        int n = p.grid().columns();
        for (int r = 0; r <= m; r++) {
          for (int c = 0; c <= n; c++) {
            if (!p.suppressed(r, c)) {
              b.known(cell(t, r, c), p.grid().value(r, c));
            }
          }
        }
        for (int r = 0; r <= m; r++) {
          int[] cells = new int[n + 1];
          double[] coef = new double[n + 1];
          for (int c = 0; c <= n; c++) {
            cells[c] = cell(t, r, c);
            coef[c] = c == n ? -1 : 1;
          }
          b.relation(cells, coef);
        }
        for (int c = 0; c <= n; c++) {
          int[] cells = new int[m + 1];
          double[] coef = new double[m + 1];
          for (int r = 0; r <= m; r++) {
            cells[r] = cell(t, r, c);
            coef[r] = r == m ? -1 : 1;
          }
          b.relation(cells, coef);
        }
      }
      for (int t = 0; t + 1 < tables.size(); t++) {
        CountGrid fine = tables.get(t).grid();
        CountGrid coarse = tables.get(t + 1).grid();
        Map<Integer, List<Integer>> children = new LinkedHashMap<>();
        for (int r = 0; r < fine.rows(); r++) {
          for (int c = 0; c < fine.columns(); c++) {
            int[] at = up.get(t)[r * (fine.columns() + 1) + c];
            children
                .computeIfAbsent(at[0] * (coarse.columns() + 1) + at[1], k -> new ArrayList<>())
                .add(cell(t, r, c));
          }
        }
        for (Map.Entry<Integer, List<Integer>> e : children.entrySet()) {
          List<Integer> kids = e.getValue();
          int[] cells = new int[kids.size() + 1];
          double[] coef = new double[kids.size() + 1];
          for (int k = 0; k < kids.size(); k++) {
            cells[k] = kids.get(k);
            coef[k] = 1;
          }
          cells[kids.size()] = offset[t + 1] + e.getKey();
          coef[kids.size()] = -1;
          b.relation(cells, coef);
        }
      }
      return b.build();
    }

    /**
     * Hides, for a too narrow cell, its counterparts at the neighbouring levels: its parent in the
     * coarser table and its published children in the finer. Whether anything new was forced.
     */
    boolean spread(int systemCell, List<boolean[][]> forced) {
      int t = 0;
      while (systemCell >= offset[t + 1]) {
        t++;
      }
      int local = systemCell - offset[t];
      CountGrid g = tables.get(t).grid();
      int r = local / (g.columns() + 1);
      int c = local % (g.columns() + 1);
      boolean changed = false;
      if (t + 1 < tables.size()) {
        int[] at = up.get(t)[local];
        changed |= force(forced, t + 1, at[0], at[1]);
      }
      if (t > 0) {
        CountGrid fine = tables.get(t - 1).grid();
        for (int fr = 0; fr <= fine.rows(); fr++) {
          for (int fc = 0; fc <= fine.columns(); fc++) {
            int[] at = up.get(t - 1)[fr * (fine.columns() + 1) + fc];
            if (at[0] == r && at[1] == c && !tables.get(t - 1).suppressed(fr, fc)) {
              changed |= force(forced, t - 1, fr, fc);
            }
          }
        }
      }
      return changed;
    }

    private boolean force(List<boolean[][]> forced, int t, int r, int c) {
      if (forced.get(t)[r][c]) {
        return false;
      }
      forced.get(t)[r][c] = true;
      return true;
    }
  }
}
