package org.tumen.report.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tumen.link.name.Script;
import org.tumen.link.name.StandardName;

/**
 * Finds the names of {@link IdentityTerms}' persons in running text with the linker's name model:
 * every candidate span is reduced to name keys and compared with the persons' keys, so any script
 * and any romanization the model reads is found, not only the spellings one could list.
 *
 * <p>Candidates: in Latin text, one to three words that start with a capital (a name is written
 * so), separated by spaces or one comma; in Hangul and Chinese text, which has no spaces between a
 * name and its particle (리순희가, 순희는), every substring of two to five characters. A candidate is a
 * <em>full name</em> when its surname key (or the alternative the model keeps) and its given-name
 * key agree with a person's (the loose given key when one side is in Latin letters, the pinyin when
 * one side is in Chinese characters, as in linkage); it is a <em>given name</em> alone when it is a
 * person's given name of two syllables or more read as a Korean given name. Overlapping finds keep
 * the longest. Immutable; thread-safe once the terms are built.
 */
final class NameFinder {

  /** A name found in a text: {@code [start, end)} in UTF-16 units. */
  record Found(int start, int end, String person, boolean fullName) {}

  private static final int MAX_CJK = 5;
  private static final int MAX_WORDS = 3;

  /** A Korean surname to read a lone given name against, so that "Sunhui" reads as 순희. */
  private static final String ANY_KOREAN_SURNAME = "김";

  private final IdentityTerms terms;
  private final boolean strict;
  private final KnownWords known = KnownWords.standard();

  /**
   * @param strict for the publication check: a given name alone counts only when written in Latin
   *     letters the Korean way (Sun-hui, Sun Hui); in Hangul and Chinese text a given name alone is
   *     too often an ordinary word (송환, return) to stop a publication on. Quotes are searched
   *     without it, since an editor reviews each redaction.
   */
  NameFinder(IdentityTerms terms, boolean strict) {
    this.terms = terms;
    this.strict = strict;
  }

