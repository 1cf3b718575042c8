package org.tumen.simulate;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Decides which lists record a person. A list sees only people whose fate it can see; among those,
 * list j records person i with probability {@code logistic(a_j + b_j z_i + g_j c_i)} — a
 * logit-normal heterogeneity model (Coull and Agresti 1999, Biometrics 55:294–301, eq. 1) with a
 * shared binary covariate c_i (contact with the church networks) that makes the lists loading on it
 * dependent beyond the shared heterogeneity. With {@link Scenario#catchabilityClasses()} z takes a
 * few values instead, which makes it a latent class model (Agresti 1994, Biometrics 50:494–500; the
 * model LCMCR assumes). Each list draws from its own random stream.
 */
final class CaptureModel {
  private final List<ListSpec> lists;
  private final UniformRandomProvider[] rngs;

  CaptureModel(Scenario scenario, long seed) {
    this.lists = scenario.lists();
    this.rngs = new UniformRandomProvider[lists.size()];
    for (int j = 0; j < rngs.length; j++) {
      rngs[j] = RandomStreams.capture(seed, j);
    }
  }

  /** The capture history of one person: bit j set if list j records them. */
  int draw(Person p) {
    int mask = 0;
    for (int j = 0; j < rngs.length; j++) {
      // Always draw, so that each list's stream advances once per person.
      double u = rngs[j].nextDouble();
      ListSpec l = lists.get(j);
      if (l.canSee(p.fate()) && u < probability(l.capture(), p.catchability(), p.network())) {
        mask |= 1 << j;
      }
    }
    return mask;
  }

  static double probability(ListSpec.Capture c, double z, boolean network) {
    return logistic(c.intercept() + c.catchability() * z + (network ? c.network() : 0));
  }

  /**
   * The probability that a random member of the population is on list {@code j}: the sum over fates
   * the list sees of P(fate) × [P(c=1 | fate) E_z p(z, 1) + P(c=0 | fate) E_z p(z, 0)], the
   * expectation over z ~ N(0,1) by Simpson's rule on [-10, 10].
   */
  static double marginal(Scenario s, int j) {
    ListSpec l = s.lists().get(j);
    double[] female = Check.byOrdinal(s.femaleFates(), Fate.values().length);
    double[] male = Check.byOrdinal(s.maleFates(), Fate.values().length);
    double withNetwork = expectation(s, l.capture(), true);
    double without = expectation(s, l.capture(), false);
    double total = 0;
    for (Fate f : l.sees()) {
      double pf = s.femaleShare() * female[f.ordinal()] + (1 - s.femaleShare()) * male[f.ordinal()];
      double pc = s.networkContact().getOrDefault(f, 0.0);
      total += pf * (pc * withNetwork + (1 - pc) * without);
    }
    return total;
  }

  private static double expectation(Scenario s, ListSpec.Capture c, boolean network) {
    List<Scenario.CatchabilityClass> classes = s.catchabilityClasses();
    if (!classes.isEmpty()) {
      double total = classes.stream().mapToDouble(Scenario.CatchabilityClass::weight).sum();
      return classes.stream()
          .mapToDouble(k -> k.weight() / total * probability(c, k.z(), network))
          .sum();
    }
    int n = 2000; // even
    double a = -10;
    double h = 20.0 / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double z = a + i * h;
      double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
      sum += w * probability(c, z, network) * Math.exp(-z * z / 2);
    }
    return sum * h / 3 / Math.sqrt(2 * Math.PI);
  }

  private static double logistic(double x) {
    // StrictMath: the same bits on every platform, so a capture never flips between machines.
    return 1 / (1 + StrictMath.exp(-x));
  }
}
