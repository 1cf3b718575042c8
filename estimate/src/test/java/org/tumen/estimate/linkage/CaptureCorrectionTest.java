package org.tumen.estimate.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.CaptureTable;

/** The correction undoes linkage errors of known rates. */
class CaptureCorrectionTest {

  /**
   * Two lists (Ding and Fienberg 1994, Biometrics 50:1106, section 2): with recall λ and no false
   * links, the observed overlap is λ·n11 and each list alone gains (1 − λ)·n11; the corrected
   * overlap is the observed one over λ.
   */
  @Test
  void twoListsDivideTheOverlapByTheRecall() {
    LinkageErrorRates r = rates(2, 0.9, 0);
    CaptureTable observed = new CaptureTable(List.of("a", "b"), new long[] {0, 310, 210, 90});
    CaptureTable corrected = CaptureCorrection.correct(observed, r).table();
    assertThat(corrected.counts()).containsExactly(0, 300, 200, 100);
  }

  /** The forward map and the correction are inverses, on any table and any plausible rates. */
  @Property(tries = 200)
  void correctionInvertsTheExpectedErrors(
      @ForAll @IntRange(min = 2, max = 5) int k,
      @ForAll @LongRange(min = 0, max = 1 << 20) long s) {
    SplittableRandom rnd = new SplittableRandom(s);
    double[] truth = new double[1 << k];
    for (int p = 1; p < truth.length; p++) {
      truth[p] = rnd.nextInt(2001);
    }
    LinkageErrorRates r = randomRates(k, truth, rnd);
    double[] observed = CaptureCorrection.expectedObserved(truth, r);
    double[] back = CaptureCorrection.correct(observed, r);
    for (int p = 1; p < truth.length; p++) {
      assertThat(back[p]).isCloseTo(truth[p], within(1e-6 * (1 + truth[p])));
    }
  }

  /**
   * Known error rates applied to a known population person by person, at random: each record
   * leaving its person with its list's probability, duplicates and false links added at random; the
   * corrected table recovers the true one within sampling error, where the uncorrected one is far.
   */
  @Property(tries = 30)
  void correctionRecoversTheTrueTableFromSimulatedLinkage(
      @ForAll @IntRange(min = 3, max = 5) int k,
      @ForAll @LongRange(min = 0, max = 1 << 20) long s) {
    SplittableRandom rnd = new SplittableRandom(s);
    long[] truth = new long[1 << k];
    for (int p = 1; p < truth.length; p++) {
      truth[p] = 200 + rnd.nextInt(2000);
    }
    double[] expectedTruth = Arrays_.toDouble(truth);
    LinkageErrorRates r = randomRates(k, expectedTruth, rnd);
    long[] observed = simulate(truth, r, rnd);
    double[] corrected = CaptureCorrection.correct(Arrays_.toDouble(observed), r);
    double total = 0;
    double totalTruth = 0;
    double totalObserved = 0;
    CaptureCorrection.Detachment d = new CaptureCorrection.Detachment(r);
    for (int p = 1; p < truth.length; p++) {
      // sampling error of a cell: the random splits of every pattern holding it land in it
      double variance = 0;
      for (int sup = p; sup < truth.length; sup = (sup + 1) | p) {
        double q = d.survives(p, sup);
        variance += truth[sup] * q * Math.max(0, 1 - q);
      }
      double tolerance = 6 * Math.sqrt(variance + truth[p]) / d.survives(p, p) + 10;
      assertThat(corrected[p]).as("pattern %d", p).isCloseTo(truth[p], within(tolerance));
      total += corrected[p];
      totalTruth += truth[p];
      totalObserved += observed[p];
    }
    assertThat(Math.abs(total - totalTruth))
        .isLessThan(Math.max(10, Math.abs(totalObserved - totalTruth) / 3));
  }

