package org.tumen.estimate.lcmcr;

import java.util.Arrays;
import org.hipparchus.special.Erf;

/**
 * Convergence diagnostics for one scalar across several chains, after Vehtari, Gelman, Simpson,
 * Carpenter & Bürkner (2021), "Rank-normalization, folding, and localization: an improved R̂ for
 * assessing convergence of MCMC", Bayesian Analysis 16(2):667–718: every chain is split in half,
 * draws are replaced by the normal scores of their pooled ranks (robust to the heavy right tail of
 * N), R̂ is the larger of the bulk and the folded (|θ − median|) split-R̂, and the effective sample
 * size is the bulk ESS with Geyer's initial monotone sequence estimator of the autocorrelation sum.
 */
final class Convergence {
  private Convergence() {}

  /** Rank-normalised split-R̂ (Vehtari et al. 2021, eqs. 3–4 and §4.1): max of bulk and folded. */
  static double rhat(double[][] chains) {
    double[][] halves = split(chains);
    double bulk = rhatOf(rankNormalise(halves));
    double median = median(halves);
    double[][] folded = new double[halves.length][];
    for (int m = 0; m < halves.length; m++) {
      folded[m] = new double[halves[m].length];
      for (int i = 0; i < folded[m].length; i++) {
        folded[m][i] = Math.abs(halves[m][i] - median);
      }
    }
    return Math.max(bulk, rhatOf(rankNormalise(folded)));
  }

  /** Bulk effective sample size (Vehtari et al. 2021, §3.2 and Appendix A). */
  static double ess(double[][] chains) {
    double[][] z = rankNormalise(split(chains));
    int chainsCount = z.length;
    int length = z[0].length;
    double[] means = new double[chainsCount];
    double[] variances = new double[chainsCount];
    for (int m = 0; m < chainsCount; m++) {
      means[m] = mean(z[m]);
      variances[m] = autocovariance(z[m], means[m], 0) * length / (length - 1.0);
    }
    double within = mean(variances);
    double varPlus = within * (length - 1.0) / length + sampleVariance(means);
    if (!(varPlus > 0)) {
      return chainsCount * (double) length;
    }
    // Geyer (1992): sum autocorrelations in adjacent pairs while the pair sum stays positive,
    // forcing the pair sums to be non-increasing.
    double tau = -1;
    double previousPair = Double.POSITIVE_INFINITY;
    for (int t = 0; t + 1 < length; t += 2) {
      double pair =
          autocorrelation(z, means, within, varPlus, t)
              + autocorrelation(z, means, within, varPlus, t + 1);
      if (!(pair > 0)) {
        break;
      }
      pair = Math.min(pair, previousPair);
      tau += 2 * pair;
      previousPair = pair;
    }
    double draws = chainsCount * (double) length;
    // Stan caps ESS at S·log10(S) for antithetic chains; the same cap keeps tau from vanishing.
    return Math.min(draws / Math.max(tau, 1e-12), draws * Math.log10(draws));
  }

  private static double autocorrelation(
      double[][] z, double[] means, double within, double varPlus, int lag) {
    double sum = 0;
    for (int m = 0; m < z.length; m++) {
      sum += autocovariance(z[m], means[m], lag);
    }
    return 1 - (within - sum / z.length) / varPlus;
  }

  private static double autocovariance(double[] x, double mean, int lag) {
    double s = 0;
    for (int i = 0; i + lag < x.length; i++) {
      s += (x[i] - mean) * (x[i + lag] - mean);
    }
    return s / x.length;
  }

  private static double rhatOf(double[][] z) {
    int length = z[0].length;
    double[] means = new double[z.length];
    double within = 0;
    for (int m = 0; m < z.length; m++) {
      means[m] = mean(z[m]);
      within += sampleVariance(z[m]);
    }
    within /= z.length;
    double between = sampleVariance(means); // B / S in Gelman et al.'s notation
    if (!(within > 0)) {
      return between > 0 ? Double.POSITIVE_INFINITY : 1.0;
    }
    return Math.sqrt((within * (length - 1.0) / length + between) / within);
  }

  /** Halves of every chain; the middle draw of an odd-length chain is dropped. */
  private static double[][] split(double[][] chains) {
    int half = chains[0].length / 2;
    if (half < 2) {
      throw new IllegalArgumentException("need at least 4 draws per chain");
    }
    double[][] out = new double[2 * chains.length][];
    for (int c = 0; c < chains.length; c++) {
      double[] x = chains[c];
      out[2 * c] = Arrays.copyOfRange(x, 0, half);
      out[2 * c + 1] = Arrays.copyOfRange(x, x.length - half, x.length);
    }
    return out;
  }

  /** Normal scores Φ⁻¹((r − 3/8)/(S + 1/4)) of pooled ranks r, ties given their average rank. */
  private static double[][] rankNormalise(double[][] chains) {
    int length = chains[0].length;
    int total = chains.length * length;
    double[] values = new double[total];
    Integer[] order = new Integer[total];
    for (int m = 0; m < chains.length; m++) {
      System.arraycopy(chains[m], 0, values, m * length, length);
    }
    for (int i = 0; i < total; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[][] out = new double[chains.length][length];
    int i = 0;
    while (i < total) {
      int j = i;
      while (j + 1 < total && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      double score = Math.sqrt(2) * Erf.erfInv(2 * ((rank - 0.375) / (total + 0.25)) - 1);
      for (int k = i; k <= j; k++) {
        out[order[k] / length][order[k] % length] = score;
      }
      i = j + 1;
    }
    return out;
  }

  private static double median(double[][] chains) {
    double[] all = Arrays.stream(chains).flatMapToDouble(Arrays::stream).sorted().toArray();
    int n = all.length;
    return n % 2 == 1 ? all[n / 2] : (all[n / 2 - 1] + all[n / 2]) / 2;
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double sampleVariance(double[] x) {
    double mean = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return s / (x.length - 1);
  }
}
