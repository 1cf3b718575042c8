package org.tumen.estimate.dga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.PopulationEstimate;

/** Invariants of the graph-averaged posterior that hold for every table. */
class DgaPropertiesTest {
  /** Tables of 3 or 4 lists with every list overlapping (cells 1–300), plus a list order. */
  @Provide
  Arbitrary<CaptureTable> tables() {
    return Arbitraries.of(3, 4)
        .flatMap(
            k ->
                Arbitraries.longs()
                    .between(1, 300)
                    .array(long[].class)
                    .ofSize((1 << k) - 1)
                    .map(
                        c -> {
                          long[] counts = new long[1 << k];
                          System.arraycopy(c, 0, counts, 1, c.length);
                          List<String> names = new ArrayList<>();
                          for (int i = 0; i < k; i++) {
                            names.add("list" + (i + 1));
                          }
                          return new CaptureTable(names, counts);
                        }));
  }

  /** The posterior is a distribution: graph probabilities sum to 1, the quantiles are in order. */
  @Property(tries = 40)
  void posteriorIsProper(@ForAll("tables") CaptureTable table) {
    Posterior p = posterior(table, total -> -Math.log(total));
    double sum = 0;
    for (double g : p.graphProbabilities()) {
      assertThat(g).isBetween(0.0, 1.0);
      sum += g;
    }
    assertThat(sum).isCloseTo(1.0, within(1e-9));
    double lower = p.quantile(0.025);
    double median = p.quantile(0.5);
    double upper = p.quantile(0.975);
    assertThat(lower).isGreaterThanOrEqualTo(table.observed());
    assertThat(median).isBetween(lower, upper);
  }

  /**
   * A prior that favours larger totals (its ratio to the other prior rises with N) gives a
   * stochastically larger posterior, since the posteriors' ratio is the priors' ratio: every
   * quantile under p(N) ∝ 1/N is at least its value under p(N) ∝ 1/N².
   */
  @Property(tries = 40)
  void posteriorIsMonotoneInThePrior(@ForAll("tables") CaptureTable table) {
    Posterior flatter = posterior(table, total -> -Math.log(total));
    Posterior steeper = posterior(table, total -> -2 * Math.log(total));
    for (double q : new double[] {0.025, 0.25, 0.5, 0.75, 0.975}) {
      assertThat(flatter.quantile(q))
          .as("quantile %s", q)
          .isGreaterThanOrEqualTo(steeper.quantile(q));
    }
  }

  /**
   * Which list is called first changes nothing: every graph is averaged over in every labelling.
   */
  @Property(tries = 30)
  void listOrderDoesNotMatter(@ForAll("tables") CaptureTable table, @ForAll("seeds") long seed) {
    int k = table.listCount();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new java.util.Random(seed));
    long[] permuted = new long[1 << k];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      names.add(table.lists().get(order.get(i)));
    }
    for (int p = 1; p < permuted.length; p++) {
      int q = 0;
      for (int i = 0; i < k; i++) {
        q |= (p >> order.get(i) & 1) << i;
      }
      permuted[q] = table.count(p);
    }
    PopulationEstimate a = Dga.estimate(table);
    PopulationEstimate b = Dga.estimate(new CaptureTable(names, permuted));
    assertThat(b.estimate()).isCloseTo(a.estimate(), within(1.0));
    assertThat(b.interval().lower()).isCloseTo(a.interval().lower(), within(1.0));
    assertThat(b.interval().upper()).isCloseTo(a.interval().upper(), within(1.0));
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  private static Posterior posterior(
      CaptureTable table, java.util.function.DoubleUnaryOperator prior) {
    int k = table.listCount();
    return Posterior.of(table, Dga.defaultDelta(k), DecomposableGraph.all(k), prior);
  }
}
