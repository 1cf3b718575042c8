package org.tumen.model.documentation;

/** How the source knows what it says. */
public enum Observation {
  /** It happened to the source. */
  EXPERIENCED,
  SEEN,
  /** Heard from someone else. */
  HEARD
}
