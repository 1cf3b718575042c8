package org.tumen.report.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tumen.link.name.NameStandardiser;
import org.tumen.link.name.StandardName;
import org.tumen.link.name.TextFold;
import org.tumen.model.PartialDate;

/**
 * The identities of the persons of a workspace, as the disclosure checks need them: each name
 * reduced to the linker's name keys (docs/names.md), so that 리순희, 이순희, 李순희, 李順姬, Ri Sun Hui, Lee
 * Soon-hee and Sun-hui all find the same person in any text, plus the full birth dates.
 *
 * <p><b>Never written to disk.</b> Built in memory from the unlocked workspace's identities just
 * before a check and dropped after it: the class is not {@link java.io.Serializable}, has no method
 * that writes, and its {@link #toString()} says only how many persons it holds, so a log line or a
 * crash report cannot carry a name. (Java cannot wipe a {@code String}; the values live as long as
 * the garbage collector lets them, as every identity read in Tumen does.)
 */
public final class IdentityTerms {

  /** One name of one person, reduced to keys. */
  record NameKey(String person, StandardName name, int syllables) {}

  private final NameStandardiser standardiser;
  private final List<NameKey> names;
  private final Map<String, List<NameKey>> byGiven;
  private final Map<String, List<NameKey>> byCoarseGiven;
  private final Map<String, List<NameKey>> byPlainGiven;
  private final Map<String, Set<PartialDate>> birthDates;
  private final Map<String, Set<String>> forms;

  private IdentityTerms(Builder b) {
    standardiser = b.standardiser;
    names = List.copyOf(b.names);
    byGiven = new HashMap<>();
    byCoarseGiven = new HashMap<>();
    byPlainGiven = new HashMap<>();
    for (NameKey k : names) {
      if (k.name().hasGiven()) {
        byGiven.computeIfAbsent(k.name().given(), x -> new ArrayList<>()).add(k);
        byCoarseGiven.computeIfAbsent(k.name().givenCoarse(), x -> new ArrayList<>()).add(k);
      }
      if (!k.name().givenPlain().isEmpty()) {
        byPlainGiven.computeIfAbsent(k.name().givenPlain(), x -> new ArrayList<>()).add(k);
      }
    }
    birthDates = Map.copyOf(b.birthDates);
    forms = Map.copyOf(b.forms);
  }

  /** An empty set of terms to add persons to. */
  public static Builder builder() {
    return new Builder(new NameStandardiser());
  }

  /** How many persons the terms describe. */
  public int persons() {
    Set<String> p = new LinkedHashSet<>();
    names.forEach(n -> p.add(n.person()));
    p.addAll(birthDates.keySet());
    return p.size();
  }

  /**
   * The spellings of a person's names that the name model can write out: the names as given, their
   * surname in every Hangul and Latin form of the linker's surname table, in both orders. A name in
   * another romanization is still found by {@link QuoteRedactor} and {@link PublicationCheck},
   * which compare keys, not spellings.
   */
  public Set<String> spellings(String person) {
    return forms.getOrDefault(person, Set.of());
  }

  /** The persons that have spellings to search for byte by byte. */
  Set<String> personsWithSpellings() {
    return forms.keySet();
  }

  /** The full birth dates (day precision) of a person. */
  public Set<PartialDate> birthDates(String person) {
    return birthDates.getOrDefault(person, Set.of());
  }

