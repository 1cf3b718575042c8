package org.tumen.link.name;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;

/**
 * Folding of user text shared by the name, date and place standardisers: NFKC (full-width letters
 * and digits, compatibility Hangul jamo), case folding, accent stripping (ŏ → o, é → e, ø → o).
 * Plain loops rather than regular expressions: a million records go through these methods.
 */
public final class TextFold {

  private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
  private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

  private TextFold() {}

  /** NFKC-normalised and stripped text; {@code ""} for null. */
  public static String clean(String text) {
    if (text == null) {
      return "";
    }
    // most text is already NFKC (Hangul syllables, plain Latin): the quick check allocates nothing
    String s = isAscii(text) || NFKC.isNormalized(text) ? text : NFKC.normalize(text);
    return s.strip();
  }

  /**
   * Lower-case ASCII letters and digits only: accents are removed and everything else (spaces,
   * hyphens, apostrophes, dots, letters of other scripts) is dropped. "Ch'oe" → choe, "Sun-hŭi" →
   * sunhui, "O'Brien" → obrien.
   */
  public static String asciiKey(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = isAscii(text) ? text : NFKC.normalize(text);
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        b.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        b.append((char) (c + 32));
      } else if (c > 127) {
        appendLatin(b, c);
      }
    }
    return b.toString();
  }

  /**
   * Folded text of any script: NFKC, lower case, Latin accents stripped, punctuation dropped, runs
   * of spaces and separators collapsed to one space. " Hamgyŏng-Pukto " → "hamgyong pukto". Hangul
   * and Han characters are kept as they are.
   */
  public static String words(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String s = isAscii(text) ? text : NFKC.normalize(text);
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (UCharacter.isLetterOrDigit(cp)) {
        if (space && b.length() > 0) {
          b.append(' ');
        }
        space = false;
        if (cp < 128) {
          b.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        } else if (cp > 0xFFFF || !appendLatin(b, (char) cp)) {
          b.appendCodePoint(UCharacter.toLowerCase(cp));
        }
      } else if (UCharacter.getType(cp) != UCharacter.NON_SPACING_MARK) {
        space = true;
      }
    }
    return b.toString();
  }

  /**
   * Appends the ASCII base of a Latin letter with diacritics (ŏ → o, É → e) or of a letter with no
   * decomposition (ø, æ, ß …); returns false, appending nothing, for any other character.
   */
  private static boolean appendLatin(StringBuilder b, char c) {
    if (appendSpecial(b, c)) {
      return true;
    }
    String d = NFD.getDecomposition(c);
    if (d == null) {
      return false;
    }
    char base = d.charAt(0);
    if (base >= 'a' && base <= 'z') {
      b.append(base);
      return true;
    }
    if (base >= 'A' && base <= 'Z') {
      b.append((char) (base + 32));
      return true;
    }
    return false;
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  /** Latin letters that have no decomposition; returns whether c was one. */
  private static boolean appendSpecial(StringBuilder b, char c) {
    switch (c) {
      case 'ø', 'Ø' -> b.append('o');
      case 'æ', 'Æ' -> b.append("ae");
      case 'œ', 'Œ' -> b.append("oe");
      case 'ß' -> b.append("ss");
      case 'đ', 'Đ', 'ð', 'Ð' -> b.append('d');
      case 'ł', 'Ł' -> b.append('l');
      case 'ı' -> b.append('i');
      case 'þ', 'Þ' -> b.append("th");
      default -> {
        return false;
      }
    }
    return true;
  }
}
