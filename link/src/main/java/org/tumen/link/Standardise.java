package org.tumen.link;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The linker's single point of contact with standardisation: folds names, dates and places into the
 * keys the comparators use. Not thread-safe; one per worker.
 */
final class Standardise {

  /**
   * A standardised name.
   *
   * @param surnameExact the surname as written, folded (case, accents, spaces)
   * @param surnameKey the surname's canonical key (same across scripts and romanizations)
   * @param givenExact the given name as written, folded
   * @param givenKey the given name's canonical romanization
   * @param givenInitial the first syllable (or letter) of the given name's key
   * @param form the script or romanization the name is written in
   */
  record Name(
      String surnameExact,
      String surnameKey,
      String givenExact,
      String givenKey,
      String givenInitial,
      String form) {}

  private static final Pattern ISO =
      Pattern.compile("(\\d{4})(?:[-./](\\d{1,2})(?:[-./](\\d{1,2}))?)?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern DMY = Pattern.compile("(\\d{1,2})[-./](\\d{1,2})[-./](\\d{4})");
  private static final Pattern KOREAN =
      Pattern.compile("(\\d{4})\\s*[년年](?:\\s*(\\d{1,2})\\s*[월月](?:\\s*(\\d{1,2})\\s*[일日])?)?");

  /** Case, width and accent folding; keeps letters and digits, one space between words. */
  static String fold(String text) {
    if (text == null) {
      return "";
    }
    String s = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        if (space && sb.length() > 0) {
          sb.append(' ');
        }
        space = false;
        sb.append(Character.toLowerCase(c));
      } else {
        space = true;
      }
    }
    return Normalizer.normalize(sb.toString(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  Name name(String surname, String given, String full) {
    String sur;
    String giv;
    if (surname != null || given != null) {
      sur = fold(surname);
      giv = fold(given);
    } else {
      String f = fold(full);
      int sp = f.indexOf(' ');
      sur = sp < 0 ? f : f.substring(0, sp);
      giv = sp < 0 ? "" : f.substring(sp + 1);
    }
    String initial = giv.isEmpty() ? "" : giv.substring(0, 1);
    return new Name(sur, sur, giv, giv, initial, form(sur + giv));
  }

  private static String form(String s) {
    for (int i = 0; i < s.length(); i++) {
      Character.UnicodeScript sc = Character.UnicodeScript.of(s.charAt(i));
      if (sc == Character.UnicodeScript.HANGUL) {
        return "hangul";
      }
      if (sc == Character.UnicodeScript.HAN) {
        return "han";
      }
    }
    return s.isEmpty() ? "" : "latin";
  }

  /**
   * A date packed as {@code year*10000 + month*100 + day} (0 for unknown parts), or -1. Impossible
   * days are kept as written: a keying error in a day still tells us the year and month.
   */
  int date(String text) {
    String s = text == null ? "" : text.strip();
    if (s.isEmpty()) {
      return -1;
    }
    Matcher m = COMPACT.matcher(s);
    if (m.matches()) {
      return pack(m.group(1), m.group(2), m.group(3));
    }
    m = ISO.matcher(s);
    if (m.matches()) {
      return pack(m.group(1), m.group(2), m.group(3));
    }
    m = DMY.matcher(s);
    if (m.matches()) {
      return pack(m.group(3), m.group(2), m.group(1));
    }
    m = KOREAN.matcher(s);
    if (m.matches()) {
      return pack(m.group(1), m.group(2), m.group(3));
    }
    return -1;
  }

  private static int pack(String y, String mo, String d) {
    int year = Integer.parseInt(y);
    int month = mo == null ? 0 : Integer.parseInt(mo);
    int day = d == null ? 0 : Integer.parseInt(d);
    if (year < 1 || month > 12 || day > 31 || month == 0 && day != 0) {
      return year > 0 ? year * 10000 : -1;
    }
    return year * 10000 + month * 100 + day;
  }

  String place(String text) {
    return fold(text);
  }
}
