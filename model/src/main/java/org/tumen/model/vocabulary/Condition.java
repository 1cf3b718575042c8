package org.tumen.model.vocabulary;

/**
 * A condition under which an act type breaches a provision: torture breaches CAT art. 1 only when a
 * public official commits or condones it; forced return breaches CRC art. 22 when the victim is a
 * child.
 */
public record Condition(String code, Labels labels) {

  /** Decided from the act's perpetrators; the other conditions are left to the documenter. */
  public static final String STATE_AGENT = "state-agent";

  @Override
  public String toString() {
    return code;
  }
}
