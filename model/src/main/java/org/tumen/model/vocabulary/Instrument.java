package org.tumen.model.vocabulary;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * A treaty (or, for crimes under customary law, a finding such as the UN Commission of Inquiry's)
 * whose provisions an act can breach.
 *
 * @param delay how long after a state deposits its instrument the treaty binds it, from the
 *     treaty's own entry-into-force article ({@code delayBasis})
 */
public record Instrument(
    String code,
    String shortName,
    Labels name,
    LocalDate adopted,
    Optional<LocalDate> entryIntoForce,
    Period delay,
    String delayBasis,
    Kind kind,
    String source) {

  /** Whether states are bound by joining it, or whatever they joined. */
  public enum Kind {
    /** Binds the states that ratified, acceded or succeeded to it, once in force for them. */
    TREATY,
    /** A finding of crimes under customary international law: binds without consent. */
    FINDING
  }

  public Instrument {
    Objects.requireNonNull(code);
    Objects.requireNonNull(name);
    if (kind == Kind.TREATY && entryIntoForce.isEmpty()) {
      throw new IllegalArgumentException(code + ": a treaty needs its date of entry into force");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException(code + ": an instrument needs a source");
    }
    if (delay.isNegative()) {
      throw new IllegalArgumentException(code + ": negative delay");
    }
  }

  /**
   * The day the treaty began to bind a state that deposited its instrument on {@code deposit}: the
   * later of the treaty's own entry into force and the deposit plus the delay.
   */
  public LocalDate inForceFor(LocalDate deposit) {
    LocalDate own = deposit.plus(delay);
    LocalDate general = entryIntoForce.orElse(adopted);
    return own.isAfter(general) ? own : general;
  }

  @Override
  public String toString() {
    return shortName;
  }
}
