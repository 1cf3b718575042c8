package org.tumen.link;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tumen.link.date.DateStandardiser;
import org.tumen.link.date.StandardDate;
import org.tumen.link.name.NameStandardiser;
import org.tumen.link.name.Script;
import org.tumen.link.name.StandardName;
import org.tumen.link.place.Gazetteer;

/**
 * The linker's single point of contact with standardisation ({@code link.name}, {@code link.date},
 * {@code link.place}): turns cells into the keys the comparators use.
 */
final class Standardise {

  /**
   * A standardised name.
   *
   * @param surnameKey the surname's canonical key (same across scripts and romanizations)
   * @param surnameWritten the surname key qualified by the script it was written in: equal only for
   *     the same spelling system
   * @param givenKey the given name's canonical romanization
   * @param givenWritten the given key qualified by script
   * @param givenPlain plain folded Latin letters (pinyin for Chinese characters)
   * @param givenSyllables canonical syllables of a Korean given name, else empty
   * @param han whether the name is written in Chinese characters (Hanja or Chinese)
   * @param givenInitial the first syllable (or letter) of the given name's key
   * @param form the script or romanization the name is written in, for evaluation
   * @param surnameAlternative the loose key of the other surname a Latin spelling may stand for
   *     (pinyin Jin is 金 Kim to the surname table but 진 Jin to a Korean reader), else of the
   *     surname as written in Latin letters, else the loose canonical key
   * @param syllableBag the loose syllables of surname and given name in sorted order, whichever
   *     word was read as the surname ({@link NameStandardiser#syllableBag}), else empty
   * @param surnameLatin the loose surname as written in Latin letters, else empty
   * @param surnameHangul the surname as written if it is one Hangul syllable, else 0
   */
  record Name(
      String surnameKey,
      String surnameWritten,
      String givenKey,
      String givenWritten,
      String givenPlain,
      List<String> givenSyllables,
      boolean han,
      String givenInitial,
      String form,
      String surnameAlternative,
      String syllableBag,
      String surnameLatin,
      char surnameHangul) {}

  private static final Pattern MR_MARKS = Pattern.compile("[ŏŭŎŬ'’ʼ]");

  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

  private final NameStandardiser names = new NameStandardiser();
  private final DateStandardiser dates = new DateStandardiser();
  private final Gazetteer places = new Gazetteer();

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

  /** A name from split columns (either may be null) or, when both are null, from a full name. */
  Name name(String surname, String given, String full) {
    StandardName n =
        surname != null || given != null ? names.parts(surname, given) : names.full(full);
    String written = surname != null || given != null ? surname + " " + given : full;
    String initial =
        !n.givenSyllables().isEmpty()
            ? loose(n.givenSyllables().get(0))
            : n.given().isEmpty() ? "" : loose(n.given()).substring(0, 1);
    boolean han =
        n.script() == Script.HANJA
            || n.script() == Script.HAN_CHINESE
            || n.script() == Script.HANJA_HANGUL;
    String tag = n.script().name() + ":";
    return new Name(
        n.surname(),
        n.surname().isEmpty() ? "" : tag + n.surname(),
        n.given(),
        n.given().isEmpty() ? "" : tag + n.given(),
        n.givenPlain(),
        n.givenSyllables(),
        han,
        initial,
        form(n.script(), written),
        !n.surnameAlternative().isEmpty()
            ? loose(n.surnameAlternative())
            : n.script() == Script.LATIN ? writtenSurname(surname, full, n) : loose(n.surname()),
        String.join("|", NameStandardiser.syllableBag(n).stream().map(Standardise::loose).toList()),
        n.script() == Script.LATIN && !n.surname().isEmpty()
            ? writtenSurname(surname, full, n)
            : "",
        hangulSurname(surname, full, n));
  }

