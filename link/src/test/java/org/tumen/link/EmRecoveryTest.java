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
}
