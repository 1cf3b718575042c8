package org.tumen.estimate.combined;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.ListReach;
import org.tumen.estimate.Method;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.coverage.SampleCoverage;
import org.tumen.estimate.lcmcr.LatentClassProfile;
import org.tumen.estimate.lcmcr.Lcmcr;
import org.tumen.estimate.lcmcr.LcmcrOptions;
import org.tumen.estimate.loglinear.LogLinear;

/**
 * Averages the estimates of methods that rest on different assumptions, so that the interval holds
 * the disagreement between them as well as each one's own uncertainty. Each method is a model of
 * how people come to be listed (interactions between lists; latent classes; sample coverage); no
 * likelihood compares them, so each gets the same weight, 1/M (Burnham & Anderson 2002, "Model
 * Selection and Multimodel Inference", §4.2: prior model weights when nothing favours one model).
 *
 * <p>The average is taken on the scale of the log number unseen, θ_i = ln(N̂_i − n), the scale of
 * Chao's (1987, Biometrics 43:783) interval: θ̄ = Σ θ_i / M. Each side of the interval has the
 * "revised" unconditional variance of Burnham & Anderson (2002, eq. 6.12) with each method's own
 * standard error on that side, s_i = |ln(bound_i − n) − θ_i| / 1.96: var = Σ (s_i² + (θ_i − θ̄)²) /
 * M. The estimate is n + e^θ̄, the interval n + e^(θ̄ ± 1.96 √var). A method whose interval is
 * unbounded above makes the combined one unbounded above; a method with no estimate is left out and
 * named in the warnings; with none left there is no estimate.
 *
 * <p>The weights are equal on purpose: a method's interval width is not evidence that its model is
 * right (under heterogeneity the narrowest intervals miss most often; docs/coverage-study.md).
 */
public final class Combined {
  /** The method name in every result. */
  public static final Method METHOD = Method.COMBINED;

  private static final double LEVEL = 0.95;
  private static final double Z = 1.959963984540054;
  private static final double MIN_UNSEEN = 0.5;

  private Combined() {}

  /**
   * The combined estimate and the estimates it combines, in the order of {@link #estimate}.
   *
   * @param combined the average, with its interval
   * @param components each method's own estimate (some may have no number)
   */
  public record Result(PopulationEstimate combined, List<PopulationEstimate> components) {
    public Result {
      components = List.copyOf(components);
    }
  }

  /**
   * Tumen's default estimate (docs/methods.md, "Which method Tumen uses by default"), chosen by the
   * coverage study of docs/coverage-study.md: methods that explain the people missed in different
   * ways, averaged with equal weights by {@link #combine} (five with four lists or more, four with
   * three):
   *
   * <ol>
   *   <li>dependence between lists: the Akaike-weighted average of the log-linear models with
   *       interactions ({@link LogLinear#average});
   *   <li>heterogeneity as well: the log-linear model with the best model's interactions (or the
   *       best that leaves a pair of lists without one: {@link #heterogeneity}) and Rivest &
   *       Baillargeon's (2007, Biometrics 63:999) gamma heterogeneity term, Rcapture's {@code
   *       Mth-gamma3.5}, with its profile interval;
   *   <li>latent classes of people: LCMCR ({@link Lcmcr});
   *   <li>sample coverage: Chao's N̂ ({@link SampleCoverage});
   *   <li>latent classes by likelihood, not prior: the two-class model's (or, from five lists, the
   *       three-class model's where its AIC is lower) maximum-likelihood estimate with its
   *       profile-likelihood interval ({@link LatentClassProfile}; four lists or more), whose upper
   *       end is infinite where the table cannot bound a hard-to-find class (docs/methods.md, "A
   *       hidden group the overlaps cannot see").
   * </ol>
   *
   * @param maxOrder the highest interaction order of the log-linear models (2 by default)
   * @param lcmcr the LCMCR sampler's options
   * @param seed the seed of the sample-coverage bootstrap
   */
  public static Result estimate(CaptureTable table, int maxOrder, LcmcrOptions lcmcr, long seed) {
    List<PopulationEstimate> components = new ArrayList<>();
    LogLinear.Averaged average = LogLinear.averaged(table, maxOrder);
    components.add(average.estimate());
    components.add(heterogeneity(table, average.heterogeneityBase()));
    components.add(Lcmcr.estimate(table, lcmcr));
    components.add(sampleCoverageN(table, seed));
    components.add(LatentClassProfile.estimate(table, seed));
    // Beside the combined estimate, its components are second opinions, not headlines (Advice).
    List<PopulationEstimate> alternatives =
        components.stream().map(e -> withStanding(e, Diagnostics.Standing.ALTERNATIVE)).toList();
    String alone = table.listOverlappingNoOther();
    if (alone != null) {
      // Each component would answer (log-linear with an extended MLE, LCMCR from its prior), but
      // nothing in the table says how many that list missed: no number is the honest answer.
      return new Result(
          new PopulationEstimate(
              METHOD,
              "none",
              table.lists(),
              table.observed(),
              null,
              null,
              Diagnostics.inestimable(noOverlap(alone), List.of())),
          alternatives);
    }
    return new Result(combine(table, alternatives, lcmcrLeftOut(table)), alternatives);
  }

