package org.tumen.model.documentation;

import java.util.List;
import java.util.Objects;
import org.tumen.model.DateRange;
import org.tumen.model.vocabulary.ActType;

/**
 * What was done to one victim in one event: the act type, when and where, who did it, and the
 * information it rests on (at least one piece: an act no source tells is not documented).
 */
public record Act(
    String id,
    String event,
    Victim victim,
    ActType type,
    DateRange when,
    Location where,
    List<Involvement> involvements,
    List<String> information) {

  public Act {
    Ids.check("act", id);
    Ids.check("event", event);
    Objects.requireNonNull(victim);
    Objects.requireNonNull(type);
    Objects.requireNonNull(when);
    Objects.requireNonNull(where);
    involvements = List.copyOf(involvements);
    information = List.copyOf(information);
    if (information.isEmpty()) {
      throw new IllegalArgumentException("act " + id + " cites no information");
    }
    information.forEach(i -> Ids.check("information", i));
  }
}