  @Test
  void refusesRatesOverOtherLists() {
    CaptureTable t = new CaptureTable(List.of("a", "c"), new long[] {0, 1, 1, 1});
    assertThatThrownBy(() -> CaptureCorrection.correct(t, rates(2, 0.9, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Rates over lists a, b, ... with one recall for every pair and f false links per pair. */
  private static LinkageErrorRates rates(int k, double recall, double f) {
    double[][] m = new double[k][k];
    double[][] miss = new double[k][k];
    double[][] fl = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        m[i][j] = i == j ? 0 : 100;
        miss[i][j] = i == j ? 0 : 100 * (1 - recall);
        fl[i][j] = i == j ? 0 : f;
      }
    }
    return new LinkageErrorRates(names(k), m, miss, fl);
  }

  private static List<String> names(int k) {
    return IntStream.range(0, k).mapToObj(i -> String.valueOf((char) ('a' + i))).toList();
  }

  /**
   * Each list's records leave their person with a probability up to 0.2, so recalls run from 0.64
   * to 1 (as matches and missed pairs, matches from the truth); missed duplicates and false links
   * within a list up to 2% of the list's singletons, false links across lists up to 1% of the
   * smaller singleton count.
   */
  private static LinkageErrorRates randomRates(int k, double[] truth, SplittableRandom rnd) {
    double[][] m = new double[k][k];
    double[][] miss = new double[k][k];
    double[][] fl = new double[k][k];
    double[] leave = rnd.doubles(k, 0, 0.2).toArray();
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        double pairs = 0;
        for (int p = 1; p < truth.length; p++) {
          if ((p >> i & 1) == 1 && (p >> j & 1) == 1) {
            pairs += truth[p];
          }
        }
        double single = Math.min(truth[1 << i], truth[1 << j]);
        if (i == j) {
          m[i][i] = 0.02 * single;
          miss[i][i] = m[i][i] * rnd.nextDouble();
          fl[i][i] = 0.02 * single * rnd.nextDouble();
        } else {
          m[i][j] = pairs;
          miss[i][j] = pairs * (1 - (1 - leave[i]) * (1 - leave[j]));
          fl[i][j] = 0.01 * single * rnd.nextDouble();
        }
        m[j][i] = m[i][j];
        miss[j][i] = miss[i][j];
        fl[j][i] = fl[i][j];
      }
    }
    return new LinkageErrorRates(names(k), m, miss, fl);
  }

  /** The linkage of people with the given true patterns, with errors drawn at the given rates. */
  private static long[] simulate(long[] truth, LinkageErrorRates r, SplittableRandom rnd) {
    int k = r.lists().size();
    List<Integer> units = new ArrayList<>();
    for (int s = 1; s < truth.length; s++) {
      for (long n = 0; n < truth[s]; n++) {
        units.addAll(split(s, r, rnd));
      }
    }
    for (int i = 0; i < k; i++) {
      for (long d = 0; d < Math.round(r.missed()[i][i]); d++) {
        units.add(1 << i);
      }
      for (long d = 0; d < Math.round(r.falseLinks()[i][i]); d++) {
        units.remove(Integer.valueOf(1 << i));
      }
    }
    for (int i = 0; i < k; i++) {
      for (int j = i + 1; j < k; j++) {
        long links = Math.round(r.falseLinks()[i][j]);
        for (long f = 0; f < links; f++) {
          boolean side = rnd.nextBoolean();
          int holds = 1 << (side ? i : j);
          int alone = 1 << (side ? j : i);
          int partner = units.indexOf(alone);
          List<Integer> candidates = new ArrayList<>();
          for (int u = 0; u < units.size(); u++) {
            if ((units.get(u) & holds) != 0 && (units.get(u) & alone) == 0) {
              candidates.add(u);
            }
          }
          if (partner < 0 || candidates.isEmpty()) {
            continue;
          }
          int chosen = candidates.get(rnd.nextInt(candidates.size()));
          units.set(chosen, units.get(chosen) | alone);
          units.remove(partner);
        }
      }
    }
    long[] out = new long[truth.length];
    units.forEach(u -> out[u]++);
    return out;
  }

  /** One person on lists s: each record leaves with its list's probability; the rest stay one. */
  private static List<Integer> split(int s, LinkageErrorRates r, SplittableRandom rnd) {
    double[] leave = new CaptureCorrection.Detachment(r).delta;
    List<Integer> out = new ArrayList<>();
    int stay = 0;
    for (int a = 0; a < leave.length; a++) {
      if ((s >> a & 1) == 1) {
        if (Integer.bitCount(s) > 1 && rnd.nextDouble() < leave[a]) {
          out.add(1 << a);
        } else {
          stay |= 1 << a;
        }
      }
    }
    if (stay != 0) {
      out.add(stay);
    }
    return out;
  }

  private static final class Arrays_ {
    static double[] toDouble(long[] x) {
      return java.util.Arrays.stream(x).asDoubleStream().toArray();
    }
  }
}
