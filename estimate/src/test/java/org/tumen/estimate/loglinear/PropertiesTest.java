package org.tumen.estimate.loglinear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the log-linear fit that hold for every table. */
class PropertiesTest {

  /** A table of 3 or 4 lists, every cell between 1 and 400 (so every model below exists). */
  @Provide
  Arbitrary<double[]> tables() {
    return Arbitraries.of(3, 4)
        .flatMap(
            k ->
                Arbitraries.integers()
                    .between(1, 400)
                    .array(int[].class)
                    .ofSize((1 << k) - 1)
                    .map(
                        c -> {
                          double[] y = new double[1 << k];
                          for (int p = 1; p < y.length; p++) {
                            y[p] = c[p - 1];
                          }
                          return y;
                        }));
  }

  private static int lists(double[] y) {
    return Integer.numberOfTrailingZeros(y.length);
  }

  private static final List<String> MODELS =
      List.of("M0", "Mt", "Mt+[1,2]", "Mt+[1,2]+[2,3]", "Mth-chao", "Mth-poisson2", "Mh-darroch");

  /**
   * Poisson likelihood equations for the intercept: the fitted values sum to the observed total.
   */
  @Property(tries = 60)
  void fittedValuesSumToTheObservedTotal(
      @ForAll("tables") double[] y, @ForAll @IntRange(min = 0, max = 6) int which) {
    Model m = Model.parse(MODELS.get(which), lists(y));
    Fit f = new Fitter().fit(m, y, null);
    assertThat(f.estimable()).isTrue();
    double[] x = Fitter.design(m, f.active(), f.cells());
    int p = f.parameters();
    double sum = 0;
    for (int r = 0; r < f.cells().length; r++) {
      double eta = 0;
      for (int j = 0; j < p; j++) {
        eta += x[r * p + j] * f.beta()[j];
      }
      sum += Math.exp(eta);
    }
    assertThat(sum).isCloseTo(f.observed(), within(1e-6 * f.observed()));
  }

  @Property(tries = 60)
  void estimateIsNeverBelowTheObserved(
      @ForAll("tables") double[] y, @ForAll @IntRange(min = 0, max = 6) int which) {
    Fit f = new Fitter().fit(Model.parse(MODELS.get(which), lists(y)), y, null);
    assertThat(f.estimate()).isGreaterThanOrEqualTo(f.observed());
  }

  /**
   * Renaming the lists changes nothing: permuting the columns of the table (and the lists named in
   * the model's terms) gives the same estimate, deviance and interval.
   */
  @Property(tries = 40)
  void relabellingListsChangesNothing(
      @ForAll("tables") double[] y,
      @ForAll @IntRange(min = 0, max = 6) int which,
      @ForAll("seeds") long seed) {
    int k = lists(y);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new java.util.Random(seed));
    double[] permuted = new double[y.length];
    for (int p = 1; p < y.length; p++) {
      permuted[permute(p, order)] = y[p];
    }
    Model m = Model.parse(MODELS.get(which), k);
    List<Integer> terms = m.terms().stream().map(t -> permute(t, order)).toList();
    Model pm = new Model(k, m.timeEffects(), m.heterogeneity(), terms);
    Fit a = new Fitter().fit(m, y, null);
    Fit b = new Fitter().fit(pm, permuted, null);
    assertThat(b.estimate()).isCloseTo(a.estimate(), within(1e-6 * a.estimate()));
    assertThat(b.deviance()).isCloseTo(a.deviance(), within(1e-6));
    assertThat(b.df()).isEqualTo(a.df());
  }

  /** Selection too: the chosen estimate does not depend on the order of the lists. */
  @Property(tries = 10)
  void selectionIgnoresListOrder(@ForAll("tables") double[] y, @ForAll("seeds") long seed) {
    int k = lists(y);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new java.util.Random(seed));
    double[] permuted = new double[y.length];
    for (int p = 1; p < y.length; p++) {
      permuted[permute(p, order)] = y[p];
    }
    Fit a = new Selection(k, Criterion.AIC, 2).select(y).best();
    Fit b = new Selection(k, Criterion.AIC, 2).select(permuted).best();
    assertThat(b.aic()).isCloseTo(a.aic(), within(1e-6));
    assertThat(b.estimate()).isCloseTo(a.estimate(), within(1e-5 * a.estimate()));
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  private static int permute(int pattern, List<Integer> order) {
    int out = 0;
    for (int i = 0; i < order.size(); i++) {
      if ((pattern >> i & 1) == 1) {
        out |= 1 << order.get(i);
      }
    }
    return out;
  }
}