  List<Found> find(String text) {
    List<Found> all = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (isCjk(cp)) {
        int end = i;
        while (end < text.length() && isCjk(text.codePointAt(end))) {
          end += Character.charCount(text.codePointAt(end));
        }
        cjk(text, i, end, all);
        acrossSpace(text, i, end, all);
        i = end;
      } else if (Character.isLetter(cp)) {
        int end = wordEnd(text, i);
        latin(text, i, all);
        i = end;
      } else {
        i += Character.charCount(cp);
      }
    }
    if (strict) {
      List<int[]> fixed = known.fixedSpans(text);
      all.removeIf(f -> fixed.stream().anyMatch(s -> s[0] <= f.start() && f.end() <= s[1]));
    }
    return longestFirst(all);
  }

  private void cjk(String text, int from, int to, List<Found> out) {
    boolean[] covered = known.covered(text, from, to);
    for (int s = from; s < to; s++) {
      for (int len = 2; len <= MAX_CJK && s + len <= to; len++) {
        if (inside(covered, s - from, len)) {
          continue;
        }
        String candidate = text.substring(s, s + len);
        String person = fullMatch(terms.standardiser().full(candidate), candidate);
        if (person != null) {
          out.add(new Found(s, s + len, person, true));
        } else if (len <= 3 && !strict && (s == from || !hangul(text.charAt(s)))) {
          // a given name alone starts a Hangul word (particles follow it, nothing precedes it);
          // Chinese text has no spaces to tell
          person = givenMatch(terms.standardiser().parts(ANY_KOREAN_SURNAME, candidate), candidate);
          if (person != null) {
            out.add(new Found(s, s + len, person, false));
          }
        }
      }
    }
  }

  /**
   * A name written in two Hangul or Han words, in either order ("박 순옥", "순옥 박", "李 順姬"): the end of
   * one run, a space, and the start of the next (which may carry a particle: "박 순옥이").
   */
  private void acrossSpace(String text, int from, int to, List<Found> out) {
    int next = to + 1;
    if (to >= text.length()
        || text.charAt(to) != ' '
        || next >= text.length()
        || !isCjk(text.codePointAt(next))) {
      return;
    }
    int nextEnd = next;
    while (nextEnd < text.length() && isCjk(text.codePointAt(nextEnd))) {
      nextEnd++;
    }
    int first = to - from;
    if (first > 3) {
      return; // the first word must be a surname (1-2) or a given name (2-3) on its own
    }
    boolean[] before = known.covered(text, from, to);
    boolean[] after = known.covered(text, next, nextEnd);
    if (inside(before, 0, first)) {
      return;
    }
    for (int e = next + 1; e <= Math.min(nextEnd, next + 3); e++) {
      if (inside(after, 0, e - next)) {
        continue;
      }
      String candidate = text.substring(from, e);
      String person = fullMatch(terms.standardiser().full(candidate), candidate);
      if (person != null) {
        out.add(new Found(from, e, person, true));
      }
    }
  }

  /** Windows of one to three words starting at a capitalised one. */
  private void latin(String text, int start, List<Found> out) {
    if (!Character.isUpperCase(text.codePointAt(start))) {
      return;
    }
    int end = start;
    for (int words = 1; words <= MAX_WORDS; words++) {
      end = wordEnd(text, end);
      String candidate = text.substring(start, end);
      if (known.allKnown(candidate)) {
        // a place or a word of the vocabularies (Chongjin, North Hamgyong), not a name
      } else if (words >= 2) {
        String person = fullMatch(terms.standardiser().full(candidate), candidate);
        if (person != null) {
          out.add(new Found(start, end, person, true));
        }
      }
      if (words <= 2
          && !candidate.contains(",")
          && !known.allKnown(candidate)
          && (!strict || words == 2 || candidate.indexOf('-') > 0)) {
        String person =
            givenMatch(terms.standardiser().parts(ANY_KOREAN_SURNAME, candidate), candidate);
        if (person != null) {
          out.add(new Found(start, end, person, false));
        }
      }
      int next = nextWord(text, end);
      if (next < 0) {
        return;
      }
      end = next;
    }
  }

  /** Whether every character of the candidate lies in a known word. */
  private static boolean inside(boolean[] covered, int at, int len) {
    for (int k = at; k < at + len; k++) {
      if (!covered[k]) {
        return false;
      }
    }
    return true;
  }

  /** The end of the Latin word at {@code i}: letters, marks, and inner hyphens or apostrophes. */
  private static int wordEnd(String text, int i) {
    int j = i;
    while (j < text.length()) {
      int cp = text.codePointAt(j);
      boolean inner =
          (cp == '-' || cp == '\'' || cp == '’')
              && j + 1 < text.length()
              && Character.isLetter(text.codePointAt(j + 1));
      if (Character.isLetter(cp) && !isCjk(cp)
          || Character.getType(cp) == Character.NON_SPACING_MARK
          || inner) {
        j += Character.charCount(cp);
      } else {
        break;
      }
    }
    return j;
  }

  /** The start of the next word if only spaces or one comma lie between, else -1. */
  private static int nextWord(String text, int end) {
    int j = end;
    int commas = 0;
    while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == ',')) {
      if (text.charAt(j) == ',' && ++commas > 1) {
        return -1;
      }
      j++;
    }
    if (j == end || j >= text.length()) {
      return -1;
    }
    int cp = text.codePointAt(j);
    return Character.isLetter(cp) && !isCjk(cp) ? j : -1;
  }

  /**
   * The person whose surname and given name both agree with the candidate's, or null. A Hangul or
   * Han candidate of two characters (a surname and one syllable: 이름 "name", 적용 "applies") must be a
   * spelling the workspace holds ({@link IdentityTerms#spellings}: as written, with the surname
   * table's Hangul forms, 리/이): through romanization keys a one-syllable given name agrees with too
   * many ordinary words, since every syllable is some Latin-written person's given name.
   */
  private String fullMatch(StandardName c, String candidate) {
    if (!c.hasSurname() || !c.hasGiven()) {
      return null;
    }
    String cjkForm = candidate.replace(" ", "");
    boolean short2 =
        strict
            && cjkForm.codePoints().allMatch(NameFinder::isCjk)
            && cjkForm.codePointCount(0, cjkForm.length()) == 2;
    for (IdentityTerms.NameKey k : candidates(c)) {
      StandardName p = k.name();
      if (p.hasSurname()
          && surnameAgrees(p, c)
          && givenAgrees(p, c)
          && (!short2 || terms.spellings(k.person()).contains(cjkForm))) {
        return k.person();
      }
    }
    return null;
  }

  /** The person whose Korean given name of two or more syllables the candidate spells, or null. */
  private String givenMatch(StandardName c, String candidate) {
    if (!c.hasGiven() || c.givenSyllables().size() < 2) {
      return null;
    }
    for (IdentityTerms.NameKey k : candidates(c)) {
      if (k.syllables() >= 2 && givenAgrees(k.name(), c)) {
        return k.person();
      }
    }
    return null;
  }

  private List<IdentityTerms.NameKey> candidates(StandardName c) {
    List<IdentityTerms.NameKey> out = new ArrayList<>(terms.withGiven(c.given()));
    if (latin(c.script())) {
      out.addAll(terms.withCoarseGiven(c.givenCoarse()));
    }
    if (!c.givenPlain().isEmpty()) {
      out.addAll(terms.withPlainGiven(c.givenPlain()));
    }
    return out;
  }

  private static boolean surnameAgrees(StandardName p, StandardName c) {
    return p.surname().equals(c.surname())
        || (!c.surnameAlternative().isEmpty() && p.surname().equals(c.surnameAlternative()))
        || (!p.surnameAlternative().isEmpty() && p.surnameAlternative().equals(c.surname()));
  }

  /** As linkage compares given names: exact key, loose key across Latin, pinyin across Chinese. */
  private static boolean givenAgrees(StandardName p, StandardName c) {
    if (p.given().equals(c.given())) {
      return true;
    }
    if ((latin(p.script()) || latin(c.script())) && p.givenCoarse().equals(c.givenCoarse())) {
      return true;
    }
    boolean pHan = han(p.script());
    boolean cHan = han(c.script());
    return pHan != cHan && !p.givenPlain().isEmpty() && p.givenPlain().equals(c.givenPlain());
  }

  private static boolean latin(Script s) {
    return s == Script.LATIN;
  }

  private static boolean han(Script s) {
    return s == Script.HANJA || s == Script.HAN_CHINESE || s == Script.HANJA_HANGUL;
  }

  /** The longest finds that do not overlap, in text order. */
  private static List<Found> longestFirst(List<Found> all) {
    List<Found> sorted = new ArrayList<>(all);
    sorted.sort(
        Comparator.comparingInt((Found f) -> f.start() - f.end())
            .thenComparing(f -> !f.fullName())
            .thenComparingInt(Found::start));
    List<Found> kept = new ArrayList<>();
    for (Found f : sorted) {
      if (kept.stream().noneMatch(k -> k.start() < f.end() && f.start() < k.end())) {
        kept.add(f);
      }
    }
    kept.sort(Comparator.comparingInt(Found::start));
    return kept;
  }

  private static boolean hangul(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL;
  }

  static boolean isCjk(int cp) {
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HANGUL || s == Character.UnicodeScript.HAN;
  }
}
