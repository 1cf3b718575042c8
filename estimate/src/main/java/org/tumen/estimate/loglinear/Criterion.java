package org.tumen.estimate.loglinear;

/** How models are compared in a search: lower is better for both (Rcapture's definitions). */
public enum Criterion {
  /** Akaike: {@code -2 loglik + 2 p}; favours richer models, tracks prediction. */
  AIC,
  /**
   * Bayesian (Schwarz), Rcapture's form: {@code AIC + (ln n - 2) p} with n the number of people
   * observed; penalises parameters more, so it picks sparser models.
   */
  BIC
}
