package org.tumen.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.rng.UniformRandomProvider;
import org.tumen.model.Sex;

/**
 * Draws true names: a surname by its population share ({@code surnames.tsv}) and a given name from
 * weighted syllables by sex ({@code given-names.tsv}): mostly two Sino-Korean syllables, some one
 * syllable, some pure-Korean names.
 */
final class NameGenerator {
  static final List<Surname> SURNAMES = loadSurnames();
  private static final Map<String, List<String[]>> GIVEN =
      Tsv.read("given-names.tsv", 4).stream()
          .collect(Collectors.groupingBy(r -> r[0] + "/" + r[1], Collectors.toList()));

  private final Weighted<Surname> surnames;
  private final Weighted<String>[] first = parts("first");
  private final Weighted<String>[] second = parts("second");
  private final Weighted<String>[] single = parts("single");
  private final Weighted<String>[] pure = parts("pure");
  private final double singleShare;
  private final double pureShare;

  NameGenerator(double singleShare, double pureShare) {
    double[] w = SURNAMES.stream().mapToDouble(Surname::share).toArray();
    this.surnames = Weighted.of(SURNAMES, w);
    this.singleShare = singleShare;
    this.pureShare = pureShare;
  }

  KoreanName next(Sex sex, UniformRandomProvider rng) {
    Surname s = surnames.pick(rng);
    int x = sex.ordinal();
    double u = rng.nextDouble();
    if (u < pureShare) {
      return new KoreanName(s, pure[x].pick(rng), true);
    }
    if (u < pureShare + singleShare) {
      return new KoreanName(s, single[x].pick(rng), false);
    }
    String a = first[x].pick(rng);
    String b = second[x].pick(rng);
    while (b.equals(a)) {
      // 금금, 철철: not names; draw the second syllable again.
      b = second[x].pick(rng);
    }
    return new KoreanName(s, a + b, false);
  }

  @SuppressWarnings("unchecked")
  private static Weighted<String>[] parts(String kind) {
    Weighted<String>[] bySex = new Weighted[Sex.values().length];
    for (Sex sex : Sex.values()) {
      List<String[]> rows = GIVEN.get(kind + "/" + sex.code());
      if (rows == null) {
        throw new IllegalStateException("given-names.tsv has no " + kind + " names for " + sex);
      }
      bySex[sex.ordinal()] =
          Weighted.of(
              rows.stream().map(r -> r[2]).toList(),
              rows.stream().mapToDouble(r -> Double.parseDouble(r[3])).toArray());
    }
    return bySex;
  }

  private static List<Surname> loadSurnames() {
    List<Surname> out = new ArrayList<>();
    for (String[] r : Tsv.read("surnames.tsv", 6)) {
      out.add(new Surname(r[0], r[1], r[2], r[3], Double.parseDouble(r[4]), Weighted.parse(r[5])));
    }
    return List.copyOf(out);
  }
}
