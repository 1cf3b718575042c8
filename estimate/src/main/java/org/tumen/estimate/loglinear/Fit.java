package org.tumen.estimate.loglinear;

import java.util.List;

/**
 * One fitted log-linear model (no interval yet).
 *
 * @param model the model asked for
 * @param inestimable why there is no estimate, or null
 * @param warnings plain-language warnings (cells dropped, eta parameters set to zero, ...)
 * @param active which of the model's columns were kept (false: parameter −∞ or eta set to zero)
 * @param cells the capture patterns kept in the fit (cells of a −∞ parameter are left out)
 * @param beta the coefficients of the active columns, intercept first
 * @param observed people seen on at least one list
 * @param estimate {@code observed + exp(intercept)}
 * @param se Rcapture's standard error of the estimate
 * @param deviance Poisson deviance over the kept cells
 * @param df kept cells minus parameters
 * @param aic Rcapture's AIC: {@code -2 loglik + 2 p} with the Poisson log-likelihood of glm
 * @param bic Rcapture's BIC: {@code AIC + (ln n - 2) p}, n = people observed
 * @param iterations IRLS iterations of the last fit
 */
record Fit(
    Model model,
    String inestimable,
    List<String> warnings,
    boolean[] active,
    int[] cells,
    double[] beta,
    long observed,
    double estimate,
    double se,
    double deviance,
    int df,
    double aic,
    double bic,
    int iterations) {

  Fit {
    warnings = List.copyOf(warnings);
  }

  boolean estimable() {
    return inestimable == null;
  }

  /** The criterion value, or +∞ for an inestimable model (never chosen). */
  double criterion(Criterion criterion) {
    if (!estimable()) {
      return Double.POSITIVE_INFINITY;
    }
    return criterion == Criterion.AIC ? aic : bic;
  }

  /** Number of parameters actually estimated. */
  int parameters() {
    return beta == null ? 0 : beta.length;
  }
}
