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
 * Measurements, not part of the suite: on the family study's populations (same seeds as {@link
 * FamilyCoverageStudy}), the profile likelihood of N under the two-class latent-class model of
 * {@link org.tumen.estimate.lcmcr.LatentClassProfile} and Chao's Mth lower bound, every family.
 * Writes {@code latent-SEED.csv}. Run with {@code -Dtumen.latentSensitivity=true}.
 */
@EnabledIfSystemProperty(named = "tumen.latentSensitivity", matches = "true")
class LatentSensitivityMeasurements {
  @Test
  void run() throws Exception {
    long seed = Long.getLong("tumen.coverageStudy.seed", 2);
    int perFamily = 40;
    Path dir = Path.of(System.getProperty("tumen.coverageStudy.out", "target-coverage"));
    Files.createDirectories(dir);
    String families = System.getProperty("tumen.coverageStudy.families", "");
    Path out = dir.resolve("latent-" + seed + ".csv");
    Files.writeString(
        out,
        "case,family,lists,population,observed,method,estimate,lower,upper,weight,chance,seconds,deviance,params\n");
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
        StringBuilder sb = new StringBuilder();
        PopulationEstimate chao = LogLinear.fit(c.t(), "Mth-chao");
        sb.append(
            row(
                c,
                "Mth-chao",
                chao.isEstimable()
                    ? new double[] {
                      chao.estimate(),
                      chao.interval().lower(),
                      chao.interval().upper(),
                      0,
                      0,
                      0,
                      0,
                      0
                    }
                    : null));
        if (lists >= 4) {
          org.tumen.estimate.loglinear.LogLinear.Averaged avg = LogLinear.averaged(c.t(), 2);
          PopulationEstimate top = LogLinear.fit(c.t(), avg.topModel());
          int cellsSeen = (1 << lists) - 1;
          sb.append(
              row(
                  c,
                  "LL-top " + avg.topModel().replace(",", ";"),
                  new double[] {
                    top.estimate() == null ? Double.NaN : top.estimate(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    top.diagnostics().deviance(),
                    cellsSeen - top.diagnostics().df()
                  }));
          long t0 = System.nanoTime();
          PopulationEstimate lc =
              org.tumen.estimate.lcmcr.LatentClassProfile.estimate(c.t(), seed * 1_000_003L + id);
          double s = (System.nanoTime() - t0) / 1e9;
          sb.append(
              row(
                  c,
                  "latent2",
                  new double[] {
                    lc.estimate(),
                    lc.interval().lower(),
                    lc.interval().upper(),
                    ((Number) lc.diagnostics().convergence().get("hardestClassWeight"))
                        .doubleValue(),
                    ((Number) lc.diagnostics().convergence().get("hardestClassMeanChance"))
                        .doubleValue(),
                    s,
                    lc.diagnostics().deviance(),
                    2 * lists + 2
                  }));
        }
        Files.writeString(out, sb.toString(), java.nio.file.StandardOpenOption.APPEND);
        System.out.println("case " + id);
      }
    }
  }

  private static String row(FamilyCoverageStudy.Case c, String method, double[] v) {
    String numbers =
        v == null
            ? ",,,,,,,"
            : String.format(
                Locale.ROOT,
                "%s,%s,%s,%s,%s,%.2f,%s,%s",
                v[0],
                v[1],
                v[2],
                v[3],
                v[4],
                v[5],
                v[6],
                v[7]);
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
