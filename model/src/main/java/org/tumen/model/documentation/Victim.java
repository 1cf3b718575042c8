package org.tumen.model.documentation;

/** Whom an act was done to: one person, or a group of unnamed people. */
public sealed interface Victim permits PersonRef, Group {
  String id();

  /** How many people: 1 for a person, the count for a group. */
  int headcount();
}
