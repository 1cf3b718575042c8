package org.tumen.model.documentation;

/** The uses of a source that its giver consents to one by one. */
public enum ConsentUse {
  STORE,
  QUOTE,
  CONTACT_AGAIN,
  /** Share with the partners the consent names, and no one else. */
  SHARE
}
