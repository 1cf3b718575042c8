package org.tumen.model.documentation;

import java.util.Objects;

/**
 * The next event of one person's journey: crossing → hiding → arrest → detention → forced return →
 * punishment, or consulate entry → safe passage.
 */
public record ChainLink(String next, PersonRef person) {
  public ChainLink {
    Ids.check("event", next);
    Objects.requireNonNull(person);
  }
}
