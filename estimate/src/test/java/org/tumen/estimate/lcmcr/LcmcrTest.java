package org.tumen.estimate.lcmcr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.PopulationEstimate;

class LcmcrTest {
  /**
   * Two latent classes on five lists: 60% easier to document (capture 0.4–0.6), 40% harder
   * (0.15–0.3). P(seen by no list) = 0.6·0.027 + 0.4·0.26 ≈ 0.12, and the heterogeneity makes the
   * lists positively dependent, so an independence model would undercount. (With a hard class
   * captured at only 0.08–0.2 the latent classes are weakly identified and the posterior, not the
   * sampler, sits below N in most data sets; that is a property of the model, shown in
   * docs/coverage-study.md, not a test of this code.)
   */
  private static final double[] WEIGHTS = {0.6, 0.4};

  private static final double[][] CAPTURE = {
    {0.5, 0.4, 0.6, 0.45, 0.55}, {0.2, 0.3, 0.15, 0.25, 0.2}
  };

  private static final int POPULATION = 5_000;

  /**
   * Short runs, K = 5 (R's lcmCR default): the test checks the model and the sampler, not the
   * production defaults, and must stay well under a minute on two shared cores.
   */
  private static final LcmcrOptions FAST = new LcmcrOptions(5, 3_000, 500, 4, 7L, 2);

  @Test
  void recoversKnownPopulationInRepeatedSimulations() {
    UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(20161201L);
    int covered = 0;
    int close = 0;
    List<String> misses = new ArrayList<>();
    for (int sim = 0; sim < 100; sim++) {
      CaptureTable table = LatentClassTables.draw(rng, POPULATION, WEIGHTS, CAPTURE);
      PopulationEstimate e = Lcmcr.estimate(table, FAST.withSeed(sim));
      boolean hit = e.interval().lower() <= POPULATION && POPULATION <= e.interval().upper();
      covered += hit ? 1 : 0;
      boolean near = Math.abs(e.estimate() - POPULATION) <= 0.05 * POPULATION;
      close += near ? 1 : 0;
      if (!hit || !near) {
        misses.add(
            String.format(
                Locale.ROOT,
                "sim %d: observed %d, median %.0f, 95%% (%.0f, %.0f), %s",
                sim,
                table.observed(),
                e.estimate(),
                e.interval().lower(),
                e.interval().upper(),
                e.diagnostics().convergence()));
      }
    }
    System.out.printf("LCMCR simulation: covered %d/100, within 5%% %d/100%n", covered, close);
    misses.forEach(System.out::println);
    assertThat(covered).as("95%% intervals covering N = %d", POPULATION).isGreaterThanOrEqualTo(90);
    assertThat(close).as("posterior medians within 5%% of N").isGreaterThanOrEqualTo(90);
  }

  @Test
  void sameSeedSameAnswerWhateverTheThreads() {
    CaptureTable table = MseData.table("kosovo_1999.csv");
    LcmcrOptions options = new LcmcrOptions(10, 500, 200, 2, 99L, 3);
    PopulationEstimate a = Lcmcr.estimate(table, options);
    PopulationEstimate b = Lcmcr.estimate(table, options);
    assertThat(b).isEqualTo(a);
    PopulationEstimate c = Lcmcr.estimate(table, options.withSeed(100L));
    assertThat(c.diagnostics().convergence().get("posteriorMean"))
        .isNotEqualTo(a.diagnostics().convergence().get("posteriorMean"));
  }

  @Test
  void reportsTheContractFields() {
    CaptureTable table = MseData.table("kosovo_1999.csv");
    PopulationEstimate e = Lcmcr.estimate(table, new LcmcrOptions(10, 1_000, 200, 2, 3L, 3));
    assertThat(e.method()).isEqualTo(org.tumen.estimate.Method.LCMCR);
    assertThat(e.model()).isEqualTo("LCMCR K=10");
    assertThat(e.lists()).containsExactly("list1", "list2", "list3", "list4");
    assertThat(e.observed()).isEqualTo(4400);
    assertThat(e.interval().level()).isEqualTo(0.95);
    assertThat(e.interval().lower()).isGreaterThanOrEqualTo(4400).isLessThan(e.estimate());
    assertThat(e.interval().upper()).isGreaterThan(e.estimate());
    assertThat(e.diagnostics().convergence())
        .containsKeys("rhat", "ess", "chains", "burnin", "samples", "thinning", "seed");
    double rhat = (Double) e.diagnostics().convergence().get("rhat");
    assertThat(rhat).isGreaterThanOrEqualTo(0.99);
    // The warning must appear exactly when R-hat says the chains have not mixed.
    assertThat(e.diagnostics().warnings().stream().anyMatch(w -> w.startsWith("R-hat")))
        .isEqualTo(rhat > 1.1);
  }

  @Test
  void warnsWhenChainsHaveNotMixed() {
    // Ten sweeps, no burn-in, from dispersed starts: the chains cannot agree yet.
    CaptureTable table = MseData.table("uk_modern_slavery_2013.csv");
    PopulationEstimate e = Lcmcr.estimate(table, new LcmcrOptions(10, 0, 10, 1, 5L, 4));
    assertThat(e.diagnostics().warnings())
        .anySatisfy(w -> assertThat(w).contains("effective sample size"));
  }

  @Test
  void refusesTwoLists() {
    CaptureTable two = new CaptureTable(List.of("a", "b"), new long[] {0, 30, 40, 10});
    PopulationEstimate e = Lcmcr.estimate(two, LcmcrOptions.defaults());
    assertThat(e.isEstimable()).isFalse();
    assertThat(e.diagnostics().inestimable()).contains("at least three lists");
  }

  @Test
  void refusesAnEmptyTable() {
    CaptureTable empty = new CaptureTable(List.of("a", "b", "c"), new long[8]);
    assertThat(Lcmcr.estimate(empty, LcmcrOptions.defaults()).diagnostics().inestimable())
        .contains("no one");
  }

  @Test
  void defaultsFollowRsLcmcr() {
    LcmcrOptions d = LcmcrOptions.defaults();
    assertThat(d.classes()).isEqualTo(10);
    assertThat(d.chains()).isEqualTo(3);
    // R's lcmCR_PostSampl(burnin = 10000, samples = 1000, thinning = 10): 20,000 sweeps.
    assertThat(d.sweepsPerChain()).isEqualTo(20_000);
  }

  @Test
  void rejectsMeaninglessOptions() {
    assertThatThrownBy(() -> new LcmcrOptions(0, 10, 100, 1, 1, 3)).hasMessageContaining("classes");
    assertThatThrownBy(() -> new LcmcrOptions(10, -1, 100, 1, 1, 3))
        .hasMessageContaining("burn-in");
    assertThatThrownBy(() -> new LcmcrOptions(10, 10, 5, 1, 1, 3)).hasMessageContaining("samples");
    assertThatThrownBy(() -> new LcmcrOptions(10, 10, 100, 0, 1, 3))
        .hasMessageContaining("thinning");
    assertThatThrownBy(() -> new LcmcrOptions(10, 10, 100, 1, 1, 0)).hasMessageContaining("chains");
    assertThatThrownBy(() -> new LcmcrOptions(10, 10, 100_000_000, 10, 1, 3))
        .hasMessageContaining("sweeps");
  }
}
