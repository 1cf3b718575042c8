package org.tumen.report.publication;

import java.util.Objects;

/**
 * One provision breached by one documented act type, for one state the acts engaged, and whether
 * that state was bound by it when the acts happened.
 *
 * @param actType the act type's code
 * @param provision the provision's citation ({@code 1951 Refugee Convention art. 33})
 * @param condition the condition still to be judged ({@code if child}), or empty
 * @param state the state (ISO 3166-1 alpha-3)
 * @param basis {@code STATE_AGENT} or {@code TERRITORIAL}
 * @param standing the weakest standing over the acts ({@code PARTY}, {@code SIGNED_ONLY} …)
 * @param uncertain whether some act's dates straddle a change of standing
 */
public record LawRow(
    String actType,
    String provision,
    String condition,
    String state,
    String basis,
    String standing,
    boolean uncertain) {
  public LawRow {
    Objects.requireNonNull(actType);
    Objects.requireNonNull(provision);
    Objects.requireNonNull(condition);
    Objects.requireNonNull(state);
    Objects.requireNonNull(basis);
    Objects.requireNonNull(standing);
  }
}
