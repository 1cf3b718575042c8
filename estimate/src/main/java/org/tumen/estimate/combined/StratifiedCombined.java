package org.tumen.estimate.combined;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.StratumEstimate;
import org.tumen.estimate.lcmcr.LcmcrOptions;

/**
 * The combined estimate by strata (sex, province, ...): each method estimates every stratum on its
 * own, its strata are added up into that method's total, and the methods' totals are combined as on
 * one table ({@link Combined#combine}).
 *
 * <p>Why per method first: the strata are independent samples, so within one method their sampling
 * errors add as independent errors; the methods' disagreement is not, since a method that is low
 * for one stratum (heterogeneity it does not model) is low for the others too. Summing each
 * method's strata and then averaging the methods keeps that disagreement whole in the total's
 * interval; averaging per stratum and summing would let it cancel as if it were noise.
 *
 * <p>A method's total has, on each side, the variance of a sum of independent strata on the scale
 * of the number unseen, U = Σ U_s: var = Σ (U_s s_s)², s_s that stratum's log-scale standard error
 * on that side (its interval's distance from its estimate on ln(N − n), divided by 1.96; the delta
 * method), and the interval n + U e^(±1.96 √var / U). A method with no estimate in some stratum has
 * no total and is left out of the average, named in the warnings.
 */
public final class StratifiedCombined {
  private static final double Z = 1.959963984540054;
  private static final double MIN_UNSEEN = 0.5;

  private StratifiedCombined() {}

  /**
   * @param strata capture tables by stratum name, all over the same lists
   * @return the combined total (each stratum's own combined estimate in {@code diagnostics.strata})
   *     and each method's total
   */
  public static Combined.Result estimate(
      Map<String, CaptureTable> strata, int maxOrder, LcmcrOptions lcmcr, long seed) {
    if (strata.isEmpty()) {
      throw new IllegalArgumentException("no strata");
    }
    List<String> lists = strata.values().iterator().next().lists();
    long[] sum = new long[1 << lists.size()];
    List<String> names = new ArrayList<>(strata.keySet());
    List<Combined.Result> byStratum = new ArrayList<>();
    for (CaptureTable t : strata.values()) {
      if (!t.lists().equals(lists)) {
        throw new IllegalArgumentException("every stratum must have the same lists");
      }
      long[] c = t.counts();
      for (int p = 1; p < c.length; p++) {
        sum[p] += c[p];
      }
      byStratum.add(Combined.estimate(t, maxOrder, lcmcr, seed));
    }
    CaptureTable total = new CaptureTable(lists, sum);
    List<StratumEstimate> own = new ArrayList<>();
    for (int s = 0; s < names.size(); s++) {
      PopulationEstimate e = byStratum.get(s).combined();
      own.add(
          new StratumEstimate(names.get(s), e.model(), e.observed(), e.estimate(), e.interval()));
    }
    for (int s = 0; s < names.size(); s++) {
      String alone = strata.get(names.get(s)).listOverlappingNoOther();
      if (alone != null) {
        return new Combined.Result(
            new PopulationEstimate(
                Combined.METHOD,
                "none",
                lists,
                total.observed(),
                null,
                null,
                new Diagnostics(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    own,
                    Diagnostics.Standing.HEADLINE,
                    Map.of(),
                    List.of(),
                    "stratum "
                        + names.get(s)
                        + ": "
                        + Combined.noOverlap(alone)
                        + " (or merge small strata)")),
            List.of());
      }
    }
    int methods = byStratum.get(0).components().size();
    List<PopulationEstimate> totals = new ArrayList<>();
    for (int i = 0; i < methods; i++) {
      List<PopulationEstimate> parts = new ArrayList<>();
      for (Combined.Result r : byStratum) {
        parts.add(r.components().get(i));
      }
      totals.add(sum(total, names, parts));
    }
    // Whether LCMCR is left out is decided on the whole table: the strata are parts of one
    // population seen by the same lists, and the methods' totals are averaged once.
    PopulationEstimate combined = Combined.combine(total, totals, Combined.lcmcrLeftOut(total));
    List<String> warnings = new ArrayList<>(combined.diagnostics().warnings());
    warnings.add(
        "strata: each method's "
            + names.size()
            + " strata were estimated separately and added up before the methods were averaged");
    Diagnostics d = combined.diagnostics();
    PopulationEstimate withStrata =
        new PopulationEstimate(
            combined.method(),
            combined.model(),
            combined.lists(),
            combined.observed(),
            combined.estimate(),
            combined.interval(),
            new Diagnostics(
                d.deviance(),
                d.df(),
                d.aic(),
                d.bic(),
                d.standardError(),
                d.linkage(),
                own,
                d.standing(),
                d.convergence(),
                warnings,
                d.inestimable()));
    return new Combined.Result(withStrata, totals);
  }

  /** One method's total over the strata, with the interval of a sum of independent strata. */
  static PopulationEstimate sum(
      CaptureTable total, List<String> names, List<PopulationEstimate> parts) {
    PopulationEstimate first = parts.get(0);
    String model = Combined.shortLabel(first);
    long n = total.observed();
    List<String> missing = new ArrayList<>();
    for (int s = 0; s < parts.size(); s++) {
      if (!parts.get(s).isEstimable()) {
        missing.add(names.get(s));
      }
    }
    if (!missing.isEmpty()) {
      return new PopulationEstimate(
          first.method(),
          model,
          total.lists(),
          n,
          null,
          null,
          Diagnostics.inestimable(
              "no estimate in stratum " + String.join(", ", missing), List.of()));
    }
    double unseen = 0;
    double varLower = 0;
    double varUpper = 0;
    for (PopulationEstimate e : parts) {
      double u = Math.max(MIN_UNSEEN, e.estimate() - e.observed());
      double theta = Math.log(u);
      Interval in = e.interval();
      double sLower =
          Math.max(0, theta - Math.log(Math.max(MIN_UNSEEN, in.lower() - e.observed()))) / Z;
      double sUpper =
          Double.isInfinite(in.upper())
              ? Double.POSITIVE_INFINITY
              : Math.max(0, Math.log(Math.max(MIN_UNSEEN, in.upper() - e.observed())) - theta) / Z;
      unseen += u;
      varLower += Math.pow(u * sLower, 2);
      varUpper += Math.pow(u * sUpper, 2);
    }
    double lower = n + unseen * Math.exp(-Z * Math.sqrt(varLower) / unseen);
    double upper =
        Double.isFinite(varUpper)
            ? n + unseen * Math.exp(Z * Math.sqrt(varUpper) / unseen)
            : Double.POSITIVE_INFINITY;
    return new PopulationEstimate(
        first.method(),
        model,
        total.lists(),
        n,
        n + unseen,
        new Interval(first.interval().level(), lower, upper),
        new Diagnostics(
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            Diagnostics.Standing.ALTERNATIVE,
            Map.of("strata", parts.size()),
            List.of(
                "the sum of "
                    + parts.size()
                    + " strata, each estimated on its own; interval from their independent"
                    + " errors (delta method on the number unseen)"),
            null));
  }
}
