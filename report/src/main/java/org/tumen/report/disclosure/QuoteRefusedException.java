package org.tumen.report.disclosure;

/**
 * A quote that may not be published at all: its source's consent to quote does not stand on the day
 * of publication. The message names the source and the day, so a story file that references the
 * quote can be reported with its line.
 */
public final class QuoteRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String sourceId;

  public QuoteRefusedException(String sourceId, String message) {
    super(message);
    this.sourceId = sourceId;
  }

  public String sourceId() {
    return sourceId;
  }
}
