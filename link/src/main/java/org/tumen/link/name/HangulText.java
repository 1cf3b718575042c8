package org.tumen.link.name;

/**
 * Hangul text in the canonical romanization of {@link Hangul}, for keys of things other than names
 * (places): a Hangul spelling and a romanized one then meet under the same phonetic key.
 */
public final class HangulText {

  private HangulText() {}

  /**
   * Every precomposed Hangul syllable replaced by its canonical romanization; other characters are
   * kept. "함경북도" → "hamgyongbugto".
   */
  public static String romanized(String text) {
    StringBuilder b = new StringBuilder(text.length() * 3);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      b.append(Hangul.isSyllable(c) ? Hangul.canonical(c) : String.valueOf(c));
    }
    return b.toString();
  }

  /** Whether the text holds a precomposed Hangul syllable. */
  public static boolean hasHangul(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Hangul.isSyllable(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
