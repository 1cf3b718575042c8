package org.tumen.simulate;

/**
 * Families of synthetic populations for coverage studies of population-size estimators, each
 * breaking one assumption of multiple systems estimation in its own way ({@link FamilyGenerator}).
 * Unlike {@link Scenario}, they draw capture histories only: no names, dates or files.
 */
public enum Family {
  /**
   * Log-normal catchability: person i meets list j's workers a Poisson number of times with mean
   * λ_j·u_i, u_i = exp(σ z_i − σ²/2), z_i ~ N(0, 1), and is recorded if met at least once, so p_ij
   * = 1 − exp(−λ_j u_i). σ ∈ [0.25, 1.0]: smooth heterogeneity shared by all lists (the model of
   * Coull & Agresti 1999 with a log-normal instead of a logit-normal mixing law).
   */
  LOG_NORMAL("log-normal catchability"),

  /**
   * Two or three latent classes (Agresti 1994): within a class the lists record people
   * independently; between classes their chances differ, by a shift common to all lists (the
   * hard-to-find class) and a list-specific deviation. The model LCMCR assumes.
   */
  LATENT_CLASSES("latent classes"),

  /**
   * Referral between lists: lists are compiled one after another, and a person on an earlier list
   * is more likely to be on a later one (log odds ratio γ ∈ [0.5, 1.5] for about half of the pairs,
   * at least one).
   */
  POSITIVE_DEPENDENCE("positive dependence"),

  /**
   * Avoidance between lists: a person on an earlier list is less likely to be on a later one (γ ∈
   * [−1.5, −0.5] for about half of the pairs), as when the detained cannot reach an NGO.
   */
  NEGATIVE_DEPENDENCE("negative dependence"),

  /**
   * Capture that depends on fate: three or four fates (detained, in hiding, reached the South, …),
   * and each list records each fate with its own probability or, a quarter of the time, not at all
   * (every fate stays visible to at least two lists).
   */
  FATE("capture depends on fate"),

  /**
   * Duplicates inside lists: mild logit-normal heterogeneity (b ∈ [0.25, 0.75]) and each list
   * recording a person it saw 1 + Poisson(d_j·e^{z_i}) times, d_j ∈ [0.05, 0.5]: the more findable
   * come back more often. With the true linkage the duplicates fall into one person; the family
   * checks that capture tables count people, not records.
   */
  DUPLICATES("duplicates inside lists");

  private final String label;

  Family(String label) {
    this.label = label;
  }

  /** A short description for tables. */
  public String label() {
    return label;
  }
}
