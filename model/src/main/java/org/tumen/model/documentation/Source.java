package org.tumen.model.documentation;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.tumen.model.PartialDate;

/**
 * Where information comes from: an interview, an organisation's list, a document, a media report.
 *
 * @param interviewer the interviewer's staff code (a pseudonym, never a name)
 * @param language the language of the source, a BCP 47 tag ({@code ko}, {@code zh-Hans}, {@code
 *     en})
 * @param holder the organisation that holds the source
 * @param text the testimony or document text, when Tumen holds it (sealed in the store)
 */
public record Source(
    String id,
    SourceKind kind,
    Optional<String> interviewer,
    Optional<PartialDate> date,
    Optional<String> language,
    Optional<Location> place,
    String holder,
    Consent consent,
    Reliability reliability,
    Optional<String> text) {

  public Source {
    Ids.check("source", id);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(consent);
    Objects.requireNonNull(reliability);
    interviewer.ifPresent(i -> Ids.check("interviewer", i));
    if (interviewer.isPresent() && kind != SourceKind.INTERVIEW) {
      throw new IllegalArgumentException("source " + id + ": only an interview has an interviewer");
    }
    if (holder == null || holder.isBlank()) {
      throw new IllegalArgumentException("source " + id + ": name the organisation that holds it");
    }
    if (language.isPresent()) {
      try {
        Locale l = new Locale.Builder().setLanguageTag(language.get()).build();
        if (l.getLanguage().isEmpty()) {
          throw new IllformedLocaleException("no language");
        }
      } catch (IllformedLocaleException e) {
        throw new IllegalArgumentException(
            "source " + id + ": not a BCP 47 language tag: " + language.get(), e);
      }
    }
  }
}
