package org.tumen.model;

/**
 * A provision of international law that an act breaches, e.g. the 1951 Refugee Convention art. 33
 * (non-refoulement).
 */
public record Provision(String instrument, String article, String subject) {
  public Provision {
    if (instrument.isBlank() || article.isBlank()) {
      throw new IllegalArgumentException("a provision needs an instrument and an article");
    }
  }

  @Override
  public String toString() {
    return instrument + " art. " + article + " (" + subject + ")";
  }
}
