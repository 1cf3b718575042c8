package org.tumen.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the documentation of a run holds, counted (docs/documentation.md, "Counting rules"): codes
 * and counts only, never a testimony, a summary or a name.
 *
 * @param sources sources (interviews) imported
 * @param eventRecords event records as the witnesses told them
 * @param events events after de-duplication (the same event told by several witnesses is one)
 * @param acts acts counted (one per victim, act type and event)
 * @param victims distinct victims
 * @param actTypes one row per act type, most acts first
 * @param eventsByMonth events by the month of the year they began (1–12), for the events whose
 *     month some witness knew, split by kind of event (key: a label such as "border crossings")
 * @param eventsMonthUnknown events whose month no witness knew
 * @param deduplication event de-duplication scored against a known truth, or null
 */
public record DocumentationSummary(
    long sources,
    long eventRecords,
    long events,
    long acts,
    long victims,
    List<ActTypeRow> actTypes,
    Map<String, long[]> eventsByMonth,
    long eventsMonthUnknown,
    Deduplication deduplication) {

  public DocumentationSummary {
    actTypes = List.copyOf(actTypes);
    eventsByMonth = new TreeMap<>(eventsByMonth);
    for (long[] months : eventsByMonth.values()) {
      if (months.length != 12) {
        throw new IllegalArgumentException("events by month need 12 months");
      }
    }
  }

  /**
   * One act type: its label, how many acts and victims, how many sources support them, and the
   * provisions it breaches, each with the states measured and whether they were bound (as the legal
   * derivation found them: "1951 Convention art. 33 — CHN party").
   */
  public record ActTypeRow(
      String code, String label, long acts, long victims, long sources, List<String> provisions) {
    public ActTypeRow {
      Objects.requireNonNull(code);
      provisions = List.copyOf(provisions);
    }
  }

  /** Pairwise precision and recall of "same event" against the simulator's truth. */
  public record Deduplication(double precision, double recall, long truePairs) {}
}
