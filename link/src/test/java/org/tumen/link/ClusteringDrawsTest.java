package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.tumen.model.Progress;

/** Alternative clusterings drawn from the pair probabilities ({@link Linker#withDraws}). */
class ClusteringDrawsTest {

  @Property
  void noiseIsAFixedSymmetricFunctionOfThePair(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = (1 << 24) - 1) int a,
      @ForAll @IntRange(min = 0, max = (1 << 24) - 1) int b) {
    Clustering.Noise noise = Clustering.drawNoise(seed);
    assertThat(noise.bits(a, b)).isEqualTo(noise.bits(b, a));
    assertThat(Clustering.drawNoise(seed).bits(a, b)).isEqualTo(noise.bits(a, b));
    assertThat(noise.bits(a, b)).isFinite();
  }

  /**
   * A pair of weight w (bits) plus the noise is positive with probability 1 / (1 + 2^-w), its match
   * probability: 200,000 pairs per weight, so the standard error is at most 0.0011.
   */
  @Example
  void aLonePairIsALinkWithItsMatchProbability() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (double w : new double[] {-4, -1, 0, 0.5, 2, 5}) {
      Clustering.Noise noise = Clustering.drawNoise(rnd.nextLong());
      int links = 0;
      int n = 200_000;
      for (int i = 0; i < n; i++) {
        if (w + noise.bits(rnd.nextInt(1 << 24), rnd.nextInt(1 << 24)) >= 0) {
          links++;
        }
      }
      assertThat((double) links / n).as("w = %s", w).isCloseTo(Model.probability(w), within(0.006));
    }
  }

  @Property(tries = 8)
  void drawsLeaveTheClusteringAloneAndPartitionTheRecords(
      @ForAll long seed, @ForAll @IntRange(min = 5, max = 200) int size) {
    List<SourceTable> t = LinkerPropertiesTest.lists(seed, size);
    LinkSpec spec = LinkSpec.infer(t);
    LinkResult plain = new Linker().withThreads(1).link(t, spec, Progress.NONE);
    LinkResult drawn = new Linker().withThreads(2).withDraws(5).link(t, spec, Progress.NONE);
    // Pairs down to a probability of 0.01 are kept for the draws, but not shown.
    assertThat(drawn.pairA).isEqualTo(plain.pairA);
    assertThat(drawn.pairWeight).isEqualTo(plain.pairWeight);
    assertThat(drawn.cluster).isEqualTo(plain.cluster);
    assertThat(plain.drawCount()).isZero();
    assertThat(drawn.drawCount()).isEqualTo(5);
    // draws sample by probability, whatever threshold the clusters use
    LinkResult again =
        new Linker().withThreads(1).withDraws(5).link(t, spec.withThreshold(0.9), Progress.NONE);
    for (int d = 0; d < 5; d++) {
      int clusters = 0;
      for (int i = 0; i < drawn.size(); i++) {
        int c = drawn.drawnClusterOf(d, i);
        assertThat(c).isEqualTo(again.drawnClusterOf(d, i)).isBetween(0, drawn.size() - 1);
        // numbered by first record: a new number is always the next one
        assertThat(c).isLessThanOrEqualTo(clusters);
        clusters = Math.max(clusters, c + 1);
      }
    }
  }
}
