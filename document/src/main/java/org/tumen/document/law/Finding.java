package org.tumen.document.law;

import java.util.Optional;
import org.tumen.model.vocabulary.Condition;
import org.tumen.model.vocabulary.Provision;
import org.tumen.model.vocabulary.TreatyAction;

/**
 * One provision an act breaches, and whether the state was bound by it when the act happened.
 *
 * @param condition a condition the documenter must still judge ("if the victim was a child"); empty
 *     when the provision applies outright or the condition was decided from the act
 * @param atStart the state's standing on the first day the act could have happened
 * @param atEnd its standing on the last such day; differs from {@code atStart} when the act's dates
 *     straddle a signature or an entry into force
 * @param basis the treaty action the standing rests on (empty for a customary crime or an uncovered
 *     state)
 */
public record Finding(
    Provision provision,
    Optional<Condition> condition,
    Standing atStart,
    Standing atEnd,
    Optional<TreatyAction> basis) {

  /** Whether the standing is the same throughout the act's dates. */
  public boolean certain() {
    return atStart == atEnd;
  }

  /** The standing, when certain; otherwise the weaker of the two ends. */
  public Standing standing() {
    return atStart.ordinal() >= atEnd.ordinal() ? atStart : atEnd;
  }
}
