package org.tumen.model.documentation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the giver of a source consented to, use by use: store, quote, contact again, share with
 * named partners; each dated and revocable. At most one grant per use: consent given again after a
 * withdrawal is a new version of the source's record, so the history stays in the audit trail.
 */
public record Consent(List<ConsentGrant> grants) {

  public Consent {
    grants = List.copyOf(grants);
    Set<ConsentUse> seen = EnumSet.noneOf(ConsentUse.class);
    for (ConsentGrant g : grants) {
      if (!seen.add(g.use())) {
        throw new IllegalArgumentException("two grants of " + g.use() + " consent");
      }
    }
  }

  /** No consent to anything (e.g. a published media report, whose use needs none). */
  public static Consent none() {
    return new Consent(List.of());
  }

  public Optional<ConsentGrant> grant(ConsentUse use) {
    return grants.stream().filter(g -> g.use() == use).findFirst();
  }

  /** Whether {@code use} was consented to and not withdrawn on {@code day}. */
  public boolean allows(ConsentUse use, LocalDate day) {
    return grant(use).map(g -> g.heldOn(day)).orElse(false);
  }

  /** Whether the source may go to {@code partner} on {@code day}. */
  public boolean allowsSharingWith(String partner, LocalDate day) {
    return grant(ConsentUse.SHARE)
        .map(g -> g.heldOn(day) && g.partners().contains(partner))
        .orElse(false);
  }

  /** This consent with {@code use} withdrawn on {@code day}. */
  public Consent withdraw(ConsentUse use, LocalDate day) {
    ConsentGrant g =
        grant(use)
            .orElseThrow(() -> new IllegalArgumentException("no " + use + " consent to withdraw"));
    List<ConsentGrant> out = new ArrayList<>(grants);
    out.set(out.indexOf(g), g.withdrawnOn(day));
    return new Consent(out);
  }
}
