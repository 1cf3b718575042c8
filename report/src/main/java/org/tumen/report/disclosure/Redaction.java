package org.tumen.report.disclosure;

import java.util.Objects;

/**
 * One span a quote loses before publication, for the editor to see and approve.
 *
 * @param start first UTF-16 unit of the span in the original quote
 * @param end one past the last
 * @param kind what was found
 * @param reason why it goes, in words an editor can check (never the identity itself: a person is
 *     named by their pseudonymous id)
 */
public record Redaction(int start, int end, Kind kind, String reason) {

  /** What a redacted span was. */
  public enum Kind {
    NAME("[name]"),
    PLACE("[place]"),
    DATE("[date]"),
    AGE("[age]");

    private final String placeholder;

    Kind(String placeholder) {
      this.placeholder = placeholder;
    }

    /** What replaces the span in the published quote. */
    public String placeholder() {
      return placeholder;
    }
  }

  public Redaction {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(reason);
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
    }
  }

  boolean overlaps(Redaction o) {
    return start < o.end && o.start < end;
  }
}
