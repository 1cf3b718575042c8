package org.tumen.link.name;

import com.ibm.icu.lang.UScript;
import java.util.ArrayList;
import java.util.List;

/**
 * Reduces a name in any script and any order to the keys of {@link StandardName}: the surname
 * through the Korean surname table, the given name through a canonical romanization written from
 * the Hangul jamo (or read from Hanja, or parsed from a romanization). Immutable and thread-safe.
 * docs/names.md describes the keys, the tables and what is folded.
 */
public final class NameStandardiser {

  /** The share of a rare surname (0.1%), given to a short unknown word in front of a name. */
  private static final double RARE_SURNAME = 0.001;

  /** Surnames rarer than this (0.2%) are often given-name syllables too (명, 옥, 은, 연 …). */
  private static final double RARE_FRONT = 0.002;

  private static final double RARE_FRONT_WEIGHT = 0.3;

  /** How much less a word one keying error from a table surname counts as the surname. */
  private static final double MISSPELT_WEIGHT = 0.05;

  public NameStandardiser() {
    // the tables are static and built once
  }

  /**
   * The name's syllables in any order, as a key that does not depend on which word was read as the
   * surname: the surname's canonical syllable (that of its Hangul if it is a table surname) and the
   * given name's canonical syllables, each with the initial-sound rule, sorted ("Jong Ho Kang" read
   * as 정 + 호강 and 강정호 both give gang|ho|jong). Empty without a surname and a given name read as
   * Korean syllables.
   */
  public static List<String> syllableBag(StandardName n) {
    if (n.surname().isEmpty() || n.givenSyllables().isEmpty()) {
      return List.of();
    }
    Surnames.Entry e = Surnames.lookup(n.surname());
    List<String> out = new ArrayList<>(n.givenSyllables().size() + 1);
    out.add(Hangul.initial(e != null ? Surnames.canonicalSurname(e.hangul()) : n.surname()));
    for (String syllable : n.givenSyllables()) {
      out.add(Hangul.initial(syllable));
    }
    out.sort(null);
    return out;
  }

