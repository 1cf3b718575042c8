package org.tumen.estimate.lcmcr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.Method;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.model.Progress;

/**
 * Bayesian latent-class multiple systems estimation, LCMCR (Manrique-Vallier 2016, Biometrics
 * 72(4):1246–1254): the population is a mixture of up to K latent classes, lists are independent
 * within a class, and the Dirichlet-process prior lets the data choose how many classes matter.
 * This captures heterogeneous capture probabilities and, through them, the positive dependence
 * between lists that heterogeneity induces; it does not model direct list-to-list dependence within
 * a class (a list that refers people to another).
 *
 * <p>Several chains run in parallel, each on its own jump of one xoshiro256++ stream seeded by
 * {@link LcmcrOptions#seed()}, so results are reproducible whatever the number of cores. The
 * estimate is the posterior median of N and the interval the 95% equal-tailed credible interval
 * from all chains' draws; R̂ and the effective sample size of N are in the diagnostics.
 */
public final class Lcmcr {
  /** Above this R̂ the chains have not mixed (Gelman et al., Bayesian Data Analysis, 3rd ed.). */
  static final double RHAT_LIMIT = 1.1;

  /** Vehtari et al. (2021) ask for a bulk ESS of at least 100 per chain. */
  static final double ESS_PER_CHAIN = 100;

  private static final double LEVEL = 0.95;

  private Lcmcr() {}

  /** Runs the sampler on {@code table} and summarises the posterior of the population size. */
  public static PopulationEstimate estimate(CaptureTable table, LcmcrOptions options) {
    return estimate(table, options, Progress.NONE);
  }

  /**
   * As {@link #estimate(CaptureTable, LcmcrOptions)}, telling {@code progress} of the Gibbs sweeps
   * done over all chains (burn-in, then the kept draws and the sweeps thinned between them).
   */
  public static PopulationEstimate estimate(
      CaptureTable table, LcmcrOptions options, Progress progress) {
    long observed = table.observed();
    String model = "LCMCR K=" + options.classes();
    if (table.listCount() < 3) {
      return inestimable(
          table,
          model,
          "LCMCR needs at least three lists: with two, a latent-class model is not identifiable"
              + " and the answer would come from the prior, not the data");
    }
    if (observed == 0) {
      return inestimable(table, model, "no one is on any list");
    }
    progress.start(
        "LCMCR draws",
        (long) options.chains()
            * (options.burnin() + (long) options.samples() * options.thinning()));
    long[][] draws;
    try {
      draws = runChains(table, options, progress);
    } finally {
      progress.finish();
    }
    return summarise(table, options, model, draws);
  }

  private static long[][] runChains(CaptureTable table, LcmcrOptions options, Progress progress) {
    int size = 1 << table.listCount();
    int distinct = 0;
    for (int p = 1; p < size; p++) {
      distinct += table.count(p) > 0 ? 1 : 0;
    }
    int[] patterns = new int[distinct];
    long[] counts = new long[distinct];
    for (int p = 1, i = 0; p < size; p++) {
      if (table.count(p) > 0) {
        patterns[i] = p;
        counts[i++] = table.count(p);
      }
    }
    JumpableUniformRandomProvider root =
        (JumpableUniformRandomProvider) RandomSource.XO_SHI_RO_256_PP.create(options.seed());
    List<UniformRandomProvider> streams = new ArrayList<>();
    for (int c = 0; c < options.chains(); c++) {
      streams.add(root.jump()); // a copy, then root moves 2^128 draws ahead: no overlap
    }
    int threads = Math.min(options.chains(), Runtime.getRuntime().availableProcessors());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "lcmcr-chain");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      for (UniformRandomProvider stream : streams) {
        futures.add(
            pool.submit(
                () -> runChain(table.listCount(), patterns, counts, options, stream, progress)));
      }
      long[][] draws = new long[options.chains()][];
      for (int c = 0; c < draws.length; c++) {
        draws[c] = futures.get(c).get();
      }
      return draws;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("LCMCR interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("LCMCR chain failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Sweeps told to the progress at once during burn-in: cheap next to the sweeps themselves. */
  private static final int REPORT_EVERY = 100;

  private static long[] runChain(
      int lists,
      int[] patterns,
      long[] counts,
      LcmcrOptions options,
      UniformRandomProvider rng,
      Progress progress) {
    GibbsChain chain = new GibbsChain(lists, patterns, counts, options.classes(), rng);
    for (int s = 0; s < options.burnin(); s++) {
      chain.sweep();
      if ((s + 1) % REPORT_EVERY == 0) {
        progress.step(REPORT_EVERY);
      }
    }
    progress.step(options.burnin() % REPORT_EVERY);
    long[] kept = new long[options.samples()];
    for (int i = 0; i < kept.length; i++) {
      for (int t = 0; t < options.thinning(); t++) {
        chain.sweep();
      }
      kept[i] = chain.populationSize();
      progress.step(options.thinning());
    }
    return kept;
  }

  private static PopulationEstimate summarise(
      CaptureTable table, LcmcrOptions options, String model, long[][] draws) {
    double[][] asDouble = new double[draws.length][];
    for (int c = 0; c < draws.length; c++) {
      asDouble[c] = Arrays.stream(draws[c]).asDoubleStream().toArray();
    }
    double[] pooled = Arrays.stream(asDouble).flatMapToDouble(Arrays::stream).sorted().toArray();
    double median = quantile(pooled, 0.5);
    double lower = quantile(pooled, (1 - LEVEL) / 2);
    double upper = quantile(pooled, 1 - (1 - LEVEL) / 2);
    double rhat = Convergence.rhat(asDouble);
    double ess = Convergence.ess(asDouble);

    List<String> warnings = new ArrayList<>();
    Map<String, Object> convergence = new LinkedHashMap<>();
    if (Double.isFinite(rhat)) {
      convergence.put("rhat", round(rhat, 4));
    } else {
      convergence.put("rhat", "not computable: every chain is constant");
    }
    convergence.put("ess", round(ess, 1));
    convergence.put("chains", options.chains());
    convergence.put("burnin", options.burnin());
    convergence.put("samples", options.samples());
    convergence.put("thinning", options.thinning());
    convergence.put("seed", options.seed());
    convergence.put("posteriorMean", round(Arrays.stream(pooled).average().orElse(median), 2));
    if (!(rhat <= RHAT_LIMIT)) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "R-hat of N is %.3f (above %.1f): the chains disagree, so the result is not yet"
                  + " reliable; run longer (more --burnin and --samples) and compare",
              rhat,
              RHAT_LIMIT));
    }
    if (ess < ESS_PER_CHAIN * options.chains()) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "the effective sample size of N is only %.0f (want at least %.0f): the interval's"
                  + " ends are imprecise; increase --samples or --thinning",
              ess,
              ESS_PER_CHAIN * options.chains()));
    }
    Diagnostics diagnostics = new Diagnostics(null, null, null, null, convergence, warnings, null);
    return new PopulationEstimate(
        Method.LCMCR,
        model,
        table.lists(),
        table.observed(),
        median,
        new Interval(LEVEL, lower, upper),
        diagnostics);
  }

  /** Quantile by linear interpolation between order statistics (Hyndman & Fan type 7, R's). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  private static double round(double x, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(x * scale) / scale;
  }

  private static PopulationEstimate inestimable(CaptureTable table, String model, String why) {
    return new PopulationEstimate(
        Method.LCMCR,
        model,
        table.lists(),
        table.observed(),
        null,
        null,
        Diagnostics.inestimable(why, List.of()));
  }
}
