package org.tumen.report.publication;

import java.util.Objects;

/**
 * A quote as it may be published: from a source whose consent to quote stands on the day of
 * publication, with names, places, dates and ages redacted by disclosure control.
 *
 * @param id the information's id, by which a story refers to it
 * @param text the redacted text
 * @param language the source's language (BCP 47), or empty
 * @param redactions how many passages were redacted
 * @param attribution what may be said of the source ({@code interview, 2004}), never who
 */
public record PublishedQuote(
    String id, String text, String language, int redactions, String attribution) {
  public PublishedQuote {
    Objects.requireNonNull(id);
    Objects.requireNonNull(text);
    Objects.requireNonNull(language);
    Objects.requireNonNull(attribution);
  }
}
