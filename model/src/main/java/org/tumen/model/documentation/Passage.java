package org.tumen.model.documentation;

import java.time.Duration;

/** Where in a source a piece of information is: a span of its text, or of its recording. */
public sealed interface Passage {

  /** Characters {@code [start, end)} of the source's text (UTF-16 indexes, as Java strings). */
  record TextSpan(int start, int end) implements Passage {
    public TextSpan {
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException(
            "a text span needs 0 <= start < end: " + start + ".." + end);
      }
    }
  }

  /** From {@code start} to {@code end} of a recording. */
  record TimeSpan(Duration start, Duration end) implements Passage {
    public TimeSpan {
      if (start.isNegative() || end.compareTo(start) <= 0) {
        throw new IllegalArgumentException("a time span needs 0 <= start < end");
      }
    }
  }
}
