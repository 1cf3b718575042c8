package org.tumen.estimate.lcmcr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.stat.inference.ChiSquareTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MultinomialTest {
  /**
   * Chi-square goodness of fit of 200,000 draws against the exact binomial pmf (Hipparchus), cells
   * pooled to expected counts ≥ 5. Rows cover both algorithms (inversion below mean 10, transformed
   * rejection above) and the p > ½ reflection. A wrong acceptance step in BTRS shifts mass by far
   * more than the 1e-4 p-value threshold tolerates at this sample size.
   */
  @ParameterizedTest(name = "Bin({0}, {1})")
  @CsvSource({
    "20, 0.3",
    "1000, 0.004",
    "12, 0.5",
    "200, 0.06",
    "1000, 0.3",
    "100000, 0.7",
    "60, 0.45",
    "5000000, 0.0001",
    "3000, 0.999"
  })
  void binomialMatchesExactDistribution(int n, double p) {
    UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(11L * n);
    int draws = 200_000;
    BinomialDistribution exact = new BinomialDistribution(n, p);
    double sd = Math.sqrt(n * p * (1 - p));
    int lo = (int) Math.max(0, Math.floor(n * p - 8 * sd - 5));
    int hi = (int) Math.min(n, Math.ceil(n * p + 8 * sd + 5));
    long[] observed = new long[hi - lo + 1];
    for (int i = 0; i < draws; i++) {
      long x = Multinomial.binomial(rng, n, p);
      assertThat(x).isBetween((long) lo, (long) hi);
      observed[(int) (x - lo)]++;
    }
    List<double[]> cells = new ArrayList<>();
    double expected = 0;
    long count = 0;
    for (int x = lo; x <= hi; x++) {
      expected += draws * exact.probability(x);
      count += observed[x - lo];
      if (expected >= 5) {
        cells.add(new double[] {expected, count});
        expected = 0;
        count = 0;
      }
    }
    cells.get(cells.size() - 1)[0] += expected;
    cells.get(cells.size() - 1)[1] += count;
    double[] e = cells.stream().mapToDouble(c -> c[0]).toArray();
    long[] o = cells.stream().mapToLong(c -> (long) c[1]).toArray();
    assertThat(new ChiSquareTest().chiSquareTest(e, o)).isGreaterThan(1e-4);
  }

  @Property
  void multinomialCountsAddUpAndSkipEmptyClasses(
      @ForAll @LongRange(min = 0, max = 10_000_000) long n,
      @ForAll @Size(min = 1, max = 12) List<@DoubleRange(min = 0, max = 5) Double> weights,
      @ForAll long seed) {
    double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
    if (Arrays.stream(w).noneMatch(x -> x > 0)) {
      w[w.length - 1] = 1;
    }
    long[] out = new long[w.length];
    Multinomial.sample(RandomSource.XO_SHI_RO_256_PP.create(seed), n, w, w.length, out);
    assertThat(Arrays.stream(out).sum()).isEqualTo(n);
    for (int k = 0; k < w.length; k++) {
      assertThat(out[k]).isNotNegative();
      if (w[k] == 0) {
        assertThat(out[k]).isZero();
      }
    }
  }

  @ParameterizedTest(name = "n = {0}")
  @CsvSource({"9", "100000"})
  void multinomialMarginalsHaveTheRightMeans(long n) {
    // Both paths (one trial at a time, conditional binomials): E[X_k] = n w_k / Σw.
    double[] w = {0.5, 0, 3, 1e-3, 1.5};
    UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(n);
    int reps = 20_000;
    double[] sum = new double[w.length];
    long[] out = new long[w.length];
    for (int r = 0; r < reps; r++) {
      Multinomial.sample(rng, n, w, w.length, out);
      for (int k = 0; k < w.length; k++) {
        sum[k] += out[k];
      }
    }
    double total = Arrays.stream(w).sum();
    for (int k = 0; k < w.length; k++) {
      double p = w[k] / total;
      double mean = n * p;
      double se = Math.sqrt(n * p * (1 - p) / reps);
      assertThat(sum[k] / reps).isCloseTo(mean, org.assertj.core.data.Offset.offset(5 * se + 1e-9));
    }
  }
}
