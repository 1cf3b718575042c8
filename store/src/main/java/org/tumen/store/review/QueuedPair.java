package org.tumen.store.review;

import java.util.List;

/**
 * A pair waiting for review, with its evidence.
 *
 * @param id the queue entry's id (0 before it is stored)
 * @param pair the two records, in order
 * @param probability the model's match probability when it was queued
 * @param fields per compared field, the values side by side (valueA belongs to pair.sourceA's
 *     record); a value of a forgotten person reads as absent (null)
 */
public record QueuedPair(long id, PairRef pair, double probability, List<FieldComparison> fields) {
  public QueuedPair {
    fields = List.copyOf(fields);
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability outside [0, 1]: " + probability);
    }
  }

  /**
   * A pair from the linker's two records in its order, put in the queue's order (the sides of every
   * field swapped with the records when needed).
   */
  public static QueuedPair of(
      String sourceX,
      String recordX,
      String sourceY,
      String recordY,
      double probability,
      List<FieldComparison> fields) {
    PairRef pair = PairRef.of(sourceX, recordX, sourceY, recordY);
    if (!PairRef.swaps(sourceX, recordX, sourceY, recordY)) {
      return new QueuedPair(0, pair, probability, fields);
    }
    return new QueuedPair(
        0,
        pair,
        probability,
        fields.stream()
            .map(f -> new FieldComparison(f.field(), f.valueB(), f.valueA(), f.level(), f.weight()))
            .toList());
  }
}
