package org.tumen.link.name;

import com.ibm.icu.text.Transliterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chinese-character helpers built on ICU transforms: whether a character is a simplified-only form
 * (so that a name comes from a Chinese document), and the toneless Mandarin pinyin of a name (ICU
 * {@code Han-Latin}, then {@code Latin-ASCII}). ICU transliterators are not documented as
 * thread-safe, so each is used under its own lock; answers are cached because names repeat.
 */
final class Han {

  private static final int CACHE_LIMIT = 100_000;
  private static final Transliterator TO_TRADITIONAL =
      Transliterator.getInstance("Simplified-Traditional");
  private static final Transliterator TO_SIMPLIFIED =
      Transliterator.getInstance("Traditional-Simplified");
  private static final Transliterator PINYIN = Transliterator.getInstance("Han-Latin; Latin-ASCII");

  /**
   * Characters that ICU maps to a traditional form but that are themselves traditional characters
   * in their own right and common in Korean names (朴 is the Korean surname Park, not 樸 simplified;
   * 于 of 鮮于, 范, 云, 采, 彦 …).
   */
  private static final String ALSO_TRADITIONAL = "朴于干斗范云丰采彦叶庄晋台余里后谷松";

  private static final Map<Character, Boolean> SIMPLIFIED = new ConcurrentHashMap<>();
  private static final Map<String, String> PINYIN_CACHE = new ConcurrentHashMap<>();

  private Han() {}

  static boolean isHan(int cp) {
    return com.ibm.icu.lang.UScript.getScript(cp) == com.ibm.icu.lang.UScript.HAN;
  }

  /** Whether the character exists only in the simplified script (顺 yes; 順 and 金 no). */
  static boolean isSimplifiedOnly(char c) {
    Boolean known = SIMPLIFIED.get(c);
    if (known == null) {
      String s = String.valueOf(c);
      String trad;
      String simp;
      synchronized (TO_TRADITIONAL) {
        trad = TO_TRADITIONAL.transliterate(s);
      }
      synchronized (TO_SIMPLIFIED) {
        simp = TO_SIMPLIFIED.transliterate(s);
      }
      known = !trad.equals(s) && simp.equals(s) && ALSO_TRADITIONAL.indexOf(c) < 0;
      SIMPLIFIED.put(c, known);
    }
    return known;
  }

  /** Toneless pinyin letters of the Han characters of a text, no spaces (顺姬 → shunji). */
  static String pinyin(String text) {
    String p = PINYIN_CACHE.get(text);
    if (p == null) {
      String latin;
      synchronized (PINYIN) {
        latin = PINYIN.transliterate(text);
      }
      p = TextFold.asciiKey(latin);
      if (PINYIN_CACHE.size() < CACHE_LIMIT) {
        PINYIN_CACHE.put(text, p);
      }
    }
    return p;
  }
}
