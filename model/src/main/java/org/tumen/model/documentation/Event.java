package org.tumen.model.documentation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tumen.model.DateRange;
import org.tumen.model.vocabulary.EventType;

/**
 * Something that happened, as one source tells it: its type, when (a partial date or range), where
 * (a gazetteer place with its precision), a summary (free text, sealed in the store), and the links
 * to the next events of the journeys of the people in it. The same event told by several witnesses
 * is several {@code Event}s until de-duplication merges them.
 */
public record Event(
    String id,
    EventType type,
    DateRange when,
    Location where,
    Optional<String> summary,
    List<ChainLink> chain) {

  public Event {
    Ids.check("event", id);
    Objects.requireNonNull(type);
    Objects.requireNonNull(when);
    Objects.requireNonNull(where);
    chain = List.copyOf(chain);
    for (ChainLink l : chain) {
      if (l.next().equals(id)) {
        throw new IllegalArgumentException("event " + id + " is chained to itself");
      }
    }
  }
}
