package org.tumen.model.vocabulary;

import java.util.List;
import java.util.Optional;

/**
 * A provision of international law that an act can breach: ICCPR art. 7, the 1951 Refugee
 * Convention art. 33, murder as a crime against humanity as found by the UN Commission of Inquiry.
 *
 * @param instruments a state is bound by the provision if bound by any of them (the 1967 Protocol
 *     binds its parties to arts. 2–34 of the 1951 Convention)
 * @param scopeState the only state whose acts it qualifies (ISO 3166-1 alpha-3), when the source is
 *     a finding about one state
 */
public record Provision(
    String code,
    List<Instrument> instruments,
    String article,
    Labels subject,
    Optional<String> scopeState,
    String source) {

  public Provision {
    instruments = List.copyOf(instruments);
    if (instruments.isEmpty() || article.isBlank()) {
      throw new IllegalArgumentException(code + ": a provision needs an instrument and an article");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException(code + ": a provision needs a source");
    }
  }

  /** The instrument the provision is cited by: the first named. */
  public Instrument instrument() {
    return instruments.get(0);
  }

  /** Whether the provision applies to acts of {@code state}. */
  public boolean concerns(String state) {
    return scopeState.isEmpty() || scopeState.get().equals(state);
  }

  /** E.g. "ICCPR art. 7". */
  public String citation() {
    return instrument().shortName() + " art. " + article;
  }

  @Override
  public String toString() {
    return citation() + " (" + subject.en() + ")";
  }
}
