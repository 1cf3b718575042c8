package org.tumen.simulate;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent, reproducible random streams derived from one seed: the population, and for each list
 * its captures and its writing. Separate streams keep a list's records the same whatever other
 * lists a run includes, and keep capture histories the same whether or not files are written.
 */
final class RandomStreams {
  static final long POPULATION = 0;
  private static final long CAPTURE = 1_000;
  private static final long RENDER = 2_000;

  private RandomStreams() {}

  static UniformRandomProvider population(long seed) {
    return stream(seed, POPULATION);
  }

  static UniformRandomProvider capture(long seed, int list) {
    return stream(seed, CAPTURE + list);
  }

  static UniformRandomProvider render(long seed, int list) {
    return stream(seed, RENDER + list);
  }

  /** The interviews of witnesses: who travelled together, who was interviewed, what they said. */
  static UniformRandomProvider witnesses(long seed) {
    return stream(seed, 4_000);
  }

  /** Person ids: a random odd multiplier and offset make index → id a bijection modulo 2^32. */
  static long[] idKey(long seed) {
    UniformRandomProvider r = stream(seed, 3_000);
    return new long[] {r.nextLong() | 1L, r.nextLong()};
  }

  private static UniformRandomProvider stream(long seed, long stream) {
    // SplitMix64 turns (seed, stream) into a well-mixed 128-bit state for xoroshiro128++.
    UniformRandomProvider mix =
        RandomSource.SPLIT_MIX_64.create(seed ^ (stream * 0x9E3779B97F4A7C15L));
    return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {mix.nextLong(), mix.nextLong()});
  }
}
