package org.tumen.document.law;

import java.util.List;
import java.util.Optional;
import org.tumen.model.DateRange;
import org.tumen.model.vocabulary.ActType;

/**
 * The legal qualification of one act for one state: the provisions the act breaches and whether
 * that state was bound by each when the act happened.
 *
 * @param state the state measured (ISO 3166-1 alpha-3)
 * @param basis why this state: its agents did it, or it happened on its territory
 */
public record Qualification(
    ActType type, DateRange when, String state, Basis basis, List<Finding> findings) {

  /** Why a state's obligations are measured against an act. */
  public enum Basis {
    /** An institution acting for the state took part. */
    STATE_AGENT,
    /**
     * No state agent is named: the state where it happened, whose duty to prevent, protect and
     * punish (e.g. Palermo Protocol art. 5, CEDAW art. 6) the act engages.
     */
    TERRITORIAL
  }

  public Qualification {
    findings = List.copyOf(findings);
  }

  /** The finding for a provision, by code. */
  public Optional<Finding> finding(String provisionCode) {
    return findings.stream().filter(f -> f.provision().code().equals(provisionCode)).findFirst();
  }
}
