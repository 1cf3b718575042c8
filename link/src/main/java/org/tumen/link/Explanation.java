package org.tumen.link;

import java.util.List;

/**
 * Why a pair scores as it does: the prior log2-odds plus each field's contribution add up to the
 * match weight.
 *
 * @param pair the pair and its score
 * @param prior log2(λ / (1 - λ)) for this kind of pair (within one list or across two)
 * @param fields each compared field's evidence, in spec order
 */
public record Explanation(ScoredPair pair, double prior, List<FieldEvidence> fields) {
  public Explanation {
    fields = List.copyOf(fields);
  }
}
