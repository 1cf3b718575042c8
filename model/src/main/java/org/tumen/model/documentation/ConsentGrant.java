package org.tumen.model.documentation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Consent to one use of a source, given on a day and perhaps withdrawn later. Sharing names the
 * partners it may go to; the other uses name none.
 */
public record ConsentGrant(
    ConsentUse use, LocalDate given, Optional<LocalDate> withdrawn, Set<String> partners) {

  public ConsentGrant {
    Objects.requireNonNull(use);
    Objects.requireNonNull(given);
    partners = Set.copyOf(partners);
    if (withdrawn.isPresent() && withdrawn.get().isBefore(given)) {
      throw new IllegalArgumentException(use + " consent withdrawn before it was given");
    }
    if ((use == ConsentUse.SHARE) == partners.isEmpty()) {
      throw new IllegalArgumentException(
          use == ConsentUse.SHARE
              ? "consent to share names the partners it may go to"
              : use + " consent names no partners");
    }
    if (partners.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("a blank partner name");
    }
  }

  /** Consent to {@code use} given on {@code given}, not withdrawn. */
  public static ConsentGrant of(ConsentUse use, LocalDate given) {
    return new ConsentGrant(use, given, Optional.empty(), Set.of());
  }

  /** Whether the consent held on {@code day}: given on or before it, not withdrawn on or before. */
  public boolean heldOn(LocalDate day) {
    return !day.isBefore(given) && (withdrawn.isEmpty() || day.isBefore(withdrawn.get()));
  }

  /** The same consent, withdrawn on {@code day}. */
  public ConsentGrant withdrawnOn(LocalDate day) {
    return new ConsentGrant(use, given, Optional.of(day), partners);
  }
}
