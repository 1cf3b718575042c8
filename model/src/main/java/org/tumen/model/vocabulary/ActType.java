package org.tumen.model.vocabulary;

import java.util.List;
import java.util.Optional;

/** What was done to a victim, and the provisions that doing it breaches. */
public record ActType(String code, Labels labels, List<Breach> breaches) {

  /** A provision this act type breaches, perhaps only under a condition. */
  public record Breach(Provision provision, Optional<Condition> condition) {}

  public ActType {
    breaches = List.copyOf(breaches);
    if (breaches.isEmpty()) {
      throw new IllegalArgumentException(code + ": an act type must breach at least one provision");
    }
  }

  @Override
  public String toString() {
    return code;
  }
}
