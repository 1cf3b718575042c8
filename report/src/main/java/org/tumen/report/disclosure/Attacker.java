package org.tumen.report.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.LocalizedOptimFormats;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.PivotSelectionRule;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;

/**
 * The intruder of the audit: for each suppressed cell, the smallest and largest value it can take
 * given every published count, the additivity of the table and non-negativity — two linear
 * programmes per cell (Hundepool et al. 2012, §4.3.4 "audit"; the τ-ARGUS manual calls this the
 * computation of the <em>feasibility interval</em>). A suppressed cell is protected when the width
 * of that interval is at least the threshold.
 *
 * <p>For a two-way table with margins the constraint matrix is a network matrix, so its vertices
 * are integers and these bounds are exactly what an attacker solving in integers would find. For
 * linked tables of several levels ({@link Coarsening}) they can be wider than the integer bounds;
 * the width is then rounded inwards to integers, which is the usual audit.
 */
public final class Attacker {

  private Attacker() {}

  /** The bounds of every suppressed cell of a published table. */
  public static List<Bounds> bounds(PublishedTable table) {
    LinearSystem system = table.asLinearSystem();
    int stride = table.columns() + 1;
    List<Bounds> out = new ArrayList<>();
    for (int cell = 0; cell < system.size(); cell++) {
      if (table.suppressed(cell / stride, cell % stride)) {
        double[] mm = solve(system, cell);
        out.add(new Bounds(cell / stride, cell % stride, mm[0], mm[1]));
      }
    }
    return out;
  }

  /** The suppressed cells whose bounds are narrower than the threshold. */
  public static List<Bounds> unprotected(PublishedTable table, DisclosureRules rules) {
    return bounds(table).stream().filter(b -> b.width() < rules.threshold()).toList();
  }

  /** Bounds of every unknown cell of a linked system (row = cell index, column = -1). */
  static List<Bounds> bounds(LinearSystem system) {
    List<Bounds> out = new ArrayList<>();
    for (int cell = 0; cell < system.size(); cell++) {
      if (!system.isKnown(cell)) {
        double[] mm = solve(system, cell);
        out.add(new Bounds(cell, -1, mm[0], mm[1]));
      }
    }
    return out;
  }

  /**
   * {@code [min, max]} of one unknown cell. Only the relations connected to the cell through
   * unknown cells matter (the others hold whatever it is), so the programme is built on that
   * component alone: in a large sparse table it is a handful of rows and columns.
   */
  static double[] solve(LinearSystem system, int target) {
    List<Integer> relations = component(system, target);
    int[] variable = new int[system.size()];
    Arrays.fill(variable, -1);
    int unknowns = 0;
    for (int i : relations) {
      for (int cell : system.relationCells(i)) {
        if (!system.isKnown(cell) && variable[cell] < 0) {
          variable[cell] = unknowns++;
        }
      }
    }
    if (relations.isEmpty()) {
      return new double[] {0, Double.POSITIVE_INFINITY};
    }
    List<LinearConstraint> constraints = new ArrayList<>();
    for (int i : relations) {
      int[] cells = system.relationCells(i);
      double[] coef = system.relationCoefficients(i);
      double[] row = new double[unknowns];
      double rhs = 0;
      for (int k = 0; k < cells.length; k++) {
        int v = variable[cells[k]];
        if (v < 0) {
          rhs -= coef[k] * system.known(cells[k]);
        } else {
          row[v] += coef[k];
        }
      }
      constraints.add(new LinearConstraint(row, Relationship.EQ, rhs));
    }
    double[] objective = new double[unknowns];
    objective[variable[target]] = 1;
    return new double[] {
      optimum(objective, constraints, GoalType.MINIMIZE),
      optimum(objective, constraints, GoalType.MAXIMIZE)
    };
  }

  /** The relations reachable from the target through relations that share an unknown cell. */
  private static List<Integer> component(LinearSystem system, int target) {
    List<List<Integer>> byCell = system.relationsByUnknownCell();
    boolean[] seenRelation = new boolean[system.relations()];
    boolean[] seenCell = new boolean[system.size()];
    List<Integer> out = new ArrayList<>();
    java.util.ArrayDeque<Integer> cells = new java.util.ArrayDeque<>();
    cells.add(target);
    seenCell[target] = true;
    while (!cells.isEmpty()) {
      int cell = cells.poll();
      for (int rel : byCell.get(cell)) {
        if (seenRelation[rel]) {
          continue;
        }
        seenRelation[rel] = true;
        out.add(rel);
        for (int other : system.relationCells(rel)) {
          if (!system.isKnown(other) && !seenCell[other]) {
            seenCell[other] = true;
            cells.add(other);
          }
        }
      }
    }
    return out;
  }

  private static double optimum(
      double[] objective, List<LinearConstraint> constraints, GoalType goal) {
    try {
      PointValuePair p =
          new SimplexSolver()
              .optimize(
                  new MaxIter(100_000),
                  new LinearObjectiveFunction(objective, 0),
                  new LinearConstraintSet(constraints),
                  goal,
                  new NonNegativeConstraint(true),
                  PivotSelectionRule.BLAND);
      return p.getValue();
    } catch (MathIllegalStateException e) {
      if (e.getSpecifier() == LocalizedOptimFormats.UNBOUNDED_SOLUTION) {
        return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : 0;
      }
      if (e.getSpecifier() == LocalizedOptimFormats.NO_FEASIBLE_SOLUTION) {
        throw new IllegalArgumentException(
            "the published counts contradict each other (a total is not the sum of its cells)", e);
      }
      throw e;
    }
  }
}
