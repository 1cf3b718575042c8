package org.tumen.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Draws one population of a {@link Family}: first the family's parameters (each list's base chance,
 * the strength of heterogeneity or dependence) from their ranges, then the people, each with a
 * capture history and the number of records each list holds of them. Everything follows from the
 * seed: the parameters from one stream, the people from another.
 *
 * <p>Each list's base chance p_j of recording a typical person is drawn from [0.10, 0.35], so that
 * between about a quarter and nine tenths of the population is documented, as in the lists of
 * docs/coverage-study.md.
 */
public final class FamilyGenerator {
  static final double MIN_BASE = 0.10;
  static final double MAX_BASE = 0.35;

  private FamilyGenerator() {}

  /** One person's lists; fills {@code copies[j]} with the records list j holds of them. */
  private interface PersonModel {
    int draw(UniformRandomProvider rng, ContinuousSampler gaussian, int[] copies);
  }

  /**
   * @param lists 2 to {@link Scenario#MAX_LISTS}
   * @param population the true number of people
   */
  public static FamilyPopulation draw(Family family, int lists, int population, long seed) {
    if (lists < 2 || lists > Scenario.MAX_LISTS) {
      throw new IllegalArgumentException("need 2 to " + Scenario.MAX_LISTS + " lists");
    }
    if (population < 1) {
      throw new IllegalArgumentException("population must be positive, was " + population);
    }
    UniformRandomProvider params = RandomStreams.population(seed ^ 0x5DEECE66DL);
    ContinuousSampler paramGauss = ZigguratSampler.NormalizedGaussian.of(params);
    double[] base = new double[lists];
    for (int j = 0; j < lists; j++) {
      base[j] = logit(MIN_BASE + (MAX_BASE - MIN_BASE) * params.nextDouble());
    }
    StringBuilder described = new StringBuilder();
    PersonModel model =
        switch (family) {
          case LOG_NORMAL -> logNormal(base, params, described);
          case LATENT_CLASSES -> latentClasses(base, params, paramGauss, described);
          case POSITIVE_DEPENDENCE -> referral(base, params, +1, described);
          case NEGATIVE_DEPENDENCE -> referral(base, params, -1, described);
          case FATE -> fates(base, params, paramGauss, described);
          case DUPLICATES -> duplicates(base, params, described);
        };
    UniformRandomProvider people = RandomStreams.capture(seed, 0);
    ContinuousSampler gaussian = ZigguratSampler.NormalizedGaussian.of(people);
    int[] masks = new int[Math.min(population, 1 << 16)];
    int[] copies = new int[Math.min(population, 1 << 16) * lists];
    int[] one = new int[lists];
    int n = 0;
    for (int i = 0; i < population; i++) {
      Arrays.fill(one, 0);
      int mask = model.draw(people, gaussian, one);
      if (mask != 0) {
        if (n == masks.length) {
          masks = Arrays.copyOf(masks, masks.length * 2);
          copies = Arrays.copyOf(copies, masks.length * lists);
        }
        masks[n] = mask;
        System.arraycopy(one, 0, copies, n * lists, lists);
        n++;
      }
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < lists; j++) {
      names.add("list" + (j + 1));
    }
    return new FamilyPopulation(
        family,
        described.toString().strip(),
        new CaptureHistories(names, population, Arrays.copyOf(masks, n)),
        Arrays.copyOf(copies, n * lists));
  }

  /** p_ij = 1 − exp(−λ_j u_i), u_i log-normal with mean 1 and log-sd σ. */
  private static PersonModel logNormal(
      double[] base, UniformRandomProvider params, StringBuilder described) {
    double sigma = 0.25 + 0.75 * params.nextDouble();
    double[] rate = new double[base.length];
    for (int j = 0; j < base.length; j++) {
      rate[j] = -Math.log(1 - logistic(base[j]));
    }
    described.append(String.format(Locale.ROOT, "sigma=%.2f", sigma));
    return (rng, gaussian, copies) -> {
      double u = Math.exp(sigma * gaussian.sample() - sigma * sigma / 2);
      int mask = 0;
      for (int j = 0; j < rate.length; j++) {
        if (rng.nextDouble() < 1 - Math.exp(-rate[j] * u)) {
          mask |= 1 << j;
          copies[j] = 1;
        }
      }
      return mask;
    };
  }

  /**
   * Class 0 is ordinary, class 1 hard to find (logit shift −1 to −2), class 2 (half the time) easy
   * (+0.5 to +1); each list deviates from its class's shift by N(0, 0.5²).
   */
  private static PersonModel latentClasses(
      double[] base,
      UniformRandomProvider params,
      ContinuousSampler gauss,
      StringBuilder described) {
    int classes = params.nextBoolean() ? 3 : 2;
    double[] weight = dirichlet(classes, params);
    double[][] p = new double[classes][base.length];
    for (int c = 0; c < classes; c++) {
      double shift =
          c == 0 ? 0 : c == 1 ? -1 - params.nextDouble() : 0.5 + 0.5 * params.nextDouble();
      for (int j = 0; j < base.length; j++) {
        p[c][j] = logistic(base[j] + shift + 0.5 * gauss.sample());
      }
      described.append(
          String.format(Locale.ROOT, "class %d: w=%.2f p=%s; ", c, weight[c], rounded(p[c])));
    }
    return (rng, gaussian, copies) -> {
      int c = pick(weight, rng.nextDouble());
      return independent(p[c], rng, copies);
    };
  }

