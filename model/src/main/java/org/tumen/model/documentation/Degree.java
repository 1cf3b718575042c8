package org.tumen.model.documentation;

/** A perpetrator's degree of involvement in an act (HURIDOCS Events Standard Formats). */
public enum Degree {
  DIRECT,
  ORDERED,
  ASSISTED,
  /** Knew and did not prevent it. */
  ACQUIESCED,
  UNKNOWN
}
