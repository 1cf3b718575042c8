package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ComparedPairsTest {

  /** Pairs come back in the order added, each with its own pattern, however many patterns. */
  @Property(tries = 50)
  void givesBackEveryPairWithItsPattern(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 5_000) int pairs,
      @ForAll @IntRange(min = 1, max = 3_000) int distinctPatterns) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] palette = new long[distinctPatterns];
    for (int i = 0; i < palette.length; i++) {
      palette[i] = rnd.nextLong() >>> 4; // patterns use at most 60 bits
    }
    ComparedPairs c = new ComparedPairs();
    List<long[]> expected = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      int a = rnd.nextInt(1 << 24);
      int b = rnd.nextInt(1 << 24);
      long p = i % 7 == 0 ? 0L : palette[rnd.nextInt(palette.length)];
      c.add(a, b, p);
      expected.add(new long[] {a, b, p});
    }
    List<long[]> actual = new ArrayList<>();
    c.forEach((a, b, p) -> actual.add(new long[] {a, b, p}));
    assertThat(c.size()).isEqualTo(pairs);
    assertThat(actual).containsExactlyElementsOf(expected);
  }
}
