package org.tumen.estimate.dga;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.Method;
import org.tumen.estimate.PopulationEstimate;

/**
 * Bayesian model averaging over decomposable graphical models (Madigan & York 1997, Biometrika
 * 84(1):19–31), as HRDAG uses it for three to five lists through the R package dga (Johndrow, Lum &
 * Ball 2015). Every decomposable graph on the lists is a log-linear model whose missing edges are
 * conditional independences; the posterior of the total is the average of the graphs' posteriors,
 * each weighted by how well the graph explains the observed table.
 *
 * <p>Priors, as dga's {@code bma.cr} with its documented defaults: a hyper-Dirichlet prior on the
 * cell probabilities with δ per cell of the full table (default 2^−K), all decomposable graphs
 * equally likely, and p(N) ∝ 1/N. The estimate is the posterior median of N and the interval the
 * equal-tailed 95% posterior interval (2.5% and 97.5% quantiles).
 *
 * <p>What it assumes: a closed population, perfect linkage, and that some decomposable graph
 * describes how the lists depend on each other. Heterogeneity of capture that no graph among the
 * lists captures (people who are hard for every list to find) biases it downwards, like every
 * log-linear model. With small cells the answer depends on δ; the diagnostics give the medians at
 * δ/2 and 2δ and warn when they move the answer.
 */
public final class Dga {

  private static final double LEVEL = 0.95;

  /** A median that moves more than this when δ is halved or doubled depends on the prior. */
  static final double PRIOR_SENSITIVITY = 0.10;

  /**
   * Above this posterior probability of the saturated graph the median is mostly the prior's: no
   * number is given.
   */
  static final double SATURATED_LIMIT = 0.5;

  /** From this posterior probability of the saturated graph on, a warning says so. */
  static final double SATURATED_WARNING = 0.05;

  /** Graphs listed in the diagnostics, most probable first. */
  private static final int TOP_GRAPHS = 5;

  private Dga() {}

  /** dga's suggested default: δ = 2^−K, a prior worth one person spread over the 2^K cells. */
  public static double defaultDelta(int lists) {
    return Math.scalb(1.0, -lists);
  }

  /** Whether the averaging is available for a table of {@code lists} lists. */
  public static boolean supports(int lists) {
    return lists >= DecomposableGraph.MIN_LISTS && lists <= DecomposableGraph.MAX_LISTS;
  }

  /** The estimate with the default δ = 2^−K. */
  public static PopulationEstimate estimate(CaptureTable table) {
    return estimate(table, defaultDelta(table.listCount()));
  }

