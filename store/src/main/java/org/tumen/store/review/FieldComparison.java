package org.tumen.store.review;

/**
 * One compared field of a pair as a reviewer sees it: both values as written, the agreement level
 * and the field's contribution to the match weight in bits (the linker's evidence).
 */
public record FieldComparison(
    String field, String valueA, String valueB, String level, double weight) {}
