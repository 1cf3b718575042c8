package org.tumen.estimate;

import java.util.List;
import java.util.Map;

/**
 * What a reader needs to judge an estimate. Fields that a method does not produce are null.
 *
 * @param deviance residual deviance of a log-linear fit
 * @param df residual degrees of freedom
 * @param aic Akaike information criterion (Rcapture's definition)
 * @param bic Bayesian information criterion (Rcapture's definition: n = people observed)
 * @param convergence method-specific convergence facts, e.g. {@code iterations}, {@code rhat},
 *     {@code ess}
 * @param warnings plain-language warnings for the reader; never null
 * @param inestimable why there is no estimate (MLE does not exist, not identifiable), or null
 */
public record Diagnostics(
    Double deviance,
    Integer df,
    Double aic,
    Double bic,
    Map<String, Object> convergence,
    List<String> warnings,
    String inestimable) {

  public Diagnostics {
    convergence = convergence == null ? Map.of() : Map.copyOf(convergence);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** Diagnostics of a model that gives no number, with the reason. */
  public static Diagnostics inestimable(String reason, List<String> warnings) {
    return new Diagnostics(null, null, null, null, Map.of(), warnings, reason);
  }
}
