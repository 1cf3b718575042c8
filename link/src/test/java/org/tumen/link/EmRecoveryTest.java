package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * EM with u fixed recovers known m and λ from comparison vectors drawn from a Fellegi–Sunter model
 * (conditional independence of fields given match status), as Winkler (1988) shows it should.
 */
class EmRecoveryTest {

  private static final double[][] M = {
    {0.85, 0.10, 0.05}, {0.70, 0.20, 0.10}, {0.90, 0.07, 0.03}, {0.95, 0.05}
  };
  private static final double[][] U = {
    {0.01, 0.04, 0.95}, {0.02, 0.08, 0.90}, {0.005, 0.02, 0.975}, {0.5, 0.5}
  };
  private static final double LAMBDA = 0.2;

  private static int draw(double[] p, SplittableRandom rnd) {
    double x = rnd.nextDouble();
    for (int l = 0; l < p.length - 1; l++) {
      x -= p[l];
      if (x < 0) {
        return l;
      }
    }
    return p.length - 1;
  }

  @Test
  void recoversMAndLambda() {
    SplittableRandom rnd = new SplittableRandom(42);
    PatternCounts counts = new PatternCounts();
    for (int i = 0; i < 200_000; i++) {
      double[][] p = rnd.nextDouble() < LAMBDA ? M : U;
      long pattern = 0;
      for (int f = 0; f < p.length; f++) {
        int level = rnd.nextDouble() < 0.05 ? Field.MISSING : draw(p[f], rnd);
        pattern |= (long) level << (4 * f);
      }
      counts.add(pattern, 1, 1);
    }
    double[][] start = {{0.6, 0.2, 0.2}, {0.6, 0.2, 0.2}, {0.6, 0.2, 0.2}, {0.6, 0.4}};
    Estimation.Fit fit = Estimation.em(counts.table(), new boolean[4], U, start);
    assertThat(fit.lambda()).isCloseTo(LAMBDA, within(0.005));
    for (int f = 0; f < M.length; f++) {
      double[] m = Estimation.normalised(fit.expected()[f]);
      for (int l = 0; l < M[f].length; l++) {
        assertThat(m[l]).as("m[%d][%d]", f, l).isCloseTo(M[f][l], within(0.01));
      }
    }
  }

  @Test
  void maskedFieldsAreLeftOut() {
    SplittableRandom rnd = new SplittableRandom(7);
    PatternCounts counts = new PatternCounts();
    for (int i = 0; i < 100_000; i++) {
      double[][] p = rnd.nextDouble() < LAMBDA ? M : U;
      long pattern = 0;
      for (int f = 0; f < p.length; f++) {
        // field 0 agrees always, as if it were the blocking key
        int level = f == 0 ? 0 : draw(p[f], rnd);
        pattern |= (long) level << (4 * f);
      }
      counts.add(pattern, 1, 1);
    }
    double[][] start = {{0.6, 0.2, 0.2}, {0.6, 0.2, 0.2}, {0.6, 0.2, 0.2}, {0.6, 0.4}};
    Estimation.Fit fit =
        Estimation.em(counts.table(), new boolean[] {true, false, false, false}, U, start);
    assertThat(fit.lambda()).isCloseTo(LAMBDA, within(0.01));
    assertThat(fit.expected()[0]).containsOnly(0.0);
    assertThat(Estimation.normalised(fit.expected()[2])[0]).isCloseTo(0.90, within(0.01));
  }

  /**
   * The levels of issue 11 as the linker lays them out (names with "reordered", dates with years
   * one and two apart, years by distance, places that sound alike), with a year field far noisier
   * than our simulator's and a sex field that almost never disagrees among matches: EM recovers
   * every level's m, the rare ones included, with nothing fixed by hand — a noisy field is learned
   * as noisy, a clean one as clean (m of "different" 0.002, below any fixed floor).
   */
  @Test
  void recoversTheLevelsOfEveryKind() {
    double[][] m = {
      {0.55, 0.35, 0.02, 0.03, 0.02, 0.03}, // given name: exact … reordered … different
      {0.40, 0.03, 0.05, 0.30, 0.08, 0.02, 0.05, 0.02, 0.01, 0.02, 0.02}, // birth date
      {0.40, 0.30, 0.18, 0.12}, // year crossed: noisy
      {0.85, 0.05, 0.10}, // place
      {0.998, 0.002}, // sex
    };
    double[][] u = {
      {0.001, 0.002, 0.0005, 0.005, 0.015, 0.9765},
      {0.0001, 0.001, 0.0003, 0.01, 0.02, 0.02, 0.0001, 0.0001, 0.01, 0.4, 0.5384},
      {0.12, 0.22, 0.19, 0.47},
      {0.2, 0.01, 0.79},
      {0.5, 0.5},
    };
    SplittableRandom rnd = new SplittableRandom(11);
    PatternCounts counts = new PatternCounts();
    for (int i = 0; i < 400_000; i++) {
      double[][] p = rnd.nextDouble() < 0.3 ? m : u;
      long pattern = 0;
      for (int f = 0; f < p.length; f++) {
        pattern |= (long) draw(p[f], rnd) << (4 * f);
      }
      counts.add(pattern, 1, 1);
    }
    double[][] start = new double[m.length][];
    for (int f = 0; f < m.length; f++) {
      start[f] = new double[m[f].length];
      java.util.Arrays.fill(start[f], 0.5 / (m[f].length - 1));
      start[f][0] = 0.5;
    }
    Estimation.Fit fit = Estimation.em(counts.table(), new boolean[m.length], u, start);
    assertThat(fit.lambda()).isCloseTo(0.3, within(0.005));
    for (int f = 0; f < m.length; f++) {
      double[] est = Estimation.normalised(fit.expected()[f]);
      for (int l = 0; l < m[f].length; l++) {
        assertThat(est[l]).as("m[%d][%d]", f, l).isCloseTo(m[f][l], within(0.006));
      }
    }
  }
}