  /** The surname as written when it is one Hangul syllable (the first of a Hangul full name). */
  private static char hangulSurname(String surname, String full, StandardName n) {
    if (n.script() != Script.HANGUL || n.surname().isEmpty()) {
      return 0;
    }
    String t = surname != null ? surname.strip() : full == null ? "" : full.strip();
    return t.isEmpty() || surname != null && t.length() != 1 ? 0 : t.charAt(0);
  }

  /**
   * The loose key of the surname as written in Latin letters: the surname column, or the word of a
   * full name that is not part of the given name.
   */
  private static String writtenSurname(String surname, String full, StandardName n) {
    if (surname != null) {
      return loose(fold(surname));
    }
    String given = loose(n.given());
    String best = loose(n.surname());
    for (String word : fold(full).split(" ")) {
      String w = loose(word);
      if (!w.isEmpty() && !given.contains(w)) {
        best = w;
        break;
      }
    }
    return best;
  }

  /**
   * The name's form for evaluation: its script, and for Latin letters McCune–Reischauer (breves or
   * apostrophes) apart from the other romanizations.
   */
  private static String form(Script script, String written) {
    return switch (script) {
      case HANGUL -> "hangul";
      case HANJA, HANJA_HANGUL -> "hanja";
      case HAN_CHINESE -> "chinese";
      case LATIN -> MR_MARKS.matcher(written).find() ? "latin-mr" : "latin";
      case MIXED -> "mixed";
      case NONE -> "";
    };
  }

  /**
   * A date packed as {@code year*10000 + month*100 + day} (0 for unknown parts), or -1. A compact
   * {@code yyyymmdd} naming no real day (FEBRL has some) keeps its year and month: a keying error
   * in a day still tells us the rest.
   */
  int date(String text) {
    if (text == null || text.isBlank()) {
      return -1;
    }
    Optional<StandardDate> d = dates.parse(text);
    if (d.isPresent()) {
      StandardDate s = d.get();
      return s.year() * 10000 + s.month() * 100 + s.day();
    }
    Matcher m = COMPACT.matcher(text.strip());
    if (m.matches()) {
      int year = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      if (year >= StandardDate.MIN_YEAR && year <= StandardDate.MAX_YEAR) {
        return year * 10000 + (month >= 1 && month <= 12 ? month * 100 : 0);
      }
    }
    return -1;
  }

  /**
   * A looser key for romanized names, for blocking and the "variant" level: folds what the
   * romanization systems and passport spellings still write differently after standardisation
   * (ch/j, g/k, d/t, b/p, r/l, f/p, eo/o, eu/u, u/o, ae/e, oo/u, ee/i, doubled letters), so that
   * Gwang-gil, Kwangkil and Kwanggil meet.
   */
  static String loose(String key) {
    if (key.isEmpty()) {
      return key;
    }
    String s =
        key.replace("ch", "j")
            .replace("sh", "s")
            .replace("eo", "o")
            .replace("eu", "u")
            .replace("ae", "e")
            .replace("oo", "u")
            .replace("ee", "i");
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c =
          switch (s.charAt(i)) {
            case 'g' -> 'k';
            case 'd' -> 't';
            case 'b', 'f' -> 'p';
            case 'r' -> 'l';
            case 'u' -> 'o';
            case ' ', '-', '\'' -> 0;
            default -> s.charAt(i);
          };
      if (c != 0 && (sb.length() == 0 || sb.charAt(sb.length() - 1) != c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static final Pattern PROVINCE_WORD =
      Pattern.compile("(?i)[\\s,]+(prov\\.?|province)\\s*$");

  /** The gazetteer's canonical place; "Prov." and "Province" at the end are dropped first. */
  String place(String text) {
    if (text != null && places.province(text).isEmpty()) {
      String stripped = PROVINCE_WORD.matcher(text).replaceFirst("");
      if (!stripped.equals(text)) {
        return places.canonical(stripped);
      }
    }
    return places.canonical(text);
  }
}
