package org.tumen.report.disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tumen.model.documentation.Consent;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.documentation.Source;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;
import org.tumen.model.place.PlaceLevel;

/**
 * Prepares a quote for publication: refuses it unless its source's consent to quote stands on the
 * day of publication, then finds what could identify someone and proposes to redact it —
 *
 * <ul>
 *   <li><b>names</b> of any person in the workspace, by the linker's name model ({@link
 *       IdentityTerms}): 리순희, 이순희, 李순희, "Ri Sun Hui", "Lee Soon-hee", "Sun-hui" in any script;
 *   <li><b>places below the published level</b>: every gazetteer name in any script (회령, 會寧,
 *       Hoeryŏng) of a place finer than the level the publication shows, and words that look like a
 *       village, farm or mine (…마을, …-ri, "… village");
 *   <li><b>dates</b> finer than a year (a month or a day: "3월 9일", "March 2003", 2003-03-09), since
 *       tables publish years; and <b>ages</b> ("34세", "스물두 살", "十五岁", "aged 34").
 * </ul>
 *
 * Each proposal is a {@link Redaction} with its reason, for an editor to approve. Detection errs
 * towards redacting: an editor can put back a false find, nobody can take back a published name.
 * Immutable and thread-safe.
 */
public final class QuoteRedactor {

  private static final int MAX_CJK_PLACE = 8;
  private static final int MAX_LATIN_PLACE_WORDS = 3;
  private static final Pattern VILLAGE =
      Pattern.compile(
          "[\\p{IsHangul}]{1,6}(?:마을|농장|탄광|광산|로동자구|노동자구)"
              + "|\\b\\p{Lu}[\\p{L}']*-(?:ri|dong|eup|myon|myeon|gu)\\b"
              + "|\\b\\p{Lu}[\\p{L}']*\\s+(?:village|hamlet|farm|mine|township)\\b");

  private final Gazetteer gazetteer;

  public QuoteRedactor(Gazetteer gazetteer) {
    this.gazetteer = Objects.requireNonNull(gazetteer);
  }

  /** With the gazetteer shipped with Tumen. */
  public QuoteRedactor() {
    this(Gazetteer.standard());
  }

  /**
   * The quote's proposed redactions.
   *
   * @throws QuoteRefusedException if the source's consent to quote does not stand on {@code day}
   */
  public RedactedQuote redact(
      String quote, Source source, LocalDate day, IdentityTerms terms, PlaceLevel publishedLevel) {
    return redact(quote, source.id(), source.consent(), day, terms, publishedLevel);
  }

  /**
   * As {@link #redact(String, Source, LocalDate, IdentityTerms, PlaceLevel)} for a source known by
   * its id and consent.
   */
  public RedactedQuote redact(
      String quote,
      String sourceId,
      Consent consent,
      LocalDate day,
      IdentityTerms terms,
      PlaceLevel publishedLevel) {
    if (!consent.allows(ConsentUse.QUOTE, day)) {
      throw new QuoteRefusedException(sourceId, refusal(sourceId, consent, day));
    }
    List<Redaction> found = new ArrayList<>();
    for (NameFinder.Found f : new NameFinder(terms, false).find(quote)) {
      found.add(
          new Redaction(
              f.start(),
              f.end(),
              Redaction.Kind.NAME,
              (f.fullName() ? "name" : "given name") + " of person " + f.person()));
    }
    places(quote, publishedLevel, found);
    for (DatesAndAges.Found f : DatesAndAges.find(quote)) {
      found.add(
          f.age()
              ? new Redaction(f.start(), f.end(), Redaction.Kind.AGE, "an age")
              : new Redaction(f.start(), f.end(), Redaction.Kind.DATE, "a date finer than a year"));
    }
    return new RedactedQuote(quote, longestFirst(found));
  }

  private static String refusal(String sourceId, Consent consent, LocalDate day) {
    return consent
            .grant(ConsentUse.QUOTE)
            .map(
                g ->
                    g.given().isAfter(day)
                        ? "source " + sourceId + ": consent to quote given only on " + g.given()
                        : "source "
                            + sourceId
                            + ": consent to quote withdrawn on "
                            + g.withdrawn().orElseThrow())
            .orElse("source " + sourceId + ": no consent to quote")
        + " (publication day "
        + day
        + ")";
  }

  private void places(String text, PlaceLevel level, List<Redaction> out) {
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (NameFinder.isCjk(cp)) {
        int end = i;
        while (end < text.length() && NameFinder.isCjk(text.codePointAt(end))) {
          end++;
        }
        for (int s = i; s < end; s++) {
          for (int len = 2; len <= MAX_CJK_PLACE && s + len <= end; len++) {
            place(text, s, s + len, level, out);
          }
        }
        i = end;
      } else if (Character.isLetter(cp)) {
        int end = i;
        for (int w = 0; w < MAX_LATIN_PLACE_WORDS; w++) {
          int e = end;
          while (e < text.length() && latinWordChar(text.charAt(e))) {
            e++;
          }
          if (e == end) {
            break;
          }
          place(text, i, e, level, out);
          end = e;
          if (end + 1 < text.length()
              && text.charAt(end) == ' '
              && Character.isLetter(text.charAt(end + 1))
              && !NameFinder.isCjk(text.charAt(end + 1))) {
            end++;
          } else {
            break;
          }
        }
        i++;
        while (i < text.length() && latinWordChar(text.charAt(i))) {
          i++;
        }
      } else {
        i++;
      }
    }
    Matcher m = VILLAGE.matcher(text);
    while (m.find()) {
      out.add(
          new Redaction(
              m.start(), m.end(), Redaction.Kind.PLACE, "looks like a village, farm or mine"));
    }
  }

  private static boolean latinWordChar(char c) {
    return (Character.isLetter(c) && !NameFinder.isCjk(c))
        || Character.getType(c) == Character.NON_SPACING_MARK
        || "-'’".indexOf(c) >= 0;
  }

  private void place(String text, int start, int end, PlaceLevel level, List<Redaction> out) {
    for (Place p : gazetteer.find(text.substring(start, end))) {
      if (p.level().compareTo(level) > 0) {
        out.add(
            new Redaction(
                start,
                end,
                Redaction.Kind.PLACE,
                p.code()
                    + " is a "
                    + p.level().name().toLowerCase(java.util.Locale.ROOT)
                    + "; the publication shows places down to "
                    + level.name().toLowerCase(java.util.Locale.ROOT)));
        return;
      }
    }
  }

  /** The longest finds that do not overlap. */
  static List<Redaction> longestFirst(List<Redaction> all) {
    List<Redaction> sorted = new ArrayList<>(all);
    sorted.sort(
        Comparator.comparingInt((Redaction r) -> r.start() - r.end())
            .thenComparingInt(r -> r.kind().ordinal())
            .thenComparingInt(Redaction::start));
    List<Redaction> kept = new ArrayList<>();
    for (Redaction r : sorted) {
      if (kept.stream().noneMatch(k -> k.overlaps(r))) {
        kept.add(r);
      }
    }
    return kept;
  }
}