  /**
   * Why LCMCR is left out of the default on this table, or null when it is not. LCMCR is left out
   * where the table shows lists that see different parts of the population and fewer than three
   * lists that see everyone ({@link ListReach#partSeenByTwoListsAtMost}). A latent-class model then
   * has to size the people only two lists can see from classes seen by two lists, within which it
   * assumes the two independent: a two-list estimate that no third list checks, and that
   * heterogeneity or a shared network bias low, with the Dirichlet-process prior favouring few
   * classes. The log-linear models and sample coverage instead carry the two lists' dependence over
   * from the people the other lists also see. Measured in docs/methods.md ("Lists that see only
   * part of the population"): on such tables LCMCR was 30–33% low on all six default scenarios of
   * {@code tumen simulate} and 17% low at the median on the coverage study's fate tables.
   */
  public static String lcmcrLeftOut(CaptureTable table) {
    ListReach reach = ListReach.of(table);
    if (!reach.partSeenByTwoListsAtMost()) {
      return null;
    }
    return "lists see different parts of the population ("
        + reach.describeDisjoint()
        + " share no one) and "
        + (reach.seeingAll().isEmpty()
            ? "no list shares people with every other"
            : "only " + String.join(" and ", reach.seeingAll()) + " share people with every other")
        + ": a latent-class model sizes the people only two lists can see by assuming those two"
        + " independent within each class, which no third list checks (docs/methods.md, \"Lists"
        + " that see only part of the population\")";
  }

  /** Why there is no combined estimate when a list overlaps no other. */
  public static String noOverlap(String list) {
    return "list '"
        + list
        + "' shares no one with any other list, so nothing in the table says how many people it"
        + " missed: link it again, or leave it out";
  }

  /** Rcapture's name of the gamma heterogeneity model with shape 3.5. */
  static final String GAMMA = "Mth-gamma3.5";

  /**
   * The gamma heterogeneity model with the interactions of the best log-linear model (by AIC) of
   * the average, or, where those hold every pair of lists that share people and the table has too
   * few capture counts to tell the gamma column from them, of the best model that leaves such a
   * pair out ({@link LogLinear.Averaged#heterogeneityBase}; docs/methods.md, "The gamma model
   * beside every pair"). With no such estimable model, the plain heterogeneity model.
   */
  static PopulationEstimate heterogeneity(CaptureTable table, String topModel) {
    if (table.listCount() < 3) {
      return new PopulationEstimate(
          LogLinear.METHOD,
          GAMMA,
          table.lists(),
          table.observed(),
          null,
          null,
          Diagnostics.inestimable(
              "a heterogeneity model needs three or more lists: with two, it has more parameters"
                  + " than the table has cells",
              List.of()));
    }
    return LogLinear.fit(
        table,
        topModel != null && topModel.startsWith("Mt+") ? GAMMA + topModel.substring(2) : GAMMA);
  }

  /** Chao's N̂ ("SC-N"), or the one inestimable result sample coverage gives below three lists. */
  static PopulationEstimate sampleCoverageN(CaptureTable table, long seed) {
    List<PopulationEstimate> all =
        SampleCoverage.estimate(table, SampleCoverage.DEFAULT_REPLICATES, seed);
    return all.stream().filter(e -> e.model().equals("SC-N")).findFirst().orElse(all.get(0));
  }

  /**
   * Combines the estimates of several methods on the same table.
   *
   * @param components one estimate per method (estimable or not), all over the table's lists
   */
  public static PopulationEstimate combine(
      CaptureTable table, List<PopulationEstimate> components) {
    return combine(table, components, null);
  }

