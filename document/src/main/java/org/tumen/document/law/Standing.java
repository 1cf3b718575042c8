package org.tumen.document.law;

/** Whether a state was bound by a provision on a day, and how. */
public enum Standing {
  /** Party to an instrument that holds the provision, in force for the state that day. */
  PARTY,
  /** Its consent was deposited, but the instrument had not yet entered into force for it. */
  CONSENTED_NOT_IN_FORCE,
  /**
   * Signed only: not bound by the provision, but obliged not to defeat the treaty's object and
   * purpose (Vienna Convention on the Law of Treaties, art. 18).
   */
  SIGNED_ONLY,
  NOT_PARTY,
  /**
   * Bound without consent: a crime under customary international law that the UN Commission of
   * Inquiry found this state to commit.
   */
  CUSTOMARY,
  /** The treaty data does not cover this state. */
  UNKNOWN;

  /** Whether the state was bound by the provision. */
  public boolean binds() {
    return this == PARTY || this == CUSTOMARY;
  }
}
