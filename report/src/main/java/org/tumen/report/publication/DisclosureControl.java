package org.tumen.report.publication;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tumen.document.count.CountTable;

/**
 * The one seam through which every table and quote passes before it is published, and which checks
 * the finished output. Its implementation is the disclosure control of {@code
 * org.tumen.report.disclosure}; nothing in reports or the site suppresses or redacts by itself.
 */
public interface DisclosureControl {

  /**
   * The table as it may be published: small cells suppressed, with complementary suppression so
   * that none can be recovered from the total.
   *
   * @param id the published table's id
   */
  PublishedTable protect(String id, CountTable table);

  /**
   * Acts by place, counted at the finest level not finer than {@code finest} at which suppression
   * hides little (global recoding before suppression), then protected.
   *
   * @param rule the counting rule, in words
   */
  PublishedTable protectByPlace(
      String id,
      java.util.List<org.tumen.document.count.CountedAct> acts,
      org.tumen.model.place.PlaceLevel finest,
      String rule);

  /**
   * The quote as it may be published, redacted; empty when it may not be (no consent to quote on
   * the day of publication).
   */
  Optional<PublishedQuote> quote(QuoteCandidate candidate);

  /** Checks finished output: one line per problem ({@code file: what}); empty when it may go. */
  List<String> check(Path output);

  /**
   * A passage a report may quote, before control: the caller holds the unlocked text.
   *
   * @param id the information's id
   * @param source the source's id
   * @param consent the source's consent, judged on the day of publication
   */
  record QuoteCandidate(
      String id,
      String text,
      String language,
      String source,
      org.tumen.model.documentation.Consent consent,
      String attribution) {}
}