  /** The Hangul forms the surname table lists for a one-syllable surname key (else empty). */
  public static List<String> hangulForms(String surnameKey) {
    Surnames.Entry e = Surnames.lookup(surnameKey);
    if (e == null || !e.key().equals(surnameKey)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String f : e.forms()) {
      if (f.length() == 1 && Hangul.isSyllable(f.charAt(0))) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * Whether two Hangul syllables differ by one common confusion of a final, an initial of one place
   * or a look-alike vowel, after the initial-sound rule ({@link Surnames#oneEditFrom}).
   */
  public static boolean confusable(char a, char b) {
    return Hangul.isSyllable(a) && Hangul.isSyllable(b) && a != b && Surnames.oneJamo(a, b);
  }

  /** The Latin spellings the surname table lists for a surname key (empty outside the table). */
  public static List<String> latinSpellings(String surnameKey) {
    Surnames.Entry e = Surnames.lookup(surnameKey);
    if (e == null || !e.key().equals(surnameKey)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String f : e.forms()) {
      if (TextFold.isAscii(f)) {
        out.add(f);
      }
    }
    return out;
  }

  /** Whether the text has at least one Hangul letter and no letter of another script. */
  public static boolean isHangul(String text) {
    return Hangul.allSyllables(TextFold.clean(text));
  }

  /** A name given in two columns, any script; either may be blank or null. */
  public StandardName parts(String surname, String givenName) {
    String s = TextFold.clean(surname);
    String g = TextFold.clean(givenName);
    if (s.isEmpty() && g.isEmpty()) {
      return StandardName.EMPTY;
    }
    if (swapped(s, g)) {
      String t = s;
      s = g;
      g = t;
    }
    return build(s, g, scriptOf(s, g));
  }

  /**
   * Whether the two columns hold the name the other way round ("Soon-young | Jung"): the given
   * column is one word that is a table surname and the surname column is not one but reads as a
   * Korean given name (Hangul, Hanja, or a romanization: "Hyang | Yi").
   */
  private static boolean swapped(String surname, String given) {
    if (given.isEmpty() || given.indexOf(' ') >= 0 || given.indexOf('-') >= 0) {
      return false;
    }
    if (surname.isEmpty() || surnameEntry(surname) != null) {
      return false;
    }
    if (!hasCjk(surname) && syllableCount(surname) == 0) {
      return false; // "Smith | Lee" is a western surname and a given name, not a swap
    }
    return surnameEntry(given) != null && listed(given);
  }

  /**
   * A whole name in one column, in either order and any script: 리순희, 李순희, 南宮民, "Ri Sun Hui",
   * "Sun-hui Ri", "LEE Soon-hee", "Lee, Soon-hee".
   */
  public StandardName full(String fullName) {
    String t = TextFold.clean(fullName);
    if (t.isEmpty()) {
      return StandardName.EMPTY;
    }
    Script script = scriptOf(t, "");
    if (script == Script.LATIN) {
      t = WordBoundaries.repaired(t);
    }
    int comma = t.indexOf(',');
    if (comma < 0) {
      comma = t.indexOf('，');
    }
    if (comma >= 0) {
      return build(t.substring(0, comma).strip(), t.substring(comma + 1).strip(), script);
    }
    List<String> tokens = tokens(t);
    if (tokens.isEmpty()) {
      return StandardName.EMPTY;
    }
    if (tokens.size() == 1) {
      return single(tokens.get(0), script);
    }
    return ordered(tokens, script);
  }

  // ---------------------------------------------------------------- splitting a full name

  private StandardName single(String token, Script script) {
    if (isCjk(token.charAt(0))) {
      int cut = token.length() >= 2 && Surnames.isTwoSyllable(token.substring(0, 2)) ? 2 : 1;
      return build(token.substring(0, cut), token.substring(cut), script);
    }
    boolean surname = token.indexOf('-') < 0 && Surnames.lookup(TextFold.asciiKey(token)) != null;
    return surname ? build(token, "", script) : build("", token, script);
  }

  /**
   * Chooses which end of a multi-word name is the surname: a comma or an all-capitals word says so;
   * otherwise the end that is the more common table surname, the back end counting a twentieth, or
   * a tenth when there are three or more words (Korean order is the usual one; lists swap a few
   * percent of names). "Sun Hui Ri" → Ri (14.7% of Koreans) rather than Sun (孫, 0.9%); "Ok Rim Jo"
   * → Jo (2.1%) rather than Ok (0.05%); "Xu Jin" → Xu (徐, 1.5%) though Jin (金) is 21.5%. A short
   * word in front that is no romanization counts as a rare surname (0.1%, "Kmi Hyang Ok").
   */
  /**
   * How strongly a word's spelling says it is a surname: its surname's share, or, for a Latin
   * spelling two surnames share (pinyin Jin is 金 Kim, Korean Jin is 진), the share of the rarer:
   * which one is meant is unknown, and a Korean given syllable Jin at the end of "Hong Hye Jin"
   * must not outweigh the surname Hong in front with the share of Kim.
   */
  private static double surnameEvidence(Surnames.Entry e, String text) {
    String other = Surnames.alternative(TextFold.asciiKey(text));
    if (other.isEmpty()) {
      return e.frequency();
    }
    Surnames.Entry alt = Surnames.lookup(other);
    return alt == null ? e.frequency() : Math.min(e.frequency(), alt.frequency());
  }

  private StandardName ordered(List<String> tokens, Script script) {
    int n = tokens.size();
    int caps = -1;
    int capsCount = 0;
    boolean lower = false;
    for (int i = 0; i < n; i++) {
      String w = tokens.get(i);
      if (isAllCaps(w)) {
        caps = i;
        capsCount++;
      } else if (hasLower(w)) {
        lower = true;
      }
    }
    if (capsCount == 1 && lower && (caps == 0 || caps == n - 1)) {
      return caps == 0 ? split(tokens, 1, true, script) : split(tokens, 1, false, script);
    }
    if (isCjk(tokens.get(0).charAt(0))) {
      // Hangul and Hanja keep Korean order unless only the last word is a surname (기수 차)
      boolean back = surnameEntry(tokens.get(0)) == null && surnameEntry(tokens.get(n - 1)) != null;
      return split(tokens, 1, !back, script);
    }
    double bestScore = -1;
    int bestLen = 1;
    boolean bestFront = true;
    int[][] candidates = {{1, 1}, {2, 1}, {1, 0}, {2, 0}};
    // a second pass, only when no end is a table surname: a misspelt one (Kium Song Chol)
    for (int pass = 0; pass < 2 && bestScore < 0; pass++) {
      for (int[] c : candidates) {
        int len = c[0];
        boolean front = c[1] == 1;
        if (len >= n || pass == 1 && len != 1) {
          continue;
        }
        String text = front ? join(tokens, 0, len, "") : join(tokens, n - len, n, "");
        Surnames.Entry e =
            pass == 0
                ? surnameEntry(text)
                : misspelt(text, front ? join(tokens, 1, n, " ") : join(tokens, 0, n - 1, " "));
        if (e == null || len == 2 && e.hangul().length() != 2) {
          continue;
        }
        if (len == 1 && text.indexOf('-') >= 0 && e.hangul().length() != 2) {
          continue;
        }
        // with three or more words (syllables written apart, DPRK style) a one-letter word at the
        // back is a syllable (Song Ae I = 송애이)
        if (!front && n >= 3 && text.length() == 1) {
          continue;
        }
        // Korean order is the common one in our lists, and a spelling found only through its
        // canonical reading (Young → 용) is weaker evidence than one listed in the table
        double backWeight = n >= 3 ? 0.1 : 0.05;
        double score =
            surnameEvidence(e, text)
                * (front ? 1 : backWeight)
                * (listed(text) ? 1 : 0.1)
                * (pass == 0 ? 1 : MISSPELT_WEIGHT);
        if (front && n >= 3 && e.frequency() < RARE_FRONT) {
          // a rare surname in front of syllables written apart is as likely a given-name syllable
          // (Myong Gun Ryang: 명 is 0.1% of surnames but a common first syllable of given names)
          score *= RARE_FRONT_WEIGHT;
        }
        if (score > bestScore) {
          bestScore = score;
          bestLen = len;
          bestFront = front;
        }
      }
    }
    String first = tokens.get(0);
    if (!bestFront
        && bestScore < RARE_SURNAME
        && first.length() <= 4
        && surnameEntry(first) == null
        && syllableCount(first) == 0) {
      // nothing better at the back than a short word in front that is no romanization, so a
      // misspelt surname (Kmi Hyang Ok): keep Korean order, as if it were a rare surname
      return split(tokens, 1, true, script);
    }
    if (bestScore < 0 && !isCjk(first.charAt(0))) {
      return split(tokens, 1, !westernOrder(tokens), script);
    }
    return split(tokens, bestLen, bestFront, script);
  }

  /**
   * With no table surname at either end (a misspelt one, or a western name), the end that reads as
   * a Korean given name of two or more syllables is the given name ("Yn Jongsok", "Ryonghwan Il");
   * otherwise Korean order ("Miin Chunhyang", "Yasn Hun"), unless neither end is a romanization at
   * all: a western name in western order (John Smith).
   */
  private static boolean westernOrder(List<String> tokens) {
    int front = syllableCount(tokens.get(0));
    int back = syllableCount(tokens.get(tokens.size() - 1));
    if (front >= 2 && back < 2 || back >= 2 && front < 2) {
      return front >= 2;
    }
    return front == 0 && back == 0;
  }

  /** Korean syllables in a Latin word, or 0 if it is not a romanization. */
  private static int syllableCount(String word) {
    if (word.indexOf('-') >= 0) {
      return 2;
    }
    String[] s = Romanized.syllables(TextFold.asciiKey(word));
    return s == null ? 0 : s.length;
  }

  private StandardName split(List<String> tokens, int len, boolean front, Script script) {
    int n = tokens.size();
    return front
        ? build(join(tokens, 0, len, ""), join(tokens, len, n, " "), script)
        : build(join(tokens, n - len, n, ""), join(tokens, 0, n - len, " "), script);
  }

  private static List<String> tokens(String t) {
    List<String> out = new ArrayList<>(4);
    int start = -1;
    for (int i = 0; i <= t.length(); i++) {
      boolean sep = i == t.length() || Character.isWhitespace(t.charAt(i)) || t.charAt(i) == '·';
      if (sep) {
        if (start >= 0) {
          out.add(t.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
    }
    return out;
  }

  private static String join(List<String> tokens, int from, int to, String sep) {
    if (to - from == 1) {
      return tokens.get(from);
    }
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        b.append(sep);
      }
      b.append(tokens.get(i));
    }
    return b.toString();
  }

  private static boolean isAllCaps(String w) {
    int letters = 0;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isUpperCase(c)) {
        letters++;
      }
    }
    return letters >= 2;
  }

  private static boolean hasLower(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Character.isLowerCase(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- building the keys

  private StandardName build(String surname, String given, Script script) {
    String sKey = "";
    boolean korean = false;
    double freq = Double.NaN;
    String misspeltAlternative = null;
    if (!surname.isEmpty()) {
      Surnames.Entry e = surnameEntry(surname);
      if (e != null) {
        sKey = e.key();
        korean = true;
        freq = e.frequency();
      } else {
        List<Surnames.Entry> near = misspellings(surname, given);
        if (!near.isEmpty()) {
          sKey = near.get(0).key();
          korean = true;
          freq = near.get(0).frequency();
          misspeltAlternative = near.size() > 1 ? near.get(1).key() : "";
        } else {
          sKey = unknownSurnameKey(surname);
        }
      }
    }
    StandardName n;
    if (given.isEmpty()) {
      n = new StandardName(sKey, "", List.of(), script, korean, freq, "", "");
    } else if (hasCjk(given)) {
      n = cjkGiven(sKey, given, script, korean, freq);
    } else {
      boolean koreanContext = korean || hasCjk(surname) || looksKorean(given);
      n = latinGiven(sKey, given, script, koreanContext, freq);
    }
    String alternative =
        misspeltAlternative != null
            ? misspeltAlternative
            : korean && !hasCjk(surname) ? Surnames.alternative(TextFold.asciiKey(surname)) : "";
    return alternative.isEmpty()
        ? n
        : new StandardName(
            n.surname(),
            n.given(),
            n.givenSyllables(),
            n.script(),
            n.koreanSurname(),
            n.surnameFrequency(),
            n.givenPlain(),
            alternative);
  }

  private static StandardName cjkGiven(
      String sKey, String given, Script script, boolean korean, double freq) {
    List<String> syllables = new ArrayList<>(given.length());
    boolean han = false;
    boolean unread = false;
    for (int i = 0; i < given.length(); i++) {
      char c = given.charAt(i);
      char h = c;
      if (!Hangul.isSyllable(c)) {
        if (!Han.isHan(c)) {
          continue;
        }
        han = true;
        h = HanjaReadings.reading(c);
        if (h == 0) {
          unread = true;
          continue;
        }
      }
      String syl = Hangul.canonical(h);
      syllables.add(syllables.isEmpty() ? Hangul.initial(syl) : syl);
    }
    String pinyin = han ? Han.pinyin(given) : "";
    if (unread) {
      return new StandardName(sKey, pinyin, List.of(), script, korean, freq, pinyin, "");
    }
    String key = String.join("", syllables);
    return new StandardName(sKey, key, syllables, script, korean, freq, han ? pinyin : key, "");
  }

  /**
   * A Latin given name is read as a Korean romanization when the surname is a Korean one (in the
   * table, or written in Hangul or Hanja) or the given name is written the Korean way (see {@link
   * #looksKorean}); a word that does not segment is then folded letter by letter ({@link
   * Romanized#approximate}). Any other given name is folded as in FEBRL (case and accents only), so
   * that a western name and its misspellings stay comparable.
   */
  private static StandardName latinGiven(
      String sKey, String given, Script script, boolean koreanContext, double freq) {
    boolean korean = !Double.isNaN(freq);
    List<String> words = latinWords(given);
    String plain = words.size() == 1 ? words.get(0) : String.join("", words);
    if (plain.isEmpty()) {
      return new StandardName(sKey, "", List.of(), script, korean, freq, "", "");
    }
    if (koreanContext) {
      List<String> syllables = new ArrayList<>(4);
      for (String w : words) {
        String[] s = Romanized.syllables(w);
        if (s == null) {
          syllables = null;
          break;
        }
        for (String x : s) {
          syllables.add(syllables.isEmpty() ? Hangul.initial(x) : x);
        }
      }
      if (syllables != null) {
        return new StandardName(
            sKey, String.join("", syllables), syllables, script, korean, freq, plain, "");
      }
      // a misspelt romanization: fold it letter by letter so that it stays near the right key
      return new StandardName(
          sKey, Romanized.approximate(plain), List.of(), script, korean, freq, plain, "");
    }
    return new StandardName(sKey, plain, List.of(), script, korean, freq, plain, "");
  }

  /**
   * Whether a Latin given name is written the Korean way whatever its surname (a misspelt "Kmi"):
   * romanized syllables joined by a hyphen (Sun-hui, not Mary-Ann), or two or more capitalised
   * words of one syllable each (Hyang Ok, the DPRK system). FEBRL's misspellings split words too
   * ("joshu a"), but in lower case, and never with a hyphen.
   */
  private static boolean looksKorean(String given) {
    if (given.indexOf('-') > 0) {
      for (String w : latinWords(given)) {
        if (Romanized.syllables(w) == null) {
          return false; // Mary-Ann
        }
      }
      return true;
    }
    int words = 0;
    int start = -1;
    for (int i = 0; i <= given.length(); i++) {
      boolean space = i == given.length() || given.charAt(i) == ' ';
      if (!space && start < 0) {
        start = i;
        if (!Character.isUpperCase(given.charAt(i))) {
          return false;
        }
      } else if (space && start >= 0) {
        String[] s = Romanized.syllables(TextFold.asciiKey(given.substring(start, i)));
        if (s == null || s.length != 1) {
          return false;
        }
        words++;
        start = -1;
      }
    }
    return words >= 2;
  }

  /** Words of a Latin name: split at spaces, hyphens and dots; apostrophes and marks dropped. */
  private static List<String> latinWords(String text) {
    List<String> out = new ArrayList<>(3);
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i == text.length() ? ' ' : text.charAt(i);
      if (c == ' ' || c == '-' || c == '.' || c == '_' || c == '/' || c == '‐' || c == '–') {
        if (i > start) {
          String w = TextFold.asciiKey(text.substring(start, i));
          if (!w.isEmpty()) {
            out.add(w);
          }
        }
        start = i + 1;
      }
    }
    return out;
  }

  /** The table entry for a surname written in any script, or null. */
  private static Surnames.Entry surnameEntry(String surname) {
    if (hasCjk(surname)) {
      String t = cjkOnly(surname);
      Surnames.Entry e = Surnames.lookup(t);
      if (e == null) {
        String reading = hangulReading(t);
        e = reading == null ? null : Surnames.lookup(reading);
        if (e == null && reading != null && reading.length() <= 2) {
          // a spelling the canonical alphabet folds onto a table surname (긤 → 김, 캉 → 강)
          e = Surnames.byCanonical(Surnames.canonicalSurname(reading));
        }
      }
      return e;
    }
    if (!TextFold.isAscii(surname) || surname.indexOf('\'') >= 0) {
      Surnames.Entry m = Surnames.marked(markedKey(surname));
      if (m != null) {
        return m;
      }
    }
    String k = TextFold.asciiKey(umlaut(surname));
    if (k.isEmpty()) {
      return null;
    }
    Surnames.Entry e = Surnames.lookup(k);
    if (e == null) {
      String[] s = Romanized.syllables(k);
      if (s != null && s.length <= 2) {
        e =
            Surnames.byCanonical(
                s.length == 1 ? Hangul.initial(s[0]) : Hangul.initial(s[0]) + s[1]);
      }
    }
    return e;
  }

  /** Lower case, NFC, apostrophes unified, separators dropped: "Ch’u" → ch'u. */
  private static String markedKey(String surname) {
    StringBuilder b = new StringBuilder(surname.length());
    for (int i = 0; i < surname.length(); i++) {
      char c = surname.charAt(i);
      if (c == '’' || c == '‘' || c == 'ʼ' || c == '`' || c == '\'') {
        b.append('\'');
      } else if (Character.isLetter(c)) {
        b.append(Character.toLowerCase(c));
      }
    }
    return com.ibm.icu.text.Normalizer2.getNFCInstance().normalize(b);
  }

  /** Pinyin ü (呂 Lü) written v, as pinyin input does, so that it does not fold to u (盧 Lu). */
  private static String umlaut(String surname) {
    return surname.indexOf('ü') < 0 && surname.indexOf('Ü') < 0
        ? surname
        : surname.replace('ü', 'v').replace('Ü', 'V');
  }

  /** Whether the surname is written in the table as it stands (not only by its reading). */
  private static boolean listed(String surname) {
    return hasCjk(surname)
        ? Surnames.lookup(cjkOnly(surname)) != null
        : Surnames.lookup(TextFold.asciiKey(umlaut(surname))) != null;
  }

  /**
   * The table surname that a surname outside the table is most likely a misspelling of (the most
   * common one a keying error away, {@link Surnames#oneEditFrom}), or null. Only in a Korean name:
   * a Hangul surname, or a Latin one whose given name is Hangul, Hanja or a romanization of two or
   * more syllables (Zhng Cholguk, Kium Song Chol), so that western names (FEBRL) keep their own
   * surnames. A rare Korean surname outside the table meets a common neighbour this way (탁 and 박);
   * its comparison with the rest of the record decides.
   */
  private static Surnames.Entry misspelt(String surname, String given) {
    List<Surnames.Entry> near = misspellings(surname, given);
    return near.isEmpty() ? null : near.get(0);
  }

  /** Every table surname a keying error from a surname outside the table, most common first. */
  private static List<Surnames.Entry> misspellings(String surname, String given) {
    if (hasCjk(surname)) {
      String t = cjkOnly(surname);
      return Hangul.allSyllables(t) ? Surnames.oneEditFrom(t) : List.of();
    }
    if (given.isEmpty()
        || surname.indexOf('-') >= 0
        || !hasCjk(given) && !looksKorean(given) && koreanSyllables(given) < 2) {
      return List.of();
    }
    return Surnames.oneEditFrom(TextFold.asciiKey(umlaut(surname)));
  }

  /**
   * Korean syllables in a Latin given name of one or more words, or 0 if one is no romanization.
   */
  private static int koreanSyllables(String given) {
    int n = 0;
    for (String w : latinWords(given)) {
      String[] s = Romanized.syllables(w);
      if (s == null) {
        return 0;
      }
      n += s.length;
    }
    return n;
  }

  /** A surname outside the table: its canonical romanization if Korean, else its folded letters. */
  private static String unknownSurnameKey(String surname) {
    if (!hasCjk(surname)) {
      return TextFold.asciiKey(surname);
    }
    String t = cjkOnly(surname);
    String reading = hangulReading(t);
    return reading != null ? Surnames.canonicalSurname(reading) : Han.pinyin(t);
  }

  /** The Hangul reading of Hangul and Hanja characters, or null if a Hanja is not in the table. */
  private static String hangulReading(String t) {
    StringBuilder b = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      char h = Hangul.isSyllable(c) ? c : HanjaReadings.reading(c);
      if (h == 0) {
        return null;
      }
      b.append(h);
    }
    return b.toString();
  }

  private static String cjkOnly(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (isCjk(s.charAt(i))) {
        b.append(s.charAt(i));
      }
    }
    return b.toString();
  }

  private static boolean hasCjk(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isCjk(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCjk(char c) {
    return Hangul.isSyllable(c) || c >= 0x2E80 && Han.isHan(c);
  }

  // ---------------------------------------------------------------- script detection

  /**
   * The script of a name written in one or two parts: see {@link Script}. Punctuation, digits and
   * spaces do not count.
   */
  static Script scriptOf(String first, String second) {
    boolean hangul = false;
    boolean han = false;
    boolean simplified = false;
    boolean latin = false;
    boolean other = false;
    int n = first.length();
    int total = n + second.length();
    for (int i = 0; i < total; ) {
      String text = i < n ? first : second;
      int at = i < n ? i : i - n;
      int cp = text.codePointAt(at);
      i += Character.charCount(cp);
      if (cp < 128) {
        latin |= cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z';
        continue;
      }
      if (Hangul.isSyllable(cp)) {
        hangul = true;
        continue;
      }
      if (!Character.isLetter(cp)) {
        continue;
      }
      switch (UScript.getScript(cp)) {
        case UScript.HANGUL -> hangul = true;
        case UScript.HAN -> {
          han = true;
          simplified |= cp <= 0xFFFF && Han.isSimplifiedOnly((char) cp);
        }
        case UScript.LATIN -> latin = true;
        default -> other = true;
      }
    }
    if (other || latin && (hangul || han)) {
      return Script.MIXED;
    }
    if (latin) {
      return Script.LATIN;
    }
    if (han && hangul) {
      return Script.HANJA_HANGUL;
    }
    if (han) {
      return simplified ? Script.HAN_CHINESE : Script.HANJA;
    }
    return hangul ? Script.HANGUL : Script.NONE;
  }
}
