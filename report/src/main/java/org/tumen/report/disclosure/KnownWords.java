package org.tumen.report.disclosure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tumen.link.name.TextFold;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;
import org.tumen.model.vocabulary.Labels;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.report.text.Texts;

/**
 * The words a report is made of — every gazetteer name and every vocabulary label, in English,
 * Korean and Chinese. Korean given names are ordinary words as often as not (청진 is a city, 송환 a
 * return, 경남 half a province), so a name candidate that lies inside one of these words is not taken
 * for a name: 함경남도 holds no 함경남.
 *
 * <p>Also the application's <b>fixed text</b>: every message of the report and site catalogues
 * ({@link Texts}, three languages), cut at its placeholders and at the characters markup escapes.
 * Text that does not come from the data cannot disclose a person, however many synthetic people
 * share a name with 이름 ("name") or 적용 ("applies"). These count only as whole strings where they
 * occur ({@link #fixedSpans}), so a name put into a message by a placeholder, or written next to
 * one, is still a candidate. Built once, immutable.
 */
final class KnownWords {

  private static final class Standard {
    static final KnownWords INSTANCE = build();
  }

  private final Set<String> cjk;
  private final Set<String> latin;
  private final int longest;
  private final List<String> fixed;

  private KnownWords(Set<String> cjk, Set<String> latin, Set<String> fixed) {
    this.cjk = Set.copyOf(cjk);
    this.latin = Set.copyOf(latin);
    this.longest = cjk.stream().mapToInt(String::length).max().orElse(0);
    this.fixed = fixed.stream().sorted().toList();
  }

  static KnownWords standard() {
    return Standard.INSTANCE;
  }

  private static KnownWords build() {
    List<String> texts = new ArrayList<>();
    for (Place p : Gazetteer.standard().places()) {
      texts.addAll(List.of(p.names().en(), p.names().ko(), p.names().zh()));
      texts.addAll(p.otherNames());
    }
    Vocabularies v = Vocabularies.standard();
    List<Labels> labels = new ArrayList<>();
    v.actTypes().forEach(a -> labels.add(a.labels()));
    v.eventTypes().forEach(e -> labels.add(e.labels()));
    v.institutionTypes().forEach(i -> labels.add(i.labels()));
    v.provisions().forEach(p -> labels.add(p.subject()));
    for (Labels l : labels) {
      texts.addAll(List.of(l.en(), l.ko(), l.zh()));
    }
    Set<String> cjk = new HashSet<>();
    Set<String> latin = new HashSet<>();
    for (String t : texts) {
      StringBuilder run = new StringBuilder();
      for (int i = 0; i <= t.length(); i++) {
        char c = i < t.length() ? t.charAt(i) : ' ';
        if (NameFinder.isCjk(c)) {
          run.append(c);
        } else {
          if (run.length() >= 2) {
            cjk.add(run.toString());
          }
          run.setLength(0);
        }
      }
      for (String w : t.split("[^\\p{L}\\p{M}'’-]+")) {
        if (w.length() >= 2 && !IdentityTerms.isCjk(w)) {
          latin.add(fold(w));
        }
      }
    }
    return new KnownWords(cjk, latin, fixedText());
  }

  /** The catalogues' literal pieces with two letters or more. */
  private static Set<String> fixedText() {
    Set<String> out = new HashSet<>();
    for (String language : Texts.LANGUAGES) {
      Texts t = Texts.of(language);
      for (String key : t.keys()) {
        // a placeholder is data; & < > " ' may be written as character references in a page's
        // source, so a piece must not span them either
        for (String piece : t.get(key).split("\\{\\d+}|[&<>\"']")) {
          String p = piece.strip();
          if (p.codePoints().filter(Character::isLetter).count() >= 2) {
            out.add(p);
          }
        }
      }
    }
    return out;
  }

  /**
   * Where the application's fixed text occurs whole in {@code text}: {@code [start, end)} pairs. A
   * name candidate that lies wholly inside one of them is the application's own wording.
   */
  List<int[]> fixedSpans(String text) {
    List<int[]> out = new ArrayList<>();
    for (String f : fixed) {
      for (int at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1)) {
        out.add(new int[] {at, at + f.length()});
      }
    }
    return out;
  }

  static String fold(String latinWord) {
    return TextFold.asciiKey(latinWord).toLowerCase(Locale.ROOT);
  }

  /**
   * For each position of {@code text[from, to)} (a run of Hangul or Han), whether a known word
   * covers it.
   */
  boolean[] covered(String text, int from, int to) {
    boolean[] out = new boolean[to - from];
    for (int s = from; s < to; s++) {
      for (int len = 2; len <= longest && s + len <= to; len++) {
        if (cjk.contains(text.substring(s, s + len))) {
          for (int k = s; k < s + len; k++) {
            out[k - from] = true;
          }
        }
      }
    }
    return out;
  }

  /** Whether every word of a Latin candidate is a known word ("Chongjin", "North Hamgyong"). */
  boolean allKnown(String latinCandidate) {
    for (String w : latinCandidate.split("[\\s,]+")) {
      if (!w.isEmpty() && !latin.contains(fold(w))) {
        return false;
      }
    }
    return true;
  }
}
