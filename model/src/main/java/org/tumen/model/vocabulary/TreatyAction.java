package org.tumen.model.vocabulary;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What one state did about one treaty, as the UN Treaty Collection records it: its signature and
 * its consent to be bound (ratification, accession or succession), with the page it was read from.
 * A state of the covered list with neither is not a party, and has a row that says so.
 */
public record TreatyAction(
    Instrument instrument,
    String state,
    Optional<LocalDate> signature,
    Optional<LocalDate> consent,
    Optional<ConsentKind> kind,
    String source,
    String note) {

  /** How a state consented to be bound. */
  public enum ConsentKind {
    RATIFICATION,
    ACCESSION,
    SUCCESSION
  }

  /** A state's standing under a treaty on one day. */
  public enum Status {
    /** Bound: its consent was deposited and the treaty had entered into force for it. */
    PARTY,
    /** Consent deposited, but the treaty had not yet entered into force for it. */
    CONSENTED_NOT_IN_FORCE,
    /**
     * Signed, not ratified: not bound by the provisions, but obliged not to defeat the treaty's
     * object and purpose (Vienna Convention on the Law of Treaties, art. 18).
     */
    SIGNED_ONLY,
    NOT_PARTY
  }

  public TreatyAction {
    Objects.requireNonNull(instrument);
    if (!state.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("not an ISO 3166-1 alpha-3 code: " + state);
    }
    if (consent.isPresent() != kind.isPresent()) {
      throw new IllegalArgumentException(
          state + " " + instrument.code() + ": consent needs its kind");
    }
    if (signature.isPresent() && consent.isPresent() && consent.get().isBefore(signature.get())) {
      throw new IllegalArgumentException(
          state + " " + instrument.code() + ": consent before signature");
    }
    if (kind.isPresent() && kind.get() == ConsentKind.RATIFICATION && signature.isEmpty()) {
      throw new IllegalArgumentException(
          state + " " + instrument.code() + ": ratification without signature");
    }
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException(state + " " + instrument.code() + ": no source");
    }
  }

  /** The day the treaty began to bind the state, if it did. */
  public Optional<LocalDate> bindingFrom() {
    return consent.map(instrument::inForceFor);
  }

  /** The state's standing on {@code day}. */
  public Status statusOn(LocalDate day) {
    if (consent.isPresent() && !day.isBefore(consent.get())) {
      return day.isBefore(bindingFrom().orElseThrow())
          ? Status.CONSENTED_NOT_IN_FORCE
          : Status.PARTY;
    }
    if (signature.isPresent() && !day.isBefore(signature.get())) {
      return Status.SIGNED_ONLY;
    }
    return Status.NOT_PARTY;
  }
}
