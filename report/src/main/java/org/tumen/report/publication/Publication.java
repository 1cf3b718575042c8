package org.tumen.report.publication;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a report or a public site shows, gathered from the workspace and passed through
 * disclosure control: protected tables, the saved estimate, the law, redacted quotes and the
 * provenance of each. Holds no identity and no unprotected count.
 *
 * @param title the report's title
 * @param synthetic whether the data are synthetic (then every page says so)
 * @param from the first day counted ({@code 2002-01-01}), or empty for all
 * @param to the last day counted, or empty for all
 * @param tables the counting tables, protected
 * @param estimate the headline estimate of the total, if one was saved
 * @param otherEstimates the other saved estimates, newest first
 * @param law the provisions the documented acts breach and whether each state was bound
 * @param quotes consented, redacted quotes
 * @param provenance where every number comes from
 */
public record Publication(
    String title,
    boolean synthetic,
    Optional<String> from,
    Optional<String> to,
    List<PublishedTable> tables,
    Optional<EstimateView> estimate,
    List<EstimateView> otherEstimates,
    List<LawRow> law,
    List<PublishedQuote> quotes,
    Provenance provenance) {

  public Publication {
    Objects.requireNonNull(title, "title");
    tables = List.copyOf(tables);
    otherEstimates = List.copyOf(otherEstimates);
    law = List.copyOf(law);
    quotes = List.copyOf(quotes);
    Objects.requireNonNull(provenance, "provenance");
  }

  /** The table with {@code id}, if any. */
  public Optional<PublishedTable> table(String id) {
    return tables.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** The estimate with {@code id} (the headline one or another), if any. */
  public Optional<EstimateView> estimate(String id) {
    if (estimate.isPresent() && estimate.get().id().equals(id)) {
      return estimate;
    }
    return otherEstimates.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /** The quote with {@code id}, if it may be published. */
  public Optional<PublishedQuote> quote(String id) {
    return quotes.stream().filter(q -> q.id().equals(id)).findFirst();
  }

  /** Whether any act was documented in the period. */
  public boolean hasDocumentation() {
    return tables.stream().anyMatch(t -> !t.rows().isEmpty());
  }
}
