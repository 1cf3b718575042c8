package org.tumen.document.search;

import java.util.List;
import java.util.Objects;
import org.tumen.model.documentation.Passage;

/**
 * One text that matches a query: which source's testimony or which event's summary, how well it
 * matches, and where in that text the matching words are. It carries no text: the caller, who
 * already holds the unlocked documentation, shows only as much of it as the user asked for.
 *
 * @param passages the character ranges of the matching words, in text order; empty when the search
 *     only counted them ({@link TestimonySearch#findCounted})
 * @param matches how many ranges of matching words the text holds: the size of {@code passages}
 *     when they were collected
 */
public record SearchHit(
    Kind kind, String id, float score, List<Passage.TextSpan> passages, int matches) {

  /** Whether the hit is a source's testimony or an event's summary. */
  public enum Kind {
    SOURCE,
    EVENT
  }

  public SearchHit {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(id);
    passages = List.copyOf(passages);
    if (!passages.isEmpty() && matches != passages.size()) {
      throw new IllegalArgumentException("matches " + matches + " but " + passages.size());
    }
  }

  /** A hit with the ranges of its matching words, counted by them. */
  public SearchHit(Kind kind, String id, float score, List<Passage.TextSpan> passages) {
    this(kind, id, score, passages, passages.size());
  }
}
