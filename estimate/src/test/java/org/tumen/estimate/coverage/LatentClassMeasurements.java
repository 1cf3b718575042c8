package org.tumen.estimate.coverage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.loglinear.LogLinear;
import org.tumen.simulate.Family;

/**
 * Measurements behind docs/coverage-study.md ("Latent classes: why the default misses"), not part
 * of the test suite: on the study's populations (same seeds as {@link FamilyCoverageStudy}), the
 * log-linear heterogeneity models of Rcapture one by one, and the profile likelihood of N under a
 * two-class latent-class model ({@link org.tumen.estimate.lcmcr.LatentClassProfile}, four lists or
 * more: with three, two classes have more parameters than the table has cells). Run with
 *
 * <pre>
 * nice -n 10 mvn -B -o -Dtumen.target=target-coverage -Dspotless.check.skip=true -pl estimate -am \
 *     test -Dtest=LatentClassMeasurements -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtumen.latentClassMeasurements=true -Dtumen.coverageStudy.families=LATENT_CLASSES
 * </pre>
 *
 * It writes {@code heterogeneity-SEED.csv} into {@code -Dtumen.coverageStudy.out} (default {@code
 * target-coverage}).
 */
@EnabledIfSystemProperty(named = "tumen.latentClassMeasurements", matches = "true")
class LatentClassMeasurements {
  @Test
  void run() throws Exception {
    long seed = Long.getLong("tumen.coverageStudy.seed", 2);
    int perFamily = 40;
    Path dir = Path.of(System.getProperty("tumen.coverageStudy.out", "target-coverage"));
    Files.createDirectories(dir);
    String families = System.getProperty("tumen.coverageStudy.families", "");
    StringBuilder sb =
        new StringBuilder("case,family,lists,population,observed,method,estimate,lower,upper\n");
    List<String> models =
        List.of(
            "Mh-darroch",
            "Mth-darroch",
            "Mth-poisson2",
            "Mth-gamma3.5",
            "Mh-gamma3.5",
            "Mth-chao",
            "Mh-chao",
            "Mt");
    for (Family f : Family.values()) {
      if (!families.isBlank() && !List.of(families.split(",")).contains(f.name())) {
        continue;
      }
      for (int r = 0; r < perFamily; r++) {
        int lists = 3 + r % 4;
        int population = FamilyCoverageStudy.SIZES[(r / 4) % FamilyCoverageStudy.SIZES.length];
        int id = f.ordinal() * perFamily + r + 1;
        FamilyCoverageStudy.Case c =
            FamilyCoverageStudy.draw(id, f, lists, population, seed * 1_000_003L + id, dir);
        for (String m : models) {
          PopulationEstimate e = LogLinear.fit(c.t(), m);
          sb.append(
              row(
                  c,
                  m,
                  e.isEstimable()
                      ? new double[] {e.estimate(), e.interval().lower(), e.interval().upper()}
                      : null));
        }
        if (lists >= 4) {
          // Tumen's estimator since branch `latent` (its upper end is infinite where the profile
          // is flat above); the figures in coverage-study.md's "why the default misses" were made
          // before it, with a measurement-only profile of this file's history (commit 66c3dd6).
          PopulationEstimate lc =
              org.tumen.estimate.lcmcr.LatentClassProfile.estimate(c.t(), seed + id);
          sb.append(
              row(
                  c,
                  "latent-class MLE C=2",
                  lc.isEstimable()
                      ? new double[] {lc.estimate(), lc.interval().lower(), lc.interval().upper()}
                      : null));
        }
      }
    }
    Files.writeString(dir.resolve("heterogeneity-" + seed + ".csv"), sb.toString());
  }

  /** One CSV line; {@code values} (estimate, lower, upper) null when the model gives no number. */
  private static String row(FamilyCoverageStudy.Case c, String method, double[] values) {
    String numbers =
        values == null
            ? ",,"
            : String.format(Locale.ROOT, "%s,%s,%s", values[0], values[1], values[2]);
    return String.format(
        Locale.ROOT,
        "%d,%s,%d,%d,%d,%s,%s%n",
        c.id(),
        c.family(),
        c.lists(),
        c.population(),
        c.t().observed(),
        method,
        numbers);
  }
}
