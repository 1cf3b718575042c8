package org.tumen.estimate.lcmcr;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One Markov chain of the LCMCR Gibbs sampler of Manrique-Vallier (2016), "Bayesian population size
 * estimation using Dirichlet process mixtures", Biometrics 72(4):1246–1254, §3.
 *
 * <p>Model: each of N people belongs to a latent class z ∈ {1..K} with P(z = k) = π_k, and is on
 * list j independently with probability λ_jk given the class. π follows a truncated stick-breaking
 * Dirichlet process, π_k = V_k ∏_{l<k}(1 − V_l), V_k ~ Beta(1, α), V_K = 1; α ~ Gamma(a, b) with a
 * = b = 0.25; λ_jk ~ Beta(1, 1); p(N) ∝ 1/N. One sweep updates, in turn:
 *
 * <ol>
 *   <li>the classes of the observed people: P(z = k | x) ∝ π_k ∏_j λ_jk^{x_j}(1 − λ_jk)^{1−x_j}.
 *       People with the same capture pattern share this distribution, so each distinct pattern with
 *       c people gets Multinomial(c, ·) class counts: the cost does not depend on N;
 *   <li>the number never seen, n0 ~ NegBin(n, 1 − π0), π0 = Σ_k π_k ∏_j(1 − λ_jk) (the 1/N prior
 *       turns the binomial likelihood of n0 into this negative binomial), then their classes,
 *       Multinomial(n0, π_k ∏_j(1 − λ_jk) / π0);
 *   <li>λ_jk ~ Beta(1 + #{z = k, on list j}, 1 + #{z = k, not on j}) over all n + n0 people;
 *   <li>V_k ~ Beta(1 + m_k, α + Σ_{l>k} m_l), m_k the class sizes, in log space;
 *   <li>α ~ Gamma(a + K − 1, b − ln π_K).
 * </ol>
 */
final class GibbsChain {
  private static final double ALPHA_SHAPE = 0.25;
  private static final double ALPHA_RATE = 0.25;

  /** Below this total a pattern's class weights are recomputed in logs to avoid underflow. */
  private static final double TINY = 1e-280;

  private final int lists;
  private final int classes;
  private final int[] patterns;
  private final long[] patternCounts;
  private final long observed;
  private final Variates draw;
  private final UniformRandomProvider rng;

  /** λ_jk at [k * lists + j]. */
  private final double[] lambda;

  private final double[] logPi;
  private final double[] pi;
  private final double[] logV;
  private final double[] logComplement;
  private final double[] missedByAll;
  private final double[] weights;
  private final long[] drawn;
  private final long[] classSize;
  private final long[] onList;

  /** Classes by decreasing π_k this sweep: big classes first, so multinomials stop early. */
  private final int[] order;

  private double alpha = 1;
  private long unseen;

  GibbsChain(
      int lists, int[] patterns, long[] patternCounts, int classes, UniformRandomProvider rng) {
    this.lists = lists;
    this.classes = classes;
    this.patterns = patterns.clone();
    this.patternCounts = patternCounts.clone();
    long n = 0;
    for (long c : patternCounts) {
      n += c;
    }
    this.observed = n;
    this.rng = rng;
    this.draw = new Variates(rng);
    lambda = new double[classes * lists];
    logPi = new double[classes];
    pi = new double[classes];
    logV = new double[classes];
    logComplement = new double[classes];
    missedByAll = new double[classes];
    weights = new double[classes];
    drawn = new long[classes];
    classSize = new long[classes];
    onList = new long[classes * lists];
    order = new int[classes];
    // Dispersed starting points (λ from its Beta(1, 1) prior, equal class weights) so that
    // chains started from different streams disagree until they have converged.
    for (int i = 0; i < lambda.length; i++) {
      lambda[i] = draw.openUniform() * 0.98 + 0.01;
    }
    for (int k = 0; k < classes; k++) {
      logPi[k] = -Math.log(classes);
      pi[k] = 1.0 / classes;
    }
  }

  /** N = n + n0 after the last sweep. */
  long populationSize() {
    return observed + unseen;
  }

  void sweep() {
    Arrays.fill(classSize, 0);
    Arrays.fill(onList, 0);
    sortClasses();
    assignObserved();
    double seenProbability = assignUnseen();
    if (!(seenProbability > 0)) {
      throw new IllegalStateException("LCMCR: probability of being seen underflowed to 0");
    }
    updateLambda();
    if (classes > 1) {
      updateWeightsAndAlpha();
    }
  }

  private void sortClasses() {
    for (int i = 0; i < classes; i++) {
      int k = i;
      int at = i;
      while (at > 0 && pi[order[at - 1]] < pi[k]) {
        order[at] = order[at - 1];
        at--;
      }
      order[at] = k;
    }
  }

  /** Class counts of the observed people; weights and draws are indexed by rank in order. */
  private void assignObserved() {
    for (int p = 0; p < patterns.length; p++) {
      int mask = patterns[p];
      double total = 0;
      for (int i = 0; i < classes; i++) {
        int k = order[i];
        double w = pi[k];
        int base = k * lists;
        for (int j = 0; j < lists; j++) {
          double l = lambda[base + j];
          w *= (mask >>> j & 1) == 1 ? l : 1 - l;
        }
        weights[i] = w;
        total += w;
      }
      if (!(total > TINY)) {
        logWeights(mask);
      }
      Multinomial.sample(rng, patternCounts[p], weights, classes, drawn);
      for (int i = 0; i < classes; i++) {
        long m = drawn[i];
        if (m == 0) {
          continue;
        }
        int k = order[i];
        classSize[k] += m;
        int base = k * lists;
        for (int j = 0; j < lists; j++) {
          if ((mask >>> j & 1) == 1) {
            onList[base + j] += m;
          }
        }
      }
    }
  }

  /** The same class weights as {@link #assignObserved}, computed in logs and rescaled. */
  private void logWeights(int mask) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < classes; i++) {
      int k = order[i];
      double lw = logPi[k];
      int base = k * lists;
      for (int j = 0; j < lists; j++) {
        double l = lambda[base + j];
        lw += (mask >>> j & 1) == 1 ? Math.log(l) : Math.log1p(-l);
      }
      weights[i] = lw;
      max = Math.max(max, lw);
    }
    for (int i = 0; i < classes; i++) {
      weights[i] = Math.exp(weights[i] - max);
    }
  }

  /** Draws n0 and the classes of the unseen; returns 1 − π0, the probability of being seen. */
  private double assignUnseen() {
    double missed = 0;
    double seen = 0;
    for (int i = 0; i < classes; i++) {
      int k = order[i];
      double logMissed = 0;
      int base = k * lists;
      for (int j = 0; j < lists; j++) {
        logMissed += Math.log1p(-lambda[base + j]);
      }
      // 1 − ∏(1 − λ) via expm1 keeps its digits when every λ_jk is small.
      double m = Math.exp(logMissed);
      missedByAll[i] = pi[k] * m;
      missed += missedByAll[i];
      seen += pi[k] * -Math.expm1(logMissed);
    }
    unseen = draw.negativeBinomial(observed, missed / seen);
    if (unseen > 0) {
      Multinomial.sample(rng, unseen, missedByAll, classes, drawn);
      for (int i = 0; i < classes; i++) {
        classSize[order[i]] += drawn[i];
      }
    }
    return seen;
  }

  private void updateLambda() {
    for (int k = 0; k < classes; k++) {
      int base = k * lists;
      for (int j = 0; j < lists; j++) {
        long on = onList[base + j];
        lambda[base + j] = draw.beta(1.0 + on, 1.0 + (classSize[k] - on));
      }
    }
  }

  private void updateWeightsAndAlpha() {
    long later = 0;
    for (int k = 0; k < classes; k++) {
      later += classSize[k];
    }
    double logRemaining = 0;
    for (int k = 0; k < classes - 1; k++) {
      later -= classSize[k];
      draw.logBeta(1.0 + classSize[k], alpha + later, logV, logComplement, k);
      logPi[k] = logRemaining + logV[k];
      logRemaining += logComplement[k];
    }
    logPi[classes - 1] = logRemaining;
    for (int k = 0; k < classes; k++) {
      pi[k] = Math.exp(logPi[k]);
    }
    alpha = draw.gamma(ALPHA_SHAPE + classes - 1) / (ALPHA_RATE - logRemaining);
  }
}
