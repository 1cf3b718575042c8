package org.tumen.link.name;

import java.util.List;
import java.util.Objects;

/**
 * A name reduced to comparison keys that are shared by its spellings across scripts and
 * romanization systems. Built by {@link NameStandardiser}; docs/names.md explains the keys.
 *
 * @param surname canonical surname key: one key for every form of one Korean surname (이, 리, 李, Lee,
 *     Yi, Rhee, Ri, I, Li → {@code lee}); for other names the case- and accent-folded surname;
 *     {@code ""} if missing
 * @param given canonical folded romanization of the given name with separators removed (순희, Sun
 *     Hui, Soon-hee → {@code sunhi}); for non-Korean Latin names the folded letters; {@code ""} if
 *     missing
 * @param givenSyllables the given name's syllables as canonical keys; empty for non-Korean names
 * @param script the script the name was written in
 * @param koreanSurname whether the surname was found in the Korean surname table
 * @param surnameFrequency share of Koreans bearing this surname (Kim ≈ 0.21), NaN if unknown
 * @param givenPlain the given name as plain folded Latin letters: the input letters for Latin,
 *     toneless Mandarin pinyin for Chinese characters, the canonical key for Hangul. It lets a
 *     Chinese-character record meet its pinyin spelling (顺姬 and Shunji → {@code shunji}).
 * @param surnameAlternative the key of a second table surname the Latin spelling may stand for
 *     (pinyin Quan: {@code kwon} for 權, alternative {@code jeon} for 全; Jin: {@code kim} for 金,
 *     alternative {@code chin} for 陳), else {@code ""}; for blocking and a "variant" level
 */
public record StandardName(
    String surname,
    String given,
    List<String> givenSyllables,
    Script script,
    boolean koreanSurname,
    double surnameFrequency,
    String givenPlain,
    String surnameAlternative) {

  /** A name with nothing in it. */
  public static final StandardName EMPTY =
      new StandardName("", "", List.of(), Script.NONE, false, Double.NaN, "", "");

  public StandardName {
    Objects.requireNonNull(surname, "surname");
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(givenPlain, "givenPlain");
    Objects.requireNonNull(surnameAlternative, "surnameAlternative");
    givenSyllables = List.copyOf(givenSyllables);
    if (koreanSurname == Double.isNaN(surnameFrequency)) {
      throw new IllegalArgumentException("a table surname has a frequency, any other has NaN");
    }
    if (!Double.isNaN(surnameFrequency) && (surnameFrequency <= 0 || surnameFrequency >= 1)) {
      throw new IllegalArgumentException("surname frequency out of (0,1): " + surnameFrequency);
    }
  }

  public boolean hasSurname() {
    return !surname.isEmpty();
  }

  public boolean hasGiven() {
    return !given.isEmpty();
  }

  /**
   * The given-name key with the vowel distinctions that romanizations blur folded as well: u and o
   * merge (passports write ㅓ as u: 선 Sun, 정 Jung; the DPRK system writes ㅡ as u) and a y glide
   * after a consonant is dropped (혜 Hye/Hae, 현 Hyon/Hon). A blocking key and a "known variant"
   * comparison level; computed on each call.
   */
  public String givenCoarse() {
    return coarse(given);
  }

  static String coarse(String key) {
    StringBuilder b = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == 'y' && i > 0 && !isVowel(key.charAt(i - 1))) {
        continue;
      }
      b.append(c == 'u' ? 'o' : c);
    }
    return b.toString();
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  /** Whether neither part is known. */
  public boolean isEmpty() {
    return surname.isEmpty() && given.isEmpty();
  }
}
