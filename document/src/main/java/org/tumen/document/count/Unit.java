package org.tumen.document.count;

/** What a table counts. Victims, acts, events and sources are different counts. */
public enum Unit {
  VICTIMS(
      "victims: distinct people who suffered at least one act of the row; a linked person once, a"
          + " group by its largest reported size (one witness's group counts once across its acts;"
          + " groups told only by different witnesses of different events may count twice)"),
  ACTS(
      "acts: one for each victim of each act type in each event; an act against a group of n people"
          + " counts n (one per victim); the same act told by several witnesses counts once"),
  EVENTS(
      "events: distinct events with at least one act of the row; accounts of one event by several"
          + " witnesses are one event"),
  SOURCES(
      "sources: distinct sources (interviews, lists, documents, reports) telling an act of the row");

  private final String description;

  Unit(String description) {
    this.description = description;
  }

  /** What exactly is counted, to print above the table. */
  public String description() {
    return description;
  }
}
