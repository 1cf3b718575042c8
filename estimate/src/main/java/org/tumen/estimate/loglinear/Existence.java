package org.tumen.estimate.loglinear;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;

/**
 * Does the maximum likelihood estimate of the number unseen exist, and is it identifiable? Checked
 * before any fit, bootstrap or profile, so that no number is reported where none exists.
 *
 * <p><b>Existence</b> (Haberman 1974, Thm 2.2; Fienberg & Rinaldo 2012, "Maximum likelihood
 * estimation in log-linear models", Ann. Statist. 40:996): the Poisson MLE exists if and only if no
 * direction {@code d = X delta} is zero on every positive cell, non-negative on every zero cell and
 * non-zero somewhere; along such a direction the likelihood keeps increasing. The cells where some
 * such direction is positive form the complement of the <em>facial set</em>: the extended MLE fits
 * them as exactly zero and is an ordinary MLE on the other cells. Each direction is found by a
 * linear program (the dual of the one SparseMSE's {@code checkident} solves) over a basis of the
 * null space of the positive cells' rows, solved with Hipparchus's simplex method and normalised so
 * that its optimum is 0 (no direction) or 1. When the positive rows have full column rank there is
 * no direction and no program.
 *
 * <p><b>Identifiability</b> of the number unseen, {@code exp(intercept)}: on the cells kept, every
 * direction that leaves all their means unchanged must leave the intercept unchanged (the unseen
 * cell's row must lie in the row space of the kept rows). If it does not, the data cannot pin the
 * number unseen: when cells were dropped the MLE does not exist (SparseMSE code 1), otherwise the
 * model is not identifiable (code 2). If it does, redundant columns are left out and the fit goes
 * on.
 *
 * <p>Everything depends on the table only through which cells are positive, so outcomes are cached
 * by (model, support) in a model search or bootstrap.
 */
final class Existence {
  enum Verdict {
    ESTIMABLE,
    NO_MLE,
    NOT_IDENTIFIABLE
  }

  /**
   * @param verdict the verdict
   * @param zeroRows rows (indices into the design) the extended MLE fits as zero; empty if none
   * @param redundantColumns columns to leave out because the kept rows do not determine them
   */
  record Outcome(Verdict verdict, int[] zeroRows, int[] redundantColumns) {
    static final Outcome ESTIMABLE = new Outcome(Verdict.ESTIMABLE, new int[0], new int[0]);

    boolean reduces() {
      return zeroRows.length > 0 || redundantColumns.length > 0;
    }
  }

  private static final double TOLERANCE = 1e-9;

  private Existence() {}

