package org.tumen.link;

/**
 * What one field says about a pair: the two values as written, the agreement level, and the field's
 * contribution to the match weight (log2 of m/u, with any term-frequency adjustment; 0 when a value
 * is missing).
 */
public record FieldEvidence(
    String field, String valueA, String valueB, String level, double weight) {}
