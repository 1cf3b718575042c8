package org.tumen.report.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What an attacker knows about a set of published counts: some cells' values, and linear relations
 * {@code sum coef[i] * cell[i] = 0} among all cells (a total equals the sum of its parts; a coarse
 * cell equals the sum of its fine cells). Every cell is a non-negative count. Package-private: the
 * tables and {@link Coarsening} build it, {@link Attacker} solves it.
 */
final class LinearSystem {

  private final double[] known;
  private final List<int[]> relationCells;
  private final List<double[]> relationCoefficients;
  private List<List<Integer>> byCell;

  private LinearSystem(double[] known, List<int[]> cells, List<double[]> coefficients) {
    this.known = known;
    this.relationCells = cells;
    this.relationCoefficients = coefficients;
  }

  int size() {
    return known.length;
  }

  boolean isKnown(int cell) {
    return !Double.isNaN(known[cell]);
  }

  double known(int cell) {
    return known[cell];
  }

  int relations() {
    return relationCells.size();
  }

  int[] relationCells(int i) {
    return relationCells.get(i);
  }

  double[] relationCoefficients(int i) {
    return relationCoefficients.get(i);
  }

  /** For each unknown cell, the relations it appears in (computed once, then kept). */
  List<List<Integer>> relationsByUnknownCell() {
    List<List<Integer>> by = byCell;
    if (by == null) {
      List<List<Integer>> b = new ArrayList<>(known.length);
      for (int c = 0; c < known.length; c++) {
        b.add(new ArrayList<>(2));
      }
      for (int i = 0; i < relationCells.size(); i++) {
        for (int c : relationCells.get(i)) {
          if (Double.isNaN(known[c])) {
            b.get(c).add(i);
          }
        }
      }
      byCell = by = b;
    }
    return by;
  }

  static final class Builder {
    private final double[] known;
    private final List<int[]> cells = new ArrayList<>();
    private final List<double[]> coefficients = new ArrayList<>();

    Builder(int size) {
      known = new double[size];
      Arrays.fill(known, Double.NaN);
    }

    Builder known(int cell, double value) {
      known[cell] = value;
      return this;
    }

    Builder relation(int[] cellsOfRelation, double[] coefficientsOfRelation) {
      if (cellsOfRelation.length != coefficientsOfRelation.length) {
        throw new IllegalArgumentException("one coefficient per cell");
      }
      cells.add(cellsOfRelation.clone());
      coefficients.add(coefficientsOfRelation.clone());
      return this;
    }

    LinearSystem build() {
      return new LinearSystem(known.clone(), List.copyOf(cells), List.copyOf(coefficients));
    }
  }
}
