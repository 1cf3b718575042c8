package org.tumen.estimate.dga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumen.estimate.MseData;
import org.tumen.estimate.PopulationEstimate;

/**
 * Against R's dga 2.0.2 (Johndrow, Lum, Ball & Binette; CRAN, 2025-09-21), installed from its CRAN
 * source with {@code R CMD INSTALL} under R 4.2.2 Patched (2022-11-10 r83330) on Debian 12, run on
 * 2026-12-07. For each table of ../shared/data/mse, Y is the 2^K array with {@code Y[1 + Σ x_i
 * 2^(i-1)]} = count, and the call is
 *
 * <pre>
 *   w &lt;- bma.cr(Y, Nmissing = 0:(F * sum(Y)), delta = DELTA, graphs = graphsK)
 *   post &lt;- colSums(w); N &lt;- 0:(F * sum(Y)) + sum(Y); cdf &lt;- cumsum(post)
 *   q &lt;- function(a) N[min(which(cdf &gt;= a))]; c(q(0.5), q(0.025), q(0.975))
 * </pre>
 *
 * with the default log prior −log(N) and equal graph weights; F (the grid's width in multiples of
 * the observed) is wide enough that the posterior at the grid's end is below 1e-8 of its peak, so
 * that R's truncation does not move the quantiles. The figures are R's; the tolerance is the 1% of
 * issue 11 (our grid is exact up to 2,000 unobserved and relative to 1/2,000 beyond).
 */
class DgaReferenceTest {
  @ParameterizedTest(name = "{0} δ={1}")
  @CsvSource({
    // table, delta, R median, R 2.5%, R 97.5%, F
    "occupational_deaths_3lists,    0.125,   222,   210,   256,  100",
    "hiv_rome,                      0.0625,  11220, 9404,  14095, 100",
    "hiv_rome,                      1,       1986,  1899,  2426,  20",
    "kosovo_1999,                   0.0625,  12595, 9827,  16544, 100",
    "diabetes_italy,                0.0625,  2471,  2376,  2589,  100",
    "occupational_deaths_4lists,    0.0625,  216,   215,   241,   100",
    "new_orleans_5lists,            0.03125, 869,   511,   1762,  200",
    "uk_modern_slavery_2013_5lists, 0.03125, 22990, 10387, 33510, 100",
    "congenital_anomaly_massachusetts, 0.03125, 618, 590,  656,   100",
    "hepatitis_a_taiwan,            0.125,   293,   271,   1427,  5000",
  })
  void matchesRsDga(String table, double delta, double median, double lower, double upper) {
    PopulationEstimate e = Dga.estimate(MseData.table(table), delta);
    assertThat(e.estimate()).as("median").isCloseTo(median, within(0.01 * median));
    assertThat(e.interval().lower()).as("2.5%").isCloseTo(lower, within(0.01 * lower));
    assertThat(e.interval().upper()).as("97.5%").isCloseTo(upper, within(0.01 * upper));
    System.out.printf(
        "%s δ=%s: %.0f (%.0f–%.0f) vs R %.0f (%.0f–%.0f)%n",
        table,
        delta,
        e.estimate(),
        e.interval().lower(),
        e.interval().upper(),
        median,
        lower,
        upper);
  }
}
