package org.tumen.model.documentation;

/** Where information comes from. */
public enum SourceKind {
  INTERVIEW,
  /** An organisation's list of people. */
  LIST,
  DOCUMENT,
  MEDIA_REPORT
}
