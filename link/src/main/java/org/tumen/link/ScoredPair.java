package org.tumen.link;

import java.util.Objects;

/**
 * A candidate pair with its match probability and match weight (posterior log2-odds).
 *
 * @param a one record
 * @param b the other record
 * @param probability P(match | comparison vector), in [0, 1]
 * @param weight log2(probability / (1 - probability)): the prior log-odds plus each field's log2
 *     Bayes factor
 */
public record ScoredPair(RecordRef a, RecordRef b, double probability, double weight) {
  public ScoredPair {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability outside [0, 1]: " + probability);
    }
  }
}
