package org.tumen.simulate;

import java.util.Locale;

/**
 * The simulator's own romanizer: writes Hangul in the Revised Romanization (RR, Ministry of Culture
 * and Tourism 2000), McCune–Reischauer as libraries apply it (ALA-LC Korean tables, 2009) and the
 * DPRK system (1992/2002), working from the jamo of each syllable. It exists to produce the
 * spellings organisations write; the linker has its own name model and must not share this code.
 *
 * <p>Sound changes between syllables are applied only as far as these systems show them in personal
 * names: RR writes names syllable by syllable (rule 3.1: 한복남 Han Boknam) apart from ㄹㄹ → ll; MR and
 * the DPRK system voice ㄱ ㄷ ㅂ (and MR ㅈ) after a vowel or ㄴ ㄹ ㅁ ㅇ (박동구 Pak Tong Gu, 김대중 Kim
 * Tae-jung), except ㄷ and ㅈ after ㄹ, which are tensed (홍길동 Hong Kil-tong). Simplified: nasalisation
 * (복남 Pok-nam, not Pong-nam, is ALA-LC practice anyway), aspiration with ㅎ and ㄴ/ㄹ assimilation are
 * not applied, ㄹ opening a later syllable is always r, and MR 시 is si.
 */
final class Romanizer {

  /** The three rule-based systems; passport and Chinese spellings are tables (see NameRenderer). */
  enum Scheme {
    RR,
    MR,
    DPRK
  }

  private static final String[] RR_INITIAL = {
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h"
  };
  private static final String[] MR_INITIAL = {
    "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'", "k'", "t'",
    "p'", "h"
  };
  private static final String[] DPRK_INITIAL = {
    "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "kh", "th",
    "ph", "h"
  };
  private static final String[] RR_VOWEL = {
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i"
  };
  private static final String[] MR_VOWEL = {
    "a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we",
    "wi", "yu", "ŭ", "ŭi", "i"
  };
  private static final String[] DPRK_VOWEL = {
    "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "u", "ui", "i"
  };

  /** The sound of each final (받침) at the end of a syllable: the seven representative sounds. */
  private static final String[] FINAL = {
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t"
  };

  private Romanizer() {}

  /** One word (a surname, or a given name written as one word), first letter capitalised. */
  static String word(String hangul, Scheme system) {
    return join(hangul, system, "", false);
  }

  /**
   * A given name with its syllables separated by {@code separator} ("" joins them, "-" is RR's and
   * MR's hyphen, " " the DPRK system's space); {@code capitaliseEach} capitalises every syllable,
   * as the DPRK system does (Pak Tong Gu).
   */
  static String given(String hangul, Scheme system, String separator, boolean capitaliseEach) {
    return join(hangul, system, separator, capitaliseEach);
  }

  /**
   * A surname as the system writes it. Library MR writes 李 as Yi whatever the Hangul (ALA-LC);
   * otherwise surnames are romanized as words from the Hangul the organisation uses.
   */
  static String surname(String hangul, Scheme system) {
    if (system == Scheme.MR && hangul.equals("이")) {
      return "Yi";
    }
    return word(hangul, system);
  }

  private static String join(String hangul, Scheme system, String sep, boolean capEach) {
    StringBuilder sb = new StringBuilder(hangul.length() * 4);
    int prevFinal = -1; // -1: start of word
    for (int i = 0; i < hangul.length(); i++) {
      char c = hangul.charAt(i);
      if (!Hangul.isSyllable(c)) {
        throw new IllegalArgumentException("not a Hangul syllable: U+" + Integer.toHexString(c));
      }
      if (i > 0) {
        sb.append(sep);
      }
      int start = sb.length();
      int l = Hangul.initial(c);
      int v = Hangul.vowel(c);
      int t = Hangul.fin(c);
      sb.append(initial(l, prevFinal, system));
      sb.append(
          switch (system) {
            case RR -> RR_VOWEL[v];
            case MR -> MR_VOWEL[v];
            case DPRK -> DPRK_VOWEL[v];
          });
      sb.append(FINAL[t]);
      if (i == 0 || capEach) {
        sb.setCharAt(start, Character.toUpperCase(sb.charAt(start)));
      }
      prevFinal = t;
    }
    return sb.toString();
  }

  private static String initial(int l, int prevFinal, Scheme system) {
    if (prevFinal < 0) {
      return switch (system) {
        case RR -> RR_INITIAL[l];
        case MR -> MR_INITIAL[l];
        case DPRK -> DPRK_INITIAL[l];
      };
    }
    String before = FINAL[prevFinal];
    if (system == Scheme.RR) {
      return l == Hangul.R && before.equals("l") ? "l" : RR_INITIAL[l];
    }
    boolean voicedBefore =
        before.isEmpty() || before.equals("n") || before.equals("m") || before.equals("ng");
    boolean afterL = before.equals("l");
    switch (l) {
      case Hangul.G:
        return voicedBefore || afterL ? "g" : "k";
      case Hangul.B:
        return voicedBefore || afterL ? "b" : "p";
      case Hangul.D:
        return voicedBefore ? "d" : "t";
      case Hangul.J:
        if (system == Scheme.MR) {
          return voicedBefore ? "j" : "ch";
        }
        return "j";
      default:
        return system == Scheme.MR ? MR_INITIAL[l] : DPRK_INITIAL[l];
    }
  }

  /** Capitalises the first letter and lower-cases the rest (LEE → Lee). */
  static String capitalise(String s) {
    if (s.isEmpty()) {
      return s;
    }
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
  }
}
