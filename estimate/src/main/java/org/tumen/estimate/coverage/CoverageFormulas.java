package org.tumen.estimate.coverage;

/**
 * The sample-coverage estimators for t ≥ 3 lists of Chao & Tsay (1998), "A sample coverage approach
 * to multiple-system estimation with application to census undercount", JASA 93:283–293, as applied
 * in Chao, Tsay, Lin, Shau & Chao (2001), Statistics in Medicine 20:3123–3157, §4. Notation: n_j
 * people on list j, Z_j people on list j only, Z_jk people on exactly lists j and k, n_jk people on
 * both j and k (and perhaps others), M people observed.
 *
 * <ul>
 *   <li>coverage Ĉ = 1 − (1/t) Σ_j Z_j / n_j, and D = (1/t) Σ_j (M − Z_j), the average number of
 *       people seen by the other lists;
 *   <li>N̂0 = D / Ĉ, exact when lists are independent and capture homogeneous (Chao & Tsay eq. 15);
 *   <li>N̂ solves N = D/Ĉ + (1/(tĈ)) Σ_{j<k} A_jk γ_jk(N), with A_jk = Z_j + Z_k + 2 Z_jk and the
 *       coefficient of covariation γ_jk(N) = N n_jk / (n_j n_k) − 1; γ is linear in N, so N̂ = (tD
 *       − Σ A_jk) / (tĈ − Σ A_jk n_jk / (n_j n_k)) (Chao & Tsay eq. 20). It is meant for high
 *       coverage and becomes unstable as the denominator approaches 0;
 *   <li>N̂1, the one-step estimator for low coverage (Chao et al. 1996, eq. 2.21; CARE1's "LSC"):
 *       the right-hand side above evaluated at N_a = N̂0 + (1/(tĈ)) Σ A_jk γ_jk(N̂0) instead of
 *       solved, i.e. two fixed-point steps from N̂0, which damps the instability.
 * </ul>
 */
record CoverageFormulas(double coverage, double seenByOthers, double n0, double nHat, double n1) {
  /** The high-coverage denominator below which CARE1 (and we) call N̂ undefined. */
  static final double MIN_DENOMINATOR = 1e-4;

  /**
   * @param lists t ≥ 3
   * @param counts the capture table by bit-mask pattern, {@code counts[0]} ignored
   * @return the estimates, with NaN where undefined (an empty list, no overlap at all, or N̂'s
   *     denominator ≤ 1e-4)
   */
  static CoverageFormulas of(int lists, double[] counts) {
    int t = lists;
    double observed = 0;
    double[] listSize = new double[t];
    for (int p = 1; p < counts.length; p++) {
      observed += counts[p];
      for (int j = 0; j < t; j++) {
        if ((p >>> j & 1) == 1) {
          listSize[j] += counts[p];
        }
      }
    }
    double singletonShare = 0;
    double seenByOthers = 0;
    for (int j = 0; j < t; j++) {
      if (!(listSize[j] > 0)) {
        return new CoverageFormulas(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      double only = counts[1 << j];
      singletonShare += only / listSize[j];
      seenByOthers += observed - only;
    }
    double coverage = 1 - singletonShare / t;
    double d = seenByOthers / t;
    if (!(coverage > 0)) {
      return new CoverageFormulas(coverage, d, Double.NaN, Double.NaN, Double.NaN);
    }
    double n0 = d / coverage;

    double sumA = 0;
    double sumARatio = 0; // Σ A_jk n_jk / (n_j n_k): γ_jk(N) = N·ratio − 1
    for (int j = 0; j < t; j++) {
      for (int k = j + 1; k < t; k++) {
        int pair = 1 << j | 1 << k;
        double a = counts[1 << j] + counts[1 << k] + 2 * counts[pair];
        double both = 0;
        for (int p = pair; p < counts.length; p++) {
          if ((p & pair) == pair) {
            both += counts[p];
          }
        }
        sumA += a;
        sumARatio += a * both / (listSize[j] * listSize[k]);
      }
    }
    double denominator = t * coverage - sumARatio;
    double nHat = denominator > MIN_DENOMINATOR ? (t * d - sumA) / denominator : Double.NaN;
    double step = n0 + (n0 * sumARatio - sumA) / (t * coverage);
    double n1 = n0 + (step * sumARatio - sumA) / (t * coverage);
    return new CoverageFormulas(coverage, d, n0, nHat, n1);
  }
}
