package org.tumen.model.vocabulary;

/** A kind of event along a journey: a crossing, an arrest, a forced return. */
public record EventType(String code, Labels labels) {
  @Override
  public String toString() {
    return code;
  }
}
