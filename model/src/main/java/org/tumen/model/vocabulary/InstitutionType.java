package org.tumen.model.vocabulary;

/**
 * A kind of perpetrator institution. {@code stateActor}: its members act for a state (border guard,
 * police, state security), so their acts are measured against that state's obligations; a broker's
 * or buyer's acts engage the state where they happen only through its duty to prevent and punish.
 */
public record InstitutionType(String code, Labels labels, boolean stateActor) {
  @Override
  public String toString() {
    return code;
  }
}
