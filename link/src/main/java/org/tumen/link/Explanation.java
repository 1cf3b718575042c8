package org.tumen.link;

import java.util.List;

/**
 * Why a pair scores as it does: the prior log2-odds, each field's contribution and the dependence
 * term add up to the match weight.
 *
 * @param pair the pair and its score
 * @param prior log2(λ / (1 - λ)) for this kind of pair (within one list or across two)
 * @param fields each compared field's evidence, in spec order
 * @param dependence bits for fields that agree together among different people more often than
 *     their u's say (a given name and sex), summed over every two fields the pair agrees on
 */
public record Explanation(
    ScoredPair pair, double prior, List<FieldEvidence> fields, double dependence) {
  public Explanation {
    fields = List.copyOf(fields);
  }
}
