package org.tumen.estimate.loglinear;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.StratumEstimate;

/**
 * Estimates by stratum (sex, year, province, ...) and adds them up. Capture probabilities often
 * differ between strata; estimating each stratum separately removes that source of heterogeneity
 * (Sekar & Deming 1949 stratified; Bishop, Fienberg & Holland 1975 §6.5).
 *
 * <p>Each stratum gets its own model selection. The total is the sum of the strata's estimates, and
 * its interval is a BCa interval built from sums: replicate b of the total is the sum over strata
 * of each stratum's replicate b (the strata are resampled independently, each as in {@link
 * Bootstrap}, repeating its selection), and the jackknife removes one person at a time from one
 * stratum. If any stratum is inestimable, so is the total.
 */
public final class Stratified {
  private Stratified() {}

  /**
   * As {@link #estimate}, with the uncertainty of the linkage: the strata of each clustering drawn
   * from the pair probabilities get their own selections, and their total is one draw for {@link
   * LinkageUncertainty}, which combines the draws with this total.
   *
   * @param draws per drawn clustering, its capture tables by stratum
   */
  public static PopulationEstimate estimateAcrossLinkages(
      Map<String, CaptureTable> strata,
      List<Map<String, CaptureTable>> draws,
      Criterion criterion,
      int maxOrder,
      int replicates,
      long seed) {
    PopulationEstimate clusters = estimate(strata, criterion, maxOrder, replicates, seed);
    Double[] totals =
        draws.parallelStream().map(d -> total(d, criterion, maxOrder)).toArray(Double[]::new);
    String[] models = new String[totals.length];
    java.util.Arrays.fill(models, clusters.model());
    return LinkageUncertainty.combine(clusters, totals, models);
  }

  /** The sum of the strata's selected estimates, or null when a stratum has no estimable model. */
  static Double total(Map<String, CaptureTable> strata, Criterion criterion, int maxOrder) {
    double sum = 0;
    for (CaptureTable t : strata.values()) {
      Fit best =
          new Selection(t.listCount(), criterion, maxOrder).select(LogLinear.counts(t)).best();
      if (best == null) {
        return null;
      }
      sum += best.estimate();
    }
    return sum;
  }

  /**
   * @param strata capture tables by stratum name, all with the same lists
   * @param replicates bootstrap replicates (at least 1; stratified intervals are always bootstrap)
   * @return the total, with each stratum's estimate and interval in {@code
   *     diagnostics.convergence.strata}
   */
  public static PopulationEstimate estimate(
      Map<String, CaptureTable> strata,
      Criterion criterion,
      int maxOrder,
      int replicates,
      long seed) {
    if (strata.isEmpty()) {
      throw new IllegalArgumentException("no strata");
    }
    if (replicates < 1) {
      throw new IllegalArgumentException("a stratified interval needs bootstrap replicates");
    }
    List<String> lists = strata.values().iterator().next().lists();
    long observed = 0;
    double total = 0;
    double[] sums = new double[replicates];
    List<Double> jackValues = new ArrayList<>();
    List<Double> jackWeights = new ArrayList<>();
    List<StratumEstimate> byStratum = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> inestimable = new ArrayList<>();
    List<double[]> stratumJack = new ArrayList<>();
    List<Double> stratumEstimates = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, CaptureTable> entry : strata.entrySet()) {
      CaptureTable table = entry.getValue();
      if (!table.lists().equals(lists)) {
        throw new IllegalArgumentException("every stratum must have the same lists");
      }
      observed += table.observed();
      double[] y = LogLinear.counts(table);
      Selection selection = new Selection(table.listCount(), criterion, maxOrder);
      Fit best = selection.select(y).best();
      if (best == null) {
        inestimable.add(entry.getKey());
        byStratum.add(new StratumEstimate(entry.getKey(), "none", table.observed(), null, null));
        index++;
        continue;
      }
      long stratumSeed = seed + 1_000_003L * index++;
      double[] stars = Bootstrap.replicates(selection, y, best.estimate(), replicates, stratumSeed);
      Bootstrap.Jackknife jack = Bootstrap.jackknife(selection, y);
      for (int b = 0; b < replicates; b++) {
        sums[b] += stars[b];
      }
      total += best.estimate();
      stratumJack.add(jack.values());
      stratumEstimates.add(best.estimate());
      for (double w : jack.weights()) {
        jackWeights.add(w);
      }
      Bootstrap.Result own = Bootstrap.bca(best.estimate(), stars, jack, table.observed());
      byStratum.add(
          new StratumEstimate(
              entry.getKey(),
              best.model().name(),
              table.observed(),
              best.estimate(),
              own.interval()));
      warnings.addAll(best.warnings().stream().map(w -> entry.getKey() + ": " + w).toList());
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("criterion", criterion.name().toLowerCase(java.util.Locale.ROOT));
    facts.put("bootstrapReplicates", replicates);
    facts.put("bootstrapSeed", seed);
    String model = "stratified (" + strata.size() + " strata, each selected by " + criterion + ")";
    if (!inestimable.isEmpty()) {
      return new PopulationEstimate(
          LogLinear.METHOD,
          model,
          lists,
          observed,
          null,
          null,
          new Diagnostics(
              null,
              null,
              null,
              null,
              null,
              null,
              byStratum,
              Diagnostics.Standing.HEADLINE,
              facts,
              warnings,
              "no estimable model in stratum "
                  + String.join(", ", inestimable)
                  + ": the total cannot be estimated"));
    }
    for (int s = 0; s < stratumJack.size(); s++) {
      for (double v : stratumJack.get(s)) {
        jackValues.add(total - stratumEstimates.get(s) + v);
      }
    }
    Bootstrap.Result result =
        Bootstrap.bca(
            total,
            sums,
            new Bootstrap.Jackknife(
                jackValues.stream().mapToDouble(Double::doubleValue).toArray(),
                jackWeights.stream().mapToDouble(Double::doubleValue).toArray()),
            observed);
    warnings.addAll(result.warnings());
    warnings.add(
        "interval: BCa bootstrap of the sum over strata, "
            + replicates
            + " resamples per stratum, repeating each stratum's model selection");
    return new PopulationEstimate(
        LogLinear.METHOD,
        model,
        lists,
        observed,
        total,
        result.interval(),
        new Diagnostics(
            null,
            null,
            null,
            null,
            null,
            null,
            byStratum,
            Diagnostics.Standing.HEADLINE,
            facts,
            warnings,
            null));
  }
}
