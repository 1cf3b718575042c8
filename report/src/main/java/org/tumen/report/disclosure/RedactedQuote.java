package org.tumen.report.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A quote with the spans that must not be published, as an editor reviews it: the original (which
 * stays in the workspace), every redaction with its reason, and the text that would be published.
 * An editor may reject a redaction found in error ({@link #without}) or add one the detectors
 * missed ({@link #with}); each gives a new value. Immutable.
 */
public record RedactedQuote(String original, List<Redaction> redactions) {

  public RedactedQuote {
    Objects.requireNonNull(original);
    List<Redaction> sorted = new ArrayList<>(redactions);
    sorted.sort(Comparator.comparingInt(Redaction::start));
    for (int i = 0; i < sorted.size(); i++) {
      Redaction r = sorted.get(i);
      if (r.end() > original.length()) {
        throw new IllegalArgumentException("redaction beyond the quote's end: " + r);
      }
      if (i > 0 && sorted.get(i - 1).overlaps(r)) {
        throw new IllegalArgumentException(
            "overlapping redactions " + sorted.get(i - 1) + ", " + r);
      }
    }
    redactions = List.copyOf(sorted);
  }

  /** The quote as it would be published, each redacted span replaced by its placeholder. */
  public String text() {
    StringBuilder b = new StringBuilder(original.length());
    int at = 0;
    for (Redaction r : redactions) {
      b.append(original, at, r.start()).append(r.kind().placeholder());
      at = r.end();
    }
    return b.append(original.substring(at)).toString();
  }

  /** This quote with one redaction rejected by the editor. */
  public RedactedQuote without(Redaction r) {
    List<Redaction> rest = new ArrayList<>(redactions);
    if (!rest.remove(r)) {
      throw new IllegalArgumentException("no such redaction: " + r);
    }
    return new RedactedQuote(original, rest);
  }

  /** This quote with a redaction the editor adds; it may not overlap another. */
  public RedactedQuote with(Redaction r) {
    List<Redaction> more = new ArrayList<>(redactions);
    more.add(r);
    return new RedactedQuote(original, more);
  }

  /** The text of a redacted span in the original (for the editor's view only). */
  public String spanText(Redaction r) {
    return original.substring(r.start(), r.end());
  }
}
