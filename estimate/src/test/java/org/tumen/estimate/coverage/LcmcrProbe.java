package org.tumen.estimate.coverage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.lcmcr.Lcmcr;
import org.tumen.estimate.lcmcr.LcmcrOptions;
import org.tumen.simulate.Family;

/**
 * A measurement behind docs/methods.md ("How many hidden groups", branch latent11), not part of the
 * test suite: LCMCR alone on the family study's populations (same seeds as {@link
 * FamilyCoverageStudy}), with other chain lengths, to see whether its misses are the sampler's or
 * its posterior's. Run with
 *
 * <pre>
 * nice -n 10 mvn -B -o -q -Dspotless.check.skip=true -pl estimate -am test -Dtest=LcmcrProbe \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dtumen.lcmcrProbe=true -Dtumen.coverageStudy.seed=3 \
 *     -Dtumen.probe.ids=50,56,59,67,72,76,80 -Dtumen.probe.burnin=50000 -Dtumen.probe.thin=150
 * </pre>
 *
 * ({@code tumen.probe.samples}, {@code tumen.probe.classes}, {@code tumen.probe.family} as named).
 * It prints one line per population: LCMCR's median and interval over N, and its R̂ and ESS.
 */
@EnabledIfSystemProperty(named = "tumen.lcmcrProbe", matches = "true")
class LcmcrProbe {
  @Test
  void run() throws Exception {
    long seed = Long.getLong("tumen.coverageStudy.seed", 3);
    Path dir = Path.of(System.getProperty("tumen.coverageStudy.out", "target-coverage"));
    Files.createDirectories(dir);
    Family f = Family.valueOf(System.getProperty("tumen.probe.family", "LATENT_CLASSES"));
    String ids = System.getProperty("tumen.probe.ids", "");
    int burn = Integer.getInteger("tumen.probe.burnin", 10_000);
    int samples = Integer.getInteger("tumen.probe.samples", 1_000);
    int thin = Integer.getInteger("tumen.probe.thin", 10);
    int classes = Integer.getInteger("tumen.probe.classes", 10);
    for (int r = 0; r < 40; r++) {
      int lists = 3 + r % 4;
      int population = FamilyCoverageStudy.SIZES[(r / 4) % FamilyCoverageStudy.SIZES.length];
      int id = f.ordinal() * 40 + r + 1;
      if (!ids.isBlank() && !List.of(ids.split(",")).contains(Integer.toString(id))) {
        continue;
      }
      FamilyCoverageStudy.Case c =
          FamilyCoverageStudy.draw(id, f, lists, population, seed * 1_000_003L + id, dir);
      long t0 = System.nanoTime();
      PopulationEstimate e =
          Lcmcr.estimate(
              c.t(), new LcmcrOptions(classes, burn, samples, thin, seed * 1_000_003L + id, 3));
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "PROBE %d K=%d N=%d n=%d lcmcr %.3f (%.3f-%.3f) %s %.1fs %s%n",
          id,
          lists,
          population,
          c.t().observed(),
          e.estimate() / population,
          e.interval().lower() / population,
          e.interval().upper() / population,
          e.interval().lower() <= population && population <= e.interval().upper(),
          s,
          e.diagnostics().convergence());
    }
  }
}
