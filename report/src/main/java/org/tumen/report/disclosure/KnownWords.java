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

/**
 * The words a report is made of — every gazetteer name and every vocabulary label, in English,
 * Korean and Chinese. Korean given names are ordinary words as often as not (청진 is a city, 송환 a
 * return, 경남 half a province), so a name candidate that lies inside one of these words is not taken
 * for a name: 함경남도 holds no 함경남. Built once, immutable.
 */
final class KnownWords {

  private static final class Standard {
    static final KnownWords INSTANCE = build();
  }

  private final Set<String> cjk;
  private final Set<String> latin;
  private final int longest;

  private KnownWords(Set<String> cjk, Set<String> latin) {
    this.cjk = Set.copyOf(cjk);
    this.latin = Set.copyOf(latin);
    this.longest = cjk.stream().mapToInt(String::length).max().orElse(0);
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
    return new KnownWords(cjk, latin);
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
