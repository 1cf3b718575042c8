package org.tumen.app;

import java.util.List;
import java.util.Optional;
import org.tumen.link.date.DateStandardiser;
import org.tumen.link.date.StandardDate;
import org.tumen.link.name.NameStandardiser;
import org.tumen.link.name.StandardName;

/**
 * Whether a stored record names the person {@code tumen find --name} asks for, through the linker's
 * name keys (docs/names.md): one key per Korean surname whatever the script or romanization (리, 李,
 * Ri, Lee → {@code lee}), and the given name's canonical key with the vowels romanizations blur
 * folded ({@link StandardName#givenCoarse()}), or its plain Latin letters (Chinese characters and
 * their pinyin). So 리영철, 李英哲 and "Ri Yong Chol" find one another; Kim and Lee alone find nobody (a
 * given name is required: a surname alone is a crowd, not a person).
 */
final class NameQuery {

  private final NameStandardiser names = new NameStandardiser();
  private final DateStandardiser dates = new DateStandardiser();
  private final StandardName wanted;
  private final StandardDate born;

  /**
   * @param name a whole name in any script and order
   * @param born a birth date in any common form, or null; a record whose date disagrees on what
   *     both know (year, month, day) is not a match, one without a date is
   */
  NameQuery(String name, String born) {
    this.wanted = names.full(name);
    this.born = born == null ? null : dates.parse(born).orElse(null);
  }

  /** Whether the query names someone: a surname and a given name. */
  boolean isSpecific() {
    return wanted.hasSurname() && wanted.hasGiven();
  }

  /** Whether the query can be read as a date when one was given. */
  boolean hasReadableDate(String text) {
    return text == null || born != null;
  }

  /**
   * @param fields what each column was read as ({@code full_name}, {@code surname}, ...)
   * @param values the record's values, parallel to {@code fields}
   */
  boolean matches(List<String> fields, List<String> values) {
    StandardName n = nameOf(fields, values);
    if (!sameSurname(wanted, n) || !sameGiven(wanted, n)) {
      return false;
    }
    if (born == null) {
      return true;
    }
    int at = fields.indexOf("birth_date");
    Optional<StandardDate> d = at < 0 ? Optional.empty() : dates.parse(values.get(at));
    return d.isEmpty() || compatible(born, d.get());
  }

  private StandardName nameOf(List<String> fields, List<String> values) {
    int full = fields.indexOf("full_name");
    if (full >= 0 && !values.get(full).isBlank()) {
      return names.full(values.get(full));
    }
    int surname = fields.indexOf("surname");
    int given = fields.indexOf("given_name");
    return names.parts(surname < 0 ? "" : values.get(surname), given < 0 ? "" : values.get(given));
  }

  private static boolean sameSurname(StandardName a, StandardName b) {
    return b.hasSurname()
        && (a.surname().equals(b.surname())
            || a.surname().equals(b.surnameAlternative())
            || b.surname().equals(a.surnameAlternative()));
  }

  private static boolean sameGiven(StandardName a, StandardName b) {
    return b.hasGiven()
        && (a.given().equals(b.given())
            || a.givenCoarse().equals(b.givenCoarse())
            || (!a.givenPlain().isEmpty() && a.givenPlain().equals(b.givenPlain())));
  }

  private static boolean compatible(StandardDate a, StandardDate b) {
    int slack = a.ageDerived() || b.ageDerived() ? 1 : 0;
    if (Math.abs(a.year() - b.year()) > slack) {
      return false;
    }
    if (a.hasMonth() && b.hasMonth() && a.month() != b.month()) {
      return a.dayMonthAmbiguous() || b.dayMonthAmbiguous();
    }
    return a.day() == 0
        || b.day() == 0
        || a.day() == b.day()
        || a.dayMonthAmbiguous()
        || b.dayMonthAmbiguous();
  }
}
