package org.tumen.link.name;

import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Typo-tolerant similarity of two standardised names, 0 (nothing alike) to 1 (same key).
 *
 * <p>Given names: the best of (a) Jaro–Winkler similarity (Winkler 1990, "String comparator metrics
 * and enhanced decision rules in the Fellegi–Sunter model of record linkage") of the canonical
 * keys, (b) a syllable alignment for Korean names with the same number of syllables — the mean over
 * aligned syllables of 1 for the same syllable, 0.9 when they differ only in o/u (passport
 * spellings write ㅓ as u: Jung for 정), else half their Jaro–Winkler similarity — and (c) when one
 * side is written in Chinese characters, the Jaro–Winkler similarity of the plain forms, which are
 * pinyin for that side, so that 顺姬 meets Shunji.
 */
public final class NameSimilarity {

  private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

  /** Score of two keys that differ only in what {@link StandardName#givenCoarse()} folds. */
  static final double COARSE_EQUAL = 0.95;

  /** Score of surnames one of which is the other's alternative reading (pinyin Quan and 전). */
  static final double ALTERNATIVE = 0.9;

  /** Score of two syllables that differ only in what the coarse key folds. */
  static final double SYLLABLE_COARSE = 0.9;

  private NameSimilarity() {}

  /** Similarity of the given names; 0 if either is missing (callers treat missing apart). */
  public static double given(StandardName a, StandardName b) {
    if (!a.hasGiven() || !b.hasGiven()) {
      return 0;
    }
    if (a.given().equals(b.given())) {
      return 1;
    }
    double best = JW.apply(a.given(), b.given());
    if (StandardName.coarse(a.given()).equals(StandardName.coarse(b.given()))) {
      best = Math.max(best, COARSE_EQUAL);
    }
    List<String> sa = a.givenSyllables();
    List<String> sb = b.givenSyllables();
    if (!sa.isEmpty() && sa.size() == sb.size()) {
      double sum = 0;
      for (int i = 0; i < sa.size(); i++) {
        sum += syllable(sa.get(i), sb.get(i));
      }
      best = Math.max(best, sum / sa.size());
    }
    if (isHan(a.script()) != isHan(b.script())
        && !a.givenPlain().isEmpty()
        && !b.givenPlain().isEmpty()) {
      best = Math.max(best, JW.apply(a.givenPlain(), b.givenPlain()));
    }
    return best;
  }

  /**
   * Similarity of the surname keys: 1 when equal (every variant of a table surname), 0.9 when one
   * is the other's {@link StandardName#surnameAlternative()}, else Jaro–Winkler; 0 if one is
   * missing.
   */
  public static double surname(StandardName a, StandardName b) {
    if (!a.hasSurname() || !b.hasSurname()) {
      return 0;
    }
    if (a.surname().equals(b.surname())) {
      return 1;
    }
    if (a.surname().equals(b.surnameAlternative()) || b.surname().equals(a.surnameAlternative())) {
      return ALTERNATIVE;
    }
    return JW.apply(a.surname(), b.surname());
  }

  static double syllable(String x, String y) {
    if (x.equals(y)) {
      return 1;
    }
    if (StandardName.coarse(x).equals(StandardName.coarse(y))) {
      return SYLLABLE_COARSE;
    }
    return 0.5 * JW.apply(x, y);
  }

  private static boolean isHan(Script s) {
    return s == Script.HANJA || s == Script.HAN_CHINESE || s == Script.HANJA_HANGUL;
  }
}