  /**
   * As {@link #combine(CaptureTable, List)}, leaving LCMCR out for the reason given (none when
   * null; {@link #lcmcrLeftOut}).
   */
  public static PopulationEstimate combine(
      CaptureTable table, List<PopulationEstimate> components, String lcmcrLeftOut) {
    long n = table.observed();
    List<PopulationEstimate> used = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<String, Object> leftOut = new LinkedHashMap<>();
    for (PopulationEstimate e : components) {
      if (!e.lists().equals(table.lists())) {
        throw new IllegalArgumentException(
            "a component is over lists " + e.lists() + ", not " + table.lists());
      }
      if (lcmcrLeftOut != null && (e.method() == Method.LCMCR || e.method() == Method.LATENT)) {
        leftOut.put(label(e), lcmcrLeftOut);
        warnings.add("left out " + label(e) + " from the default: " + lcmcrLeftOut);
      } else if (e.isEstimable()) {
        used.add(e);
      } else {
        warnings.add(
            "left out " + label(e) + ", which gives no estimate: " + e.diagnostics().inestimable());
      }
    }
    String model = String.join(" + ", used.stream().map(Combined::shortLabel).toList());
    if (used.isEmpty()) {
      return new PopulationEstimate(
          METHOD,
          "none",
          table.lists(),
          n,
          null,
          null,
          Diagnostics.inestimable("no method gives an estimate for this table", warnings));
    }
    int m = used.size();
    double[] theta = new double[m];
    double mean = 0;
    for (int i = 0; i < m; i++) {
      theta[i] = logUnseen(used.get(i).estimate(), n);
      mean += theta[i] / m;
    }
    double varLower = 0;
    double varUpper = 0;
    for (int i = 0; i < m; i++) {
      Interval in = used.get(i).interval();
      double d = theta[i] - mean;
      double sLower = Math.max(0, theta[i] - logUnseen(in.lower(), n)) / Z;
      double sUpper =
          Double.isInfinite(in.upper())
              ? Double.POSITIVE_INFINITY
              : Math.max(0, logUnseen(in.upper(), n) - theta[i]) / Z;
      varLower += (sLower * sLower + d * d) / m;
      varUpper += (sUpper * sUpper + d * d) / m;
    }
    double lower = n + Math.exp(mean - Z * Math.sqrt(varLower));
    double upper =
        Double.isFinite(varUpper)
            ? n + Math.exp(mean + Z * Math.sqrt(varUpper))
            : Double.POSITIVE_INFINITY;
    double estimate = n + Math.exp(mean);
    Map<String, Object> facts = new LinkedHashMap<>();
    Map<String, Object> byMethod = new LinkedHashMap<>();
    for (PopulationEstimate e : used) {
      byMethod.put(label(e), Math.round(e.estimate()));
    }
    facts.put("components", byMethod);
    if (!leftOut.isEmpty()) {
      facts.put("leftOut", leftOut);
    }
    facts.put("betweenMethodsSd", round(Math.sqrt(spread(theta, mean))));
    if (Double.isInfinite(upper)) {
      warnings.add(
          "the data put no upper limit on the total (a method's interval is unbounded above)");
    }
    warnings.add(
        String.format(
            Locale.ROOT,
            "interval: equal-weight average of %d methods (%s) on the log scale of the number"
                + " unseen; it holds their disagreement as well as each one's uncertainty",
            m,
            model));
    return new PopulationEstimate(
        METHOD,
        model,
        table.lists(),
        n,
        estimate,
        new Interval(LEVEL, lower, Math.max(upper, estimate)),
        new Diagnostics(
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            Diagnostics.Standing.HEADLINE,
            facts,
            warnings,
            null));
  }

  private static PopulationEstimate withStanding(
      PopulationEstimate e, Diagnostics.Standing standing) {
    return new PopulationEstimate(
        e.method(),
        e.model(),
        e.lists(),
        e.observed(),
        e.estimate(),
        e.interval(),
        e.diagnostics().withStanding(standing));
  }

  /** A method's full name, e.g. {@code loglinear Mth-gamma3.5+[1,2]}, for warnings and facts. */
  static String label(PopulationEstimate e) {
    return e.method() == Method.CHAO ? e.model() : e.method() + " " + e.model();
  }

  /** A method's name in the combined model: its model without terms, e.g. {@code Mth-gamma3.5}. */
  static String shortLabel(PopulationEstimate e) {
    int plus = e.model().indexOf('+');
    return plus > 0 ? e.model().substring(0, plus) : e.model();
  }

  private static double logUnseen(double total, long n) {
    return Math.log(Math.max(MIN_UNSEEN, total - n));
  }

  private static double spread(double[] theta, double mean) {
    double s = 0;
    for (double t : theta) {
      s += (t - mean) * (t - mean) / theta.length;
    }
    return s;
  }

  private static double round(double x) {
    return Math.round(x * 1e4) / 1e4;
  }
}
