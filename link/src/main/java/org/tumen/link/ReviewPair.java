package org.tumen.link;

import java.util.List;

/**
 * A pair in the uncertain band, for a person to decide, with each field's evidence.
 *
 * @param pair the pair and its score
 * @param evidence per compared field: values, level and weight
 */
public record ReviewPair(ScoredPair pair, List<FieldEvidence> evidence) {
  public ReviewPair {
    evidence = List.copyOf(evidence);
  }
}
