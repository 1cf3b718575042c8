package org.tumen.model;

/** A person's part in an event (HURIDOCS events standard). */
public enum Role {
  VICTIM,
  PERPETRATOR,
  WITNESS,
  SOURCE
}