  static Outcome check(double[] x, int rows, int cols, double[] y) {
    List<Integer> positive = new ArrayList<>();
    List<Integer> zero = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      (y[i] > 0 ? positive : zero).add(i);
    }
    SingularValueDecomposition positiveSvd = svd(x, cols, positive);
    int rank = positiveSvd.getRank();
    if (rank == cols) {
      return Outcome.ESTIMABLE;
    }
    List<Integer> facial =
        zero.isEmpty() ? List.of() : zeroedCells(x, cols, zero, positiveSvd.getV(), rank);
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      if (!facial.contains(i)) {
        kept.add(i);
      }
    }
    SingularValueDecomposition keptSvd = svd(x, cols, kept);
    int keptRank = keptSvd.getRank();
    if (keptRank < cols) {
      RealMatrix v = keptSvd.getV();
      for (int c = keptRank; c < cols; c++) {
        if (Math.abs(v.getEntry(0, c)) > 1e-8) {
          return new Outcome(
              facial.isEmpty() ? Verdict.NOT_IDENTIFIABLE : Verdict.NO_MLE, new int[0], new int[0]);
        }
      }
    }
    return new Outcome(
        Verdict.ESTIMABLE,
        facial.stream().mapToInt(Integer::intValue).toArray(),
        redundantColumns(x, cols, kept));
  }

  /** SVD of the chosen rows, padded with zero rows so that V spans the whole coefficient space. */
  private static SingularValueDecomposition svd(double[] x, int cols, List<Integer> rowsUsed) {
    int m = Math.max(rowsUsed.size(), cols);
    RealMatrix matrix = new Array2DRowRealMatrix(m, cols);
    for (int r = 0; r < rowsUsed.size(); r++) {
      int o = rowsUsed.get(r) * cols;
      for (int c = 0; c < cols; c++) {
        matrix.setEntry(r, c, x[o + c]);
      }
    }
    return new SingularValueDecomposition(matrix);
  }

  /**
   * The zero cells that some direction of recession makes positive: repeatedly maximise the sum of
   * {@code d} over the cells not yet found, subject to {@code d >= 0} on all zero cells and that
   * sum at most 1, with {@code d = X V gamma} for {@code gamma} over the null space of the positive
   * rows.
   */
  private static List<Integer> zeroedCells(
      double[] x, int cols, List<Integer> zero, RealMatrix v, int rank) {
    int q = cols - rank;
    double[][] a = new double[zero.size()][q];
    for (int r = 0; r < zero.size(); r++) {
      int o = zero.get(r) * cols;
      for (int g = 0; g < q; g++) {
        double s = 0;
        for (int c = 0; c < cols; c++) {
          s += x[o + c] * v.getEntry(c, rank + g);
        }
        a[r][g] = Math.abs(s) < 1e-12 ? 0 : s;
      }
    }
    boolean[] found = new boolean[zero.size()];
    List<Integer> facial = new ArrayList<>();
    while (facial.size() < zero.size()) {
      double[] total = new double[q];
      for (int r = 0; r < a.length; r++) {
        for (int g = 0; g < q && !found[r]; g++) {
          total[g] += a[r][g];
        }
      }
      List<LinearConstraint> constraints = new ArrayList<>();
      for (double[] row : a) {
        constraints.add(new LinearConstraint(row, Relationship.GEQ, 0));
      }
      constraints.add(new LinearConstraint(total, Relationship.LEQ, 1));
      double[] gamma;
      try {
        var solution =
            new SimplexSolver()
                .optimize(
                    new LinearObjectiveFunction(total, 0),
                    new LinearConstraintSet(constraints),
                    GoalType.MAXIMIZE,
                    new NonNegativeConstraint(false));
        if (solution.getValue() < 0.5) {
          break;
        }
        gamma = solution.getPoint();
      } catch (MathIllegalStateException e) {
        // Feasible (gamma = 0) and bounded by construction: a failure here is a bug.
        throw new IllegalStateException("existence linear program failed", e);
      }
      for (int r = 0; r < a.length; r++) {
        double d = 0;
        for (int g = 0; g < q; g++) {
          d += a[r][g] * gamma[g];
        }
        if (!found[r] && d > TOLERANCE) {
          found[r] = true;
          facial.add(zero.get(r));
        }
      }
    }
    return facial;
  }

  /**
   * Columns that are linear combinations of earlier ones on the kept rows (modified Gram–Schmidt in
   * column order, so the intercept and main effects are kept first).
   */
  private static int[] redundantColumns(double[] x, int cols, List<Integer> kept) {
    int m = kept.size();
    List<double[]> basis = new ArrayList<>();
    List<Integer> redundant = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      double[] v = new double[m];
      double norm0 = 0;
      for (int r = 0; r < m; r++) {
        v[r] = x[kept.get(r) * cols + c];
        norm0 += v[r] * v[r];
      }
      for (double[] b : basis) {
        double dot = 0;
        for (int r = 0; r < m; r++) {
          dot += b[r] * v[r];
        }
        for (int r = 0; r < m; r++) {
          v[r] -= dot * b[r];
        }
      }
      double norm = 0;
      for (double e : v) {
        norm += e * e;
      }
      if (norm <= 1e-20 * Math.max(norm0, 1)) {
        redundant.add(c);
      } else {
        double s = Math.sqrt(norm);
        for (int r = 0; r < m; r++) {
          v[r] /= s;
        }
        basis.add(v);
      }
    }
    return redundant.stream().mapToInt(Integer::intValue).toArray();
  }
}
