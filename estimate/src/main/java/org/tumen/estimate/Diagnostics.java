package org.tumen.estimate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader needs to judge an estimate. Fields that a method does not produce are null (or
 * empty).
 *
 * @param deviance residual deviance of a log-linear fit
 * @param df residual degrees of freedom
 * @param aic Akaike information criterion (Rcapture's definition)
 * @param bic Bayesian information criterion (Rcapture's definition: n = people observed)
 * @param standardError the estimate's standard error: the delta-method one of a log-linear fit
 *     (Rcapture's), or the bootstrap one of sample coverage; NaN when it cannot be computed
 * @param linkage how the estimate weighed clusterings drawn from the linkage, or null
 * @param strata the strata of a stratified total, each with its own estimate; empty otherwise
 * @param standing whether this is the estimate its method puts forward, an alternative beside it,
 *     or a lower bound
 * @param convergence the method's other facts, for the reader: sampler settings and convergence
 *     ({@code rhat}, {@code ess}), the model search, the prior; shown, never read back
 * @param warnings plain-language warnings for the reader; never null
 * @param inestimable why there is no estimate (MLE does not exist, not identifiable), or null
 */
public record Diagnostics(
    Double deviance,
    Integer df,
    Double aic,
    Double bic,
    Double standardError,
    LinkageDraws linkage,
    List<StratumEstimate> strata,
    Standing standing,
    Map<String, Object> convergence,
    List<String> warnings,
    String inestimable) {

  /** What an estimate is among its method's results. */
  public enum Standing {
    /** The estimate the method puts forward. */
    HEADLINE,
    /** A variant computed beside the headline (e.g. sample coverage's N̂0). */
    ALTERNATIVE,
    /** A floor, not an estimate: the total is unlikely to be below it (Chao's lower bound). */
    LOWER_BOUND
  }

  public Diagnostics {
    strata = strata == null ? List.of() : List.copyOf(strata);
    standing = standing == null ? Standing.HEADLINE : standing;
    // Insertion order is kept, so that the JSON lists a method's facts in the order it states them.
    convergence =
        convergence == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(convergence));
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** Diagnostics with none of the typed facts: a headline with a fit summary and method facts. */
  public Diagnostics(
      Double deviance,
      Integer df,
      Double aic,
      Double bic,
      Map<String, Object> convergence,
      List<String> warnings,
      String inestimable) {
    this(
        deviance,
        df,
        aic,
        bic,
        null,
        null,
        List.of(),
        Standing.HEADLINE,
        convergence,
        warnings,
        inestimable);
  }

  /** Diagnostics of a model that gives no number, with the reason. */
  public static Diagnostics inestimable(String reason, List<String> warnings) {
    return new Diagnostics(null, null, null, null, Map.of(), warnings, reason);
  }

  /** These diagnostics with another standing. */
  public Diagnostics withStanding(Standing newStanding) {
    return new Diagnostics(
        deviance,
        df,
        aic,
        bic,
        standardError,
        linkage,
        strata,
        newStanding,
        convergence,
        warnings,
        inestimable);
  }

  /**
   * These diagnostics with other linkage draws, facts and warnings: what a step that widens or
   * moves an estimate (linkage errors, strata) changes, the fit summary and standing kept.
   */
  public Diagnostics with(
      LinkageDraws newLinkage, Map<String, Object> newConvergence, List<String> newWarnings) {
    return new Diagnostics(
        deviance,
        df,
        aic,
        bic,
        standardError,
        newLinkage,
        strata,
        standing,
        newConvergence,
        newWarnings,
        inestimable);
  }
}
