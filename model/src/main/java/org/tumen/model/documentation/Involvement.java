package org.tumen.model.documentation;

import java.util.Objects;

/** A perpetrator's part in an act. */
public record Involvement(Perpetrator perpetrator, Degree degree) {
  public Involvement {
    Objects.requireNonNull(perpetrator);
    Objects.requireNonNull(degree);
  }
}
