package org.tumen.model.documentation;

import java.util.Objects;
import java.util.Optional;

/**
 * What one source says about one event (and the acts that cite it): the passage, how reliable it
 * is, and whether the source experienced, saw or heard it.
 */
public record Information(
    String id,
    String source,
    Optional<String> event,
    Optional<Passage> passage,
    Reliability reliability,
    Observation observation) {

  public Information {
    Ids.check("information", id);
    Ids.check("source", source);
    event.ifPresent(e -> Ids.check("event", e));
    Objects.requireNonNull(passage);
    Objects.requireNonNull(reliability);
    Objects.requireNonNull(observation);
  }
}
