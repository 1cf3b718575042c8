package org.tumen.estimate.loglinear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.MseData;
import org.tumen.estimate.PopulationEstimate;

class ModelAveragingTest {
  private static final List<String> THREE_LIST_MODELS =
      List.of(
          "Mt",
          "Mt+[1,2]",
          "Mt+[1,3]",
          "Mt+[2,3]",
          "Mt+[1,2]+[1,3]",
          "Mt+[1,2]+[2,3]",
          "Mt+[1,3]+[2,3]",
          "Mt+[1,2]+[1,3]+[2,3]");

  /**
   * The average over the eight hierarchical models of three lists, recomputed from each model's own
   * fit (its AIC and Rcapture standard error, both checked against Rcapture in
   * PublishedFiguresTest): Akaike weights, the mean of ln(N̂ − n), and Burnham & Anderson's revised
   * variance. Hepatitis A in Taiwan (Chao et al. 2001, Table 1).
   */
  @Test
  void averagesTheEightThreeListModelsByAkaikeWeight() {
    CaptureTable t = MseData.table("hepatitis_a_taiwan");
    long n = t.observed();
    double best = Double.POSITIVE_INFINITY;
    List<PopulationEstimate> fits =
        THREE_LIST_MODELS.stream()
            .map(m -> LogLinear.fit(t, m))
            .filter(e -> e.isEstimable())
            .toList();
    for (PopulationEstimate e : fits) {
      best = Math.min(best, e.diagnostics().aic());
    }
    double total = 0;
    double mean = 0;
    for (PopulationEstimate e : fits) {
      double w = Math.exp(-(e.diagnostics().aic() - best) / 2);
      total += w;
      mean += w * Math.log(e.estimate() - n);
    }
    mean /= total;
    double variance = 0;
    for (PopulationEstimate e : fits) {
      double w = Math.exp(-(e.diagnostics().aic() - best) / 2) / total;
      double se = e.diagnostics().standardError();
      double theta = Math.log(e.estimate() - n);
      variance += w * (Math.pow(se / (e.estimate() - n), 2) + Math.pow(theta - mean, 2));
    }
    PopulationEstimate avg = LogLinear.average(t, 2);
    assertThat(fits).hasSizeGreaterThan(4);
    assertThat(avg.estimate()).isCloseTo(n + Math.exp(mean), within(1e-6 * n));
    double z = 1.959963984540054;
    assertThat(avg.interval().lower())
        .isCloseTo(n + Math.exp(mean - z * Math.sqrt(variance)), within(1e-6 * n));
    assertThat(avg.interval().upper())
        .isCloseTo(n + Math.exp(mean + z * Math.sqrt(variance)), within(1e-6 * n));
    assertThat(avg.diagnostics().convergence()).containsEntry("modelsCompared", 8);
  }

  /** The average lies among the models' estimates and its interval holds it, above n. */
  @Test
  void theAverageLiesAmongTheModelsAndItsIntervalHoldsIt() {
    for (String name : List.of("hiv_rome", "diabetes_italy", "census_darroch_r3")) {
      CaptureTable t = MseData.table(name);
      PopulationEstimate avg = LogLinear.average(t, 2);
      PopulationEstimate aic = LogLinear.select(t, Criterion.AIC, 2, 0, 1);
      assertThat(avg.isEstimable()).as(name).isTrue();
      assertThat(avg.interval().lower()).as(name).isBetween((double) t.observed(), avg.estimate());
      assertThat(avg.interval().upper()).as(name).isGreaterThan(avg.estimate());
      // averaging over models can only widen the chosen model's uncertainty, not remove it
      assertThat(avg.interval().upper() - avg.interval().lower())
          .as(name)
          .isGreaterThan(0.5 * (aic.interval().upper() - aic.interval().lower()));
    }
  }
}
