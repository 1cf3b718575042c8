package org.tumen.model.documentation;

import java.util.Objects;
import java.util.Optional;
import org.tumen.model.vocabulary.InstitutionType;

/**
 * A perpetrator institution: its type, the state it acts for (required for a state actor, ISO
 * 3166-1 alpha-3), and optionally the unit ("Onsong county border guard").
 */
public record Institution(InstitutionType type, Optional<String> state, Optional<String> unit)
    implements Perpetrator {

  public Institution {
    Objects.requireNonNull(type);
    if (state.isPresent() && !alpha3(state.get())) {
      throw new IllegalArgumentException("not an ISO 3166-1 alpha-3 code: " + state.get());
    }
    if (type.stateActor() && state.isEmpty()) {
      throw new IllegalArgumentException(type.code() + " acts for a state: name the state");
    }
    if (unit.isPresent() && unit.get().isBlank()) {
      unit = Optional.empty();
    }
  }

  /** {@code [A-Z]{3}}, without compiling a pattern for each institution of a bulk import. */
  private static boolean alpha3(String s) {
    if (s.length() != 3) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      if (s.charAt(i) < 'A' || s.charAt(i) > 'Z') {
        return false;
      }
    }
    return true;
  }

  public static Institution of(InstitutionType type, String state) {
    return new Institution(type, Optional.of(state), Optional.empty());
  }
}