  /**
   * Averages over every decomposable graph on the table's lists.
   *
   * @param delta the hyper-Dirichlet parameter per cell; positive and finite
   * @throws IllegalArgumentException if {@code delta} is not positive and finite
   */
  public static PopulationEstimate estimate(CaptureTable table, double delta) {
    if (!(delta > 0) || Double.isInfinite(delta)) {
      throw new IllegalArgumentException("delta must be positive and finite, not " + delta);
    }
    String model = String.format(Locale.ROOT, "decomposable BMA δ=%s", format(delta));
    int k = table.listCount();
    if (!supports(k)) {
      return inestimable(
          table,
          model,
          String.format(
              Locale.ROOT,
              "dga averages over the decomposable graphs on %d to %d lists; this table has %d",
              DecomposableGraph.MIN_LISTS,
              DecomposableGraph.MAX_LISTS,
              k));
    }
    if (table.observed() == 0) {
      return inestimable(table, model, "no one is on any list");
    }
    String alone = table.listOverlappingNoOther();
    if (alone != null) {
      return inestimable(
          table,
          model,
          "list '"
              + alone
              + "' shares no one with any other list, so nothing in the table says how many"
              + " people it missed; dga would answer from its prior alone");
    }
    List<DecomposableGraph> graphs = DecomposableGraph.all(k);
    Posterior posterior = Posterior.of(table, delta, graphs);
    if (posterior == null) {
      return inestimable(
          table,
          model,
          String.format(
              Locale.ROOT,
              "the posterior of the total does not vanish below %,d times the %,d people observed:"
                  + " the lists overlap too little to bound the total",
              Posterior.MAX_FACTOR,
              table.observed()));
    }
    double saturated = saturatedShare(graphs, posterior.graphProbabilities());
    if (saturated > SATURATED_LIMIT) {
      return inestimable(
          table,
          model,
          String.format(
              Locale.ROOT,
              "the saturated graph, under which the table says nothing about the people no list"
                  + " saw, carries %.0f%% of the posterior, so the median would be the prior's, not"
                  + " the data's; this happens when every interaction among the lists is"
                  + " detectable (large tables): estimate by stratum or with another method",
              saturated * 100));
    }
    double median = posterior.quantile(0.5);
    Interval interval =
        new Interval(
            LEVEL, posterior.quantile((1 - LEVEL) / 2), posterior.quantile(1 - (1 - LEVEL) / 2));
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("delta", delta);
    facts.put("graphs", graphs.size());
    facts.put("topGraphs", topGraphs(graphs, posterior.graphProbabilities()));
    facts.put("gridUpper", table.observed() + posterior.gridUpper());
    List<String> warnings = new ArrayList<>();
    if (saturated >= SATURATED_WARNING) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "the saturated graph carries %.0f%% of the posterior; under it the table says nothing"
                  + " about the people no list saw, so that share of the answer is the prior's and"
                  + " pulls the median towards the observed",
              saturated * 100));
    }
    priorSensitivity(table, delta, graphs, median, facts, warnings);
    return new PopulationEstimate(
        Method.DGA,
        model,
        table.lists(),
        table.observed(),
        median,
        interval,
        new Diagnostics(null, null, null, null, facts, warnings, null));
  }

  /**
   * The medians with δ halved and doubled. With few people in the cells that decide the total, the
   * prior's pseudo-counts weigh as much as the data; a reader must then know that the number is
   * partly the prior's.
   */
  private static void priorSensitivity(
      CaptureTable table,
      double delta,
      List<DecomposableGraph> graphs,
      double median,
      Map<String, Object> facts,
      List<String> warnings) {
    Map<String, Object> medians = new LinkedHashMap<>();
    double worst = 0;
    boolean improper = false;
    for (double other : new double[] {delta / 2, delta * 2}) {
      Posterior p = Posterior.of(table, other, graphs);
      Double m = p == null ? null : p.quantile(0.5);
      medians.put(format(other), m);
      improper |= m == null;
      worst = m == null ? worst : Math.max(worst, Math.abs(m / median - 1));
    }
    facts.put("medianByDelta", medians);
    String caveat =
        " the table is too sparse for the data alone to decide, so the prior shapes the number;"
            + " report it with that caveat and compare other methods";
    if (improper) {
      warnings.add(
          "with δ halved or doubled the posterior of the total falls too slowly to give a"
              + " number:"
              + caveat);
    } else if (worst > PRIOR_SENSITIVITY) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "the posterior median moves by %.0f%% when δ is halved or doubled:%s",
              worst * 100,
              caveat));
    }
  }

  /**
   * The posterior probability of the complete graph: one clique of all lists, the saturated model.
   * Its likelihood depends on the unseen count only through the Dirichlet prior of the all-absent
   * cell, so what it contributes to the posterior of N is the prior's.
   */
  private static double saturatedShare(List<DecomposableGraph> graphs, double[] probability) {
    for (int g = 0; g < graphs.size(); g++) {
      int[] cliques = graphs.get(g).cliques();
      if (cliques.length == 1 && cliques[0] == (1 << graphs.get(g).lists()) - 1) {
        return probability[g];
      }
    }
    throw new IllegalStateException("cannot happen: the complete graph is decomposable");
  }

  /** The first list whose people are on no other list, or null. */
  private static Map<String, Double> topGraphs(
      List<DecomposableGraph> graphs, double[] probability) {
    Map<String, Double> top = new LinkedHashMap<>();
    IntStream.range(0, graphs.size())
        .boxed()
        .sorted(Comparator.comparingDouble((Integer g) -> -probability[g]))
        .limit(TOP_GRAPHS)
        .forEach(g -> top.put(graphs.get(g).notation(), Math.round(probability[g] * 1e4) / 1e4));
    return top;
  }

  private static String format(double delta) {
    return String.format(Locale.ROOT, "%.6g", delta).replaceAll("\\.?0+$", "");
  }

  private static PopulationEstimate inestimable(CaptureTable table, String model, String why) {
    return new PopulationEstimate(
        Method.DGA,
        model,
        table.lists(),
        table.observed(),
        null,
        null,
        Diagnostics.inestimable(why, List.of()));
  }
}
