package org.tumen.estimate.lcmcr;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.tumen.estimate.CaptureTable;

/**
 * Capture tables drawn from a latent-class model with known N: each of N people falls in class k
 * with probability {@code weights[k]} and is on list j with probability {@code capture[k][j]},
 * independently given the class (the LCMCR data model of Manrique-Vallier 2016, eq. 1).
 */
final class LatentClassTables {
  private LatentClassTables() {}

  static CaptureTable draw(
      UniformRandomProvider rng, int population, double[] weights, double[][] capture) {
    int lists = capture[0].length;
    long[] counts = new long[1 << lists];
    for (int i = 0; i < population; i++) {
      double u = rng.nextDouble();
      int k = 0;
      while (k < weights.length - 1 && u >= weights[k]) {
        u -= weights[k];
        k++;
      }
      int pattern = 0;
      for (int j = 0; j < lists; j++) {
        if (rng.nextDouble() < capture[k][j]) {
          pattern |= 1 << j;
        }
      }
      counts[pattern]++;
    }
    counts[0] = 0; // the people no list saw are what the estimators must find
    List<String> names = IntStream.rangeClosed(1, lists).mapToObj(j -> "list" + j).toList();
    return new CaptureTable(names, counts);
  }
}
