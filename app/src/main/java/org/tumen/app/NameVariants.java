package org.tumen.app;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tumen.link.name.NameStandardiser;
import org.tumen.link.name.StandardName;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.documentation.Source;

/**
 * The spellings in the searched texts of the name a query gives, matched through the linker's name
 * keys (docs/names.md: one surname key whatever the script or romanization, the given name's key
 * with the vowels romanizations blur folded), as {@code tumen find --name} matches records. So 리순희
 * finds "Ri Sun Hui" and "Ri Sun Hui" finds 리순희: the keys are compared, and the text's own spelling
 * is what the index is then asked for.
 *
 * <p>Names in the texts are guessed from their form: two or three capitalised Latin words ("Ri Sun
 * Hui", "Lee Soon-hee"), or the first two to four syllables of a Hangul word (리순희가 → 리순희); a guess
 * counts only when the linker reads it as a Korean surname and a given name.
 */
final class NameVariants {

  private static final Pattern LATIN =
      Pattern.compile("\\b[A-Z][a-z]+(?:(?: [A-Z]|-[A-Za-z])[a-z]*){1,2}\\b");
  private static final Pattern HANGUL = Pattern.compile("[\\uAC00-\\uD7A3]{2,}");

  private final NameStandardiser names = new NameStandardiser();
  private final Map<String, Set<String>> spellingsByKey = new HashMap<>();

  /** Collects the name spellings of every testimony and summary. */
  static NameVariants of(Documentation d) {
    NameVariants v = new NameVariants();
    for (Source s : d.sources()) {
      s.text().ifPresent(v::collect);
    }
    for (Event e : d.events()) {
      e.summary().ifPresent(v::collect);
    }
    return v;
  }

  private void collect(String text) {
    Matcher m = LATIN.matcher(text);
    while (m.find()) {
      add(m.group());
      int lastSpace = m.group().lastIndexOf(' ');
      if (m.group().indexOf(' ') != lastSpace) {
        add(m.group().substring(0, lastSpace)); // "Ri Sun Hui" may be "Ri Sun" + a word
      }
    }
    Matcher h = HANGUL.matcher(text);
    while (h.find()) {
      String word = h.group();
      for (int n = 2; n <= Math.min(4, word.length()); n++) {
        add(word.substring(0, n));
      }
    }
  }

  private void add(String candidate) {
    key(candidate)
        .ifPresent(
            k -> spellingsByKey.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(candidate));
  }

  private Optional<String> key(String name) {
    StandardName n = names.full(name);
    if (!n.koreanSurname() || !n.hasSurname() || !n.hasGiven()) {
      return Optional.empty();
    }
    return Optional.of(n.surname() + "|" + n.givenCoarse());
  }

  /** The texts' spellings of the name the query gives (not the query itself); else none. */
  Set<String> variants(String query) {
    Set<String> out = new LinkedHashSet<>(key(query).map(spellingsByKey::get).orElse(Set.of()));
    out.remove(query);
    return out;
  }
}
