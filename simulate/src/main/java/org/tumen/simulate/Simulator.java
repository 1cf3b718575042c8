package org.tumen.simulate;

import java.util.Arrays;

/**
 * The simulator's way in: draws a synthetic population person by person, decides which lists record
 * each one, and (in {@code simulate}) writes the lists and the truth.
 */
public final class Simulator {
  private Simulator() {}

  /**
   * The true capture histories of {@code population} people, computed without writing anything.
   * They are exactly the histories of the truth file that {@code simulate} writes with the same
   * arguments.
   */
  public static CaptureHistories captureHistories(Scenario scenario, int population, long seed) {
    if (population < 0) {
      throw new IllegalArgumentException("population must not be negative");
    }
    PopulationGenerator people = new PopulationGenerator(scenario, seed);
    CaptureModel capture = new CaptureModel(scenario, seed);
    int[] masks = new int[Math.min(population, 1 << 16)];
    int n = 0;
    for (int i = 0; i < population; i++) {
      int m = capture.draw(people.next());
      if (m != 0) {
        if (n == masks.length) {
          masks = Arrays.copyOf(masks, masks.length * 2);
        }
        masks[n++] = m;
      }
    }
    return new CaptureHistories(scenario.listNames(), population, Arrays.copyOf(masks, n));
  }
}