  /** Lists in order; being on list k shifts the log odds of a later list j by γ_kj. */
  private static PersonModel referral(
      double[] base, UniformRandomProvider params, int sign, StringBuilder described) {
    int k = base.length;
    double[][] gamma = new double[k][k];
    boolean any = false;
    for (int j = 1; j < k; j++) {
      for (int i = 0; i < j; i++) {
        if (params.nextBoolean()) {
          gamma[i][j] = sign * (0.5 + params.nextDouble());
          any = true;
        }
      }
    }
    if (!any) {
      int j = 1 + params.nextInt(k - 1);
      gamma[params.nextInt(j)][j] = sign * (0.5 + params.nextDouble());
    }
    for (int j = 1; j < k; j++) {
      for (int i = 0; i < j; i++) {
        if (gamma[i][j] != 0) {
          described.append(String.format(Locale.ROOT, "[%d,%d]=%+.2f ", i + 1, j + 1, gamma[i][j]));
        }
      }
    }
    return (rng, gaussian, copies) -> {
      int mask = 0;
      for (int j = 0; j < k; j++) {
        double eta = base[j];
        for (int i = 0; i < j; i++) {
          if ((mask >> i & 1) == 1) {
            eta += gamma[i][j];
          }
        }
        if (rng.nextDouble() < logistic(eta)) {
          mask |= 1 << j;
          copies[j] = 1;
        }
      }
      return mask;
    };
  }

  /** Each (list, fate): blind a quarter of the time, else logit p = base + N(0, 1). */
  private static PersonModel fates(
      double[] base,
      UniformRandomProvider params,
      ContinuousSampler gauss,
      StringBuilder described) {
    int fates = params.nextBoolean() ? 4 : 3;
    double[] weight = dirichlet(fates, params);
    double[][] p = new double[fates][base.length];
    for (int f = 0; f < fates; f++) {
      int seeing = 0;
      for (int j = 0; j < base.length; j++) {
        boolean blind = params.nextDouble() < 0.25;
        p[f][j] = blind ? 0 : logistic(base[j] + gauss.sample());
        seeing += blind ? 0 : 1;
      }
      // Every fate stays visible to two lists: a fate only one list sees leaves no overlap, and
      // no method can estimate what it never sees twice.
      while (seeing < Math.min(2, base.length)) {
        int j = params.nextInt(base.length);
        if (p[f][j] == 0) {
          p[f][j] = logistic(base[j] + gauss.sample());
          seeing++;
        }
      }
      described.append(
          String.format(Locale.ROOT, "fate %d: w=%.2f p=%s; ", f, weight[f], rounded(p[f])));
    }
    return (rng, gaussian, copies) -> independent(p[pick(weight, rng.nextDouble())], rng, copies);
  }

  /** Logit-normal heterogeneity b z_i; 1 + Poisson(d_j e^{z_i}) records on each list seen. */
  private static PersonModel duplicates(
      double[] base, UniformRandomProvider params, StringBuilder described) {
    double b = 0.25 + 0.5 * params.nextDouble();
    double[] d = new double[base.length];
    for (int j = 0; j < d.length; j++) {
      d[j] = 0.05 + 0.45 * params.nextDouble();
    }
    described.append(String.format(Locale.ROOT, "b=%.2f duplicates=%s", b, rounded(d)));
    return (rng, gaussian, copies) -> {
      double z = gaussian.sample();
      int mask = 0;
      for (int j = 0; j < base.length; j++) {
        if (rng.nextDouble() < logistic(base[j] + b * z)) {
          mask |= 1 << j;
          copies[j] = 1 + poisson(d[j] * Math.exp(z), rng);
        }
      }
      return mask;
    };
  }

  private static int independent(double[] p, UniformRandomProvider rng, int[] copies) {
    int mask = 0;
    for (int j = 0; j < p.length; j++) {
      if (rng.nextDouble() < p[j]) {
        mask |= 1 << j;
        copies[j] = 1;
      }
    }
    return mask;
  }

  /** Knuth's multiplication method; the means here are small (below 20). */
  static int poisson(double mean, UniformRandomProvider rng) {
    double limit = Math.exp(-mean);
    double product = rng.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= rng.nextDouble();
      k++;
    }
    return k;
  }

  /** Dirichlet(2, …, 2) weights: Gamma(2) is the sum of two exponentials. */
  private static double[] dirichlet(int n, UniformRandomProvider rng) {
    double[] w = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      w[i] = -Math.log(1 - rng.nextDouble()) - Math.log(1 - rng.nextDouble());
      total += w[i];
    }
    for (int i = 0; i < n; i++) {
      w[i] /= total;
    }
    return w;
  }

  private static int pick(double[] weight, double u) {
    double cumulative = 0;
    for (int c = 0; c < weight.length - 1; c++) {
      cumulative += weight[c];
      if (u < cumulative) {
        return c;
      }
    }
    return weight.length - 1;
  }

  private static String rounded(double[] x) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < x.length; i++) {
      sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.2f", x[i]));
    }
    return sb.append(')').toString();
  }

  static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