  /** Whether a full birth date belongs to anyone. */
  Optional<String> personBornOn(PartialDate day) {
    for (Map.Entry<String, Set<PartialDate>> e : birthDates.entrySet()) {
      if (e.getValue().contains(day)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  NameStandardiser standardiser() {
    return standardiser;
  }

  List<NameKey> withGiven(String given) {
    return byGiven.getOrDefault(given, List.of());
  }

  List<NameKey> withCoarseGiven(String coarse) {
    return byCoarseGiven.getOrDefault(coarse, List.of());
  }

  List<NameKey> withPlainGiven(String plain) {
    return byPlainGiven.getOrDefault(plain, List.of());
  }

  boolean isEmpty() {
    return names.isEmpty() && birthDates.isEmpty();
  }

  @Override
  public String toString() {
    return "IdentityTerms[" + persons() + " persons]";
  }

  /**
   * Collects persons' names and birth dates. Not thread-safe; build once, then share the result.
   */
  public static final class Builder {
    private final NameStandardiser standardiser;
    private final List<NameKey> names = new ArrayList<>();
    private final Map<String, Set<PartialDate>> birthDates = new HashMap<>();
    private final Map<String, Set<String>> forms = new HashMap<>();

    private Builder(NameStandardiser standardiser) {
      this.standardiser = standardiser;
    }

    /** A whole name in one string, any script and order (리순희, "Ri Sun Hui", "Lee, Soon-hee"). */
    public Builder name(String person, String fullName) {
      return add(person, standardiser.full(fullName), TextFold.clean(fullName));
    }

    /** A name in two parts, any script. */
    public Builder name(String person, String surname, String givenName) {
      String s = TextFold.clean(surname);
      String g = TextFold.clean(givenName);
      String written = isCjk(s + g) ? s + g : (s + " " + g).strip();
      return add(person, standardiser.parts(surname, givenName), written);
    }

    /** A birth date; only a full date (year, month and day) is searched for. */
    public Builder birthDate(String person, PartialDate date) {
      Objects.requireNonNull(person);
      if (date.precision() == PartialDate.Precision.DAY) {
        birthDates.computeIfAbsent(person, k -> new LinkedHashSet<>()).add(date);
      }
      return this;
    }

    private Builder add(String person, StandardName n, String written) {
      Objects.requireNonNull(person);
      if (n.isEmpty()) {
        return this;
      }
      names.add(new NameKey(person, n, Math.max(n.givenSyllables().size(), 1)));
      Set<String> f = forms.computeIfAbsent(person, k -> new LinkedHashSet<>());
      f.add(written);
      spellOut(n, written, f);
      return this;
    }

    /** The surname table's Hangul and Latin forms with the given name as written. */
    private static void spellOut(StandardName n, String written, Set<String> out) {
      if (!n.koreanSurname() || !n.hasGiven()) {
        return;
      }
      List<String> hangul = NameStandardiser.hangulForms(n.surname());
      if (NameStandardiser.isHangul(written)) {
        String given = null;
        for (String h : hangul) {
          if (written.startsWith(h)) {
            given = written.substring(h.length());
          }
        }
        if (given != null && !given.isEmpty()) {
          for (String h : hangul) {
            out.add(h + given);
          }
        }
      }
      if (!isCjk(written)) {
        String given = givenWritten(written, n);
        if (given != null) {
          for (String latin : NameStandardiser.latinSpellings(n.surname())) {
            String s = capitalised(latin);
            out.add(s + " " + given);
            out.add(given + " " + s);
          }
        }
      }
    }

    /** The given name as written in a Latin name: the words that are not the surname. */
    private static String givenWritten(String written, StandardName n) {
      List<String> rest = new ArrayList<>();
      Set<String> surnames = new LinkedHashSet<>(NameStandardiser.latinSpellings(n.surname()));
      boolean dropped = false;
      for (String w : written.replace(",", " ").split("\\s+")) {
        if (!dropped && surnames.contains(TextFold.asciiKey(w))) {
          dropped = true;
        } else if (!w.isEmpty()) {
          rest.add(w);
        }
      }
      return dropped && !rest.isEmpty() ? String.join(" ", rest) : null;
    }

    private static String capitalised(String s) {
      return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    public IdentityTerms build() {
      return new IdentityTerms(this);
    }
  }

  static boolean isCjk(String s) {
    return s.codePoints().anyMatch(NameFinder::isCjk);
  }
}
