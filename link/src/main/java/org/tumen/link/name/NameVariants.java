package org.tumen.link.name;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.documentation.Source;

/**
 * The spellings in the searched texts of the name a query gives, matched through the linker's name
 * keys (docs/names.md: one surname key whatever the script or romanization, the given name's key
 * with the vowels romanizations blur folded), as {@code tumen find --name} matches records. So 리순희
 * finds "Ri Sun Hui" and "Ri Sun Hui" finds 리순희: the keys are compared, and the text's own spelling
 * is what the index is then asked for. A surname alone (李, 이, Lee) gives the texts' full names with
 * that surname in any script (리순희, Ri Sun Hui, 李順姬), at most {@link #MAX_SURNAME_VARIANTS}.
 *
 * <p>Names in the texts are guessed from their form: two or three capitalised Latin words ("Ri Sun
 * Hui", "Lee Soon-hee"), the first two to four syllables of a Hangul word (리순희가 → 리순희), or two to
 * four Han characters starting at a character the surname table knows (李順姬在… → 李順姬); a guess counts
 * only when the linker reads it as a Korean surname and a given name.
 *
 * <p>Used by the command line's {@code tumen search} and by the web's search alike. The spellings
 * come from every text, also those a user may not read: they only widen the query, and the search
 * itself filters hits to the user's sources, so no spelling of another case is ever shown.
 * Thread-safe: {@link #add(Documentation)} may grow it while others ask for variants.
 */
public final class NameVariants {

  /** A surname alone widens the query to at most this many full names. */
  public static final int MAX_SURNAME_VARIANTS = 100;

  private static final Pattern LATIN =
      Pattern.compile("\\b[A-Z][a-z]+(?:(?: [A-Z]|-[A-Za-z])[a-z]*){1,2}\\b");
  private static final Pattern HANGUL = Pattern.compile("[\\uAC00-\\uD7A3]{2,}");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}{2,}");

  private final NameStandardiser names = new NameStandardiser();
  private final Map<String, Set<String>> spellingsByKey = new HashMap<>();
  private final Map<String, Set<String>> spellingsBySurname = new HashMap<>();

  private NameVariants() {}

  /** Collects the name spellings of every testimony and summary. */
  public static NameVariants of(Documentation d) {
    NameVariants v = new NameVariants();
    for (Source s : d.sources()) {
      s.text().ifPresent(v::collect);
    }
    for (Event e : d.events()) {
      e.summary().ifPresent(v::collect);
    }
    return v;
  }

  /** Collects the name spellings of new testimonies and summaries (an intake just stored). */
  public synchronized void add(Documentation part) {
    for (Source s : part.sources()) {
      s.text().ifPresent(this::collect);
    }
    for (Event e : part.events()) {
      e.summary().ifPresent(this::collect);
    }
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
    // Chinese has no spaces: a name may start anywhere in a run, but only at a table surname.
    Matcher c = HAN.matcher(text);
    while (c.find()) {
      String run = c.group();
      for (int at = 0; at + 2 <= run.length(); at++) {
        if (Surnames.lookup(run.substring(at, at + 1)) == null
            && !Surnames.isTwoSyllable(run.substring(at, at + 2))) {
          continue;
        }
        for (int n = 2; n <= Math.min(4, run.length() - at); n++) {
          add(run.substring(at, at + n));
        }
      }
    }
  }

  private void add(String candidate) {
    StandardName n = names.full(candidate);
    key(n)
        .ifPresent(
            k -> {
              spellingsByKey.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(candidate);
              spellingsBySurname
                  .computeIfAbsent(n.surname(), x -> new LinkedHashSet<>())
                  .add(candidate);
            });
  }

  private static Optional<String> key(StandardName n) {
    if (!n.koreanSurname() || !n.hasSurname() || !n.hasGiven()) {
      return Optional.empty();
    }
    return Optional.of(n.surname() + "|" + n.givenCoarse());
  }

  /**
   * The texts' spellings of the name the query gives (not the query itself); for a surname alone,
   * the texts' full names with that surname; else none.
   */
  public synchronized Set<String> variants(String query) {
    if (query == null || query.isBlank()) {
      return Set.of();
    }
    StandardName n = names.full(query);
    Set<String> out = new LinkedHashSet<>();
    Optional<String> k = key(n);
    if (k.isPresent()) {
      out.addAll(spellingsByKey.getOrDefault(k.get(), Set.of()));
    } else if (n.koreanSurname() && !n.hasGiven() && query.strip().indexOf(' ') < 0) {
      for (String s : spellingsBySurname.getOrDefault(n.surname(), Set.of())) {
        if (out.size() >= MAX_SURNAME_VARIANTS) {
          break;
        }
        out.add(s);
      }
    }
    out.remove(query);
    return out;
  }
}
