package org.tumen.document.count;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tumen.model.DateRange;
import org.tumen.model.place.Place;
import org.tumen.model.vocabulary.ActType;

/**
 * One act as counted: the act records of one act type against one victim in one event (after
 * de-duplication) merged into one.
 *
 * @param event the event cluster
 * @param person the victim, when a linked person
 * @param groups the groups it was done to, as the witness who reported most people told them (each
 *     group id with its size); empty for a person
 * @param when the most precise dates any witness gave
 * @param where the finest place any witness gave
 * @param perpetratorTypes every perpetrator type any witness named ({@code person}, {@code unknown}
 *     when none)
 * @param sources every source that tells it
 */
public record CountedAct(
    String event,
    ActType type,
    Optional<String> person,
    List<GroupCount> groups,
    DateRange when,
    Place where,
    Set<String> perpetratorTypes,
    Set<String> sources) {

  /** A group victim and its reported size. */
  public record GroupCount(String group, int count) {}

  public CountedAct {
    groups = List.copyOf(groups);
    perpetratorTypes = Set.copyOf(perpetratorTypes);
    sources = Set.copyOf(sources);
    if (person.isPresent() == !groups.isEmpty()) {
      throw new IllegalArgumentException("a counted act has a person or groups, not both");
    }
  }

  /** How many victims: 1 for a person, the groups' sizes summed. */
  public int headcount() {
    return person.isPresent() ? 1 : groups.stream().mapToInt(GroupCount::count).sum();
  }
}
