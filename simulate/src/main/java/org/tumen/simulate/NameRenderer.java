package org.tumen.simulate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Writes a true name the way one organisation would (NameStyle; KOREAN-NAMES.md). Rule-based styles
 * go through {@link Romanizer}; passport spellings and Mandarin surname readings are tables, since
 * they are choices people and clerks make, not rules.
 */
final class NameRenderer {

  /** A name written in two parts; {@code given} may be empty for a one-part name. */
  record Parts(String surname, String given) {}

  private static final Map<String, Weighted<String>> PASSPORT_SYLLABLES = loadPassport();

  private NameRenderer() {}

  static Parts render(KoreanName n, NameStyle style, UniformRandomProvider rng) {
    Surname s = n.surname();
    return switch (style) {
      case ROK_HANGUL -> new Parts(s.rok(), n.rokGiven());
      case DPRK_HANGUL -> new Parts(s.dprk(), n.given());
      case HANJA_SURNAME -> new Parts(s.hanja(), n.rokGiven());
      case REVISED ->
          new Parts(
              Romanizer.surname(s.rok(), Romanizer.Scheme.RR),
              // RR allows a hyphen between the syllables of a given name (rule 3.1).
              Romanizer.given(
                  n.rokGiven(), Romanizer.Scheme.RR, rng.nextDouble() < 0.4 ? "-" : "", false));
      case MCCUNE_REISCHAUER ->
          // ALA-LC: the surname from its South Korean reading (李 Yi), the given name keeps an
          // initial r (Kim Ri-na), syllables hyphenated.
          new Parts(
              Romanizer.surname(s.rok(), Romanizer.Scheme.MR),
              Romanizer.given(n.given(), Romanizer.Scheme.MR, "-", false));
      case DPRK_ROMAN ->
          new Parts(
              Romanizer.surname(s.dprk(), Romanizer.Scheme.DPRK),
              Romanizer.given(n.given(), Romanizer.Scheme.DPRK, " ", true));
      case PASSPORT -> passport(n, rng);
      case PINYIN ->
          // The Hanja surname read in Mandarin; the given name, which a Chinese clerk hears, by
          // sound, in one word.
          new Parts(s.pinyin(), Romanizer.given(n.given(), Romanizer.Scheme.DPRK, "", false));
    };
  }

  private static Parts passport(KoreanName n, UniformRandomProvider rng) {
    String surname = n.surname().passport().pick(rng);
    if (rng.nextDouble() < 0.25) {
      surname = surname.toUpperCase(Locale.ROOT); // KIM Soon-hee, as in the passport's data page
    }
    String given = n.rokGiven();
    double u = rng.nextDouble();
    String sep = u < 0.55 ? "-" : u < 0.8 ? "" : " ";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < given.length(); i++) {
      String syllable = given.substring(i, i + 1);
      Weighted<String> choices = PASSPORT_SYLLABLES.get(syllable);
      String spelled =
          choices != null ? choices.pick(rng) : Romanizer.word(syllable, Romanizer.Scheme.RR);
      if (i > 0) {
        sb.append(sep);
        spelled = sep.equals(" ") ? spelled : spelled.toLowerCase(Locale.ROOT);
      }
      sb.append(spelled);
    }
    return new Parts(surname, sb.toString());
  }

  private static Map<String, Weighted<String>> loadPassport() {
    Map<String, Weighted<String>> m = new HashMap<>();
    for (String[] r : Tsv.read("passport-syllables.tsv", 2)) {
      m.put(r[0], Weighted.parse(r[1]));
    }
    return Map.copyOf(m);
  }
}
