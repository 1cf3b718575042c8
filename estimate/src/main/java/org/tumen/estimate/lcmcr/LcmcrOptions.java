package org.tumen.estimate.lcmcr;

/**
 * Settings of an LCMCR run, checked when made.
 *
 * @param classes K, the truncation level of the stick-breaking prior (latent classes available; the
 *     data decide how many are used)
 * @param burnin sweeps discarded at the start of every chain
 * @param samples draws of N kept per chain
 * @param thinning sweeps between kept draws
 * @param seed seed of the random streams; equal seeds give equal results
 * @param chains independent chains, run in parallel; their agreement is what R̂ measures
 */
public record LcmcrOptions(
    int classes, int burnin, int samples, int thinning, long seed, int chains) {

  /** Most sweeps one chain may run, so that a typo cannot occupy a laptop for a day. */
  static final long MAX_SWEEPS = 100_000_000L;

  public LcmcrOptions {
    if (classes < 1 || classes > 100) {
      throw new IllegalArgumentException("classes must be between 1 and 100, got " + classes);
    }
    if (burnin < 0) {
      throw new IllegalArgumentException("burn-in must not be negative, got " + burnin);
    }
    if (samples < 10) {
      throw new IllegalArgumentException(
          "at least 10 samples per chain are needed, got " + samples);
    }
    if (thinning < 1) {
      throw new IllegalArgumentException("thinning must be at least 1, got " + thinning);
    }
    if (chains < 1 || chains > 64) {
      throw new IllegalArgumentException("chains must be between 1 and 64, got " + chains);
    }
    if (burnin + (long) samples * thinning > MAX_SWEEPS) {
      throw new IllegalArgumentException(
          "burn-in + samples × thinning exceeds " + MAX_SWEEPS + " sweeps per chain");
    }
  }

  /**
   * K = 10 classes (the number Manrique-Vallier 2016 and HRDAG's analyses use; extra classes cost
   * little because the Dirichlet process leaves them empty), burn-in 10,000, 1,000 samples thinned
   * by 10 (R's LCMCR {@code lcmCR_PostSampl} defaults: 20,000 sweeps per chain), 3 chains, seed 1.
   */
  public static LcmcrOptions defaults() {
    return new LcmcrOptions(10, 10_000, 1_000, 10, 1L, 3);
  }

  /** These options with another seed. */
  public LcmcrOptions withSeed(long newSeed) {
    return new LcmcrOptions(classes, burnin, samples, thinning, newSeed, chains);
  }

  /** Sweeps each chain runs. */
  public long sweepsPerChain() {
    return burnin + (long) samples * thinning;
  }
}
