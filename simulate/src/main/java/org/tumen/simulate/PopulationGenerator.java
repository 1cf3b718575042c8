package org.tumen.simulate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.tumen.model.DprkProvince;
import org.tumen.model.Sex;

/**
 * Draws the people of a scenario one at a time from one random stream, so that a population of any
 * size is generated in constant memory and the same seed gives the same people.
 */
final class PopulationGenerator {
  private static final double DAYS_PER_YEAR = 365.2425;

  private final Scenario scenario;
  private final UniformRandomProvider rng;
  private final ContinuousSampler gaussian;
  private final NameGenerator names;
  private final Weighted<Integer> years;
  private final Weighted<Integer> months;
  private final Weighted<DprkProvince> provinces;
  private final Weighted<Fate> femaleFates;
  private final Weighted<Fate> maleFates;
  private final double[] network = new double[Fate.values().length];
  private final Weighted<Double> classes;
  private final long idMultiplier;
  private final long idOffset;
  private long index;

  PopulationGenerator(Scenario scenario, long seed) {
    this.scenario = scenario;
    this.rng = RandomStreams.population(seed);
    this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
    this.names =
        new NameGenerator(scenario.singleSyllableGivenNames(), scenario.pureKoreanGivenNames());
    this.years = Weighted.of(scenario.crossingYears());
    this.months =
        Weighted.of(
            java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList(),
            scenario.crossingMonths().stream().mapToDouble(Double::doubleValue).toArray());
    this.provinces = Weighted.of(scenario.provinces());
    this.femaleFates = Weighted.of(scenario.femaleFates());
    this.maleFates = Weighted.of(scenario.maleFates());
    scenario.networkContact().forEach((f, p) -> network[f.ordinal()] = p);
    List<Scenario.CatchabilityClass> c = scenario.catchabilityClasses();
    this.classes =
        c.isEmpty()
            ? null
            : Weighted.of(
                c.stream().map(Scenario.CatchabilityClass::z).toList(),
                c.stream().mapToDouble(Scenario.CatchabilityClass::weight).toArray());
    long[] key = RandomStreams.idKey(seed);
    this.idMultiplier = key[0];
    this.idOffset = key[1];
  }

  Person next() {
    String id = id(index++);
    Sex sex = rng.nextDouble() < scenario.femaleShare() ? Sex.FEMALE : Sex.MALE;
    KoreanName name = names.next(sex, rng);
    int year = years.pick(rng);
    YearMonth ym = YearMonth.of(year, months.pick(rng));
    LocalDate crossing = ym.atDay(1 + rng.nextInt(ym.lengthOfMonth()));
    LocalDate birth = crossing.minusDays(Math.round(age() * DAYS_PER_YEAR));
    DprkProvince province = provinces.pick(rng);
    Fate fate = (sex == Sex.FEMALE ? femaleFates : maleFates).pick(rng);
    double z = classes == null ? gaussian.sample() : classes.pick(rng);
    boolean net = rng.nextDouble() < network[fate.ordinal()];
    return new Person(id, name, sex, birth, province, crossing, fate, z, net);
  }

  /** Age at crossing in years: normal, redrawn until it falls in [min, max + 1). */
  private double age() {
    Scenario.Age a = scenario.ageAtCrossing();
    for (int tries = 0; tries < 1000; tries++) {
      double x = a.mean() + a.sd() * gaussian.sample();
      if (x >= a.min() && x < a.max() + 1) {
        return x;
      }
    }
    // The interval lies far in a tail; its lower end is as good a draw as any.
    return a.min() + rng.nextDouble();
  }

  private String id(long i) {
    long v = (i * idMultiplier + idOffset) & 0xFFFF_FFFFL;
    char[] c = new char[9];
    c[0] = 'P';
    for (int k = 8; k >= 1; k--) {
      c[k] = Character.forDigit((int) (v & 0xF), 16);
      v >>>= 4;
    }
    return new String(c);
  }
}
