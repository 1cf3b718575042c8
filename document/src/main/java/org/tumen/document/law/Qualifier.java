package org.tumen.document.law;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tumen.model.DateRange;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.Institution;
import org.tumen.model.documentation.Involvement;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;
import org.tumen.model.vocabulary.ActType;
import org.tumen.model.vocabulary.Condition;
import org.tumen.model.vocabulary.Instrument;
import org.tumen.model.vocabulary.Provision;
import org.tumen.model.vocabulary.TreatyAction;
import org.tumen.model.vocabulary.Vocabularies;

/**
 * Derives the law an act breaches, instead of asking the documenter to pick instruments.
 *
 * <p>For an act of type T between days d₁ and d₂ and a state S: the provisions are those the
 * vocabulary maps T to (act-types.psv); a provision scoped to one state (the COI's crimes against
 * humanity, scoped to the DPRK) is kept only for that state. For each provision, S's standing on a
 * day is the strongest standing it had under any instrument holding the provision (the 1951
 * Convention or the 1967 Protocol for art. 33): party once its instrument of ratification,
 * accession or succession had entered into force for it (the later of the treaty's entry into force
 * and the deposit plus the treaty's own delay, e.g. CAT art. 27(2): thirty days); consented but not
 * yet in force; signed only; not a party. A customary crime binds without consent. The standing is
 * given at d₁ and at d₂, so an act dated "1998" is seen to straddle China's signature of the ICCPR
 * (1998-10-05).
 *
 * <p>Which states: every state whose institution took part in the act (a forced return engages the
 * returning state's police and the receiving state's border guard); when no state agent is named (a
 * broker, a buyer), the state where it happened. The condition "state-agent" (CAT art. 1: by or
 * with the consent of a public official) is decided from the act; the others are left for the
 * documenter to judge.
 *
 * <p>Reservations and declarations are not modelled (the treaty data names those that touch the
 * mapped provisions), nor are objections, nor a state's territorial application clauses.
 */
public final class Qualifier {

  private final Vocabularies vocabularies;
  private final Gazetteer gazetteer;

  public Qualifier(Vocabularies vocabularies, Gazetteer gazetteer) {
    this.vocabularies = vocabularies;
    this.gazetteer = gazetteer;
  }

  /** With the vocabularies and gazetteer shipped with Tumen. */
  public static Qualifier standard() {
    return new Qualifier(Vocabularies.standard(), Gazetteer.standard());
  }

  /** One qualification per state the act engages (see the class comment). */
  public List<Qualification> qualify(Act act) {
    Set<String> agents = new LinkedHashSet<>();
    for (Involvement i : act.involvements()) {
      if (i.perpetrator() instanceof Institution inst && inst.type().stateActor()) {
        agents.add(inst.state().orElseThrow());
      }
    }
    List<Qualification> out = new ArrayList<>();
    if (agents.isEmpty()) {
      String territorial = territorialState(act.where().place());
      out.add(qualify(act.type(), act.when(), territorial, Qualification.Basis.TERRITORIAL, false));
    } else {
      for (String state : agents) {
        out.add(qualify(act.type(), act.when(), state, Qualification.Basis.STATE_AGENT, true));
      }
    }
    return out;
  }

  /** The ISO code of the country a place lies in. */
  public String territorialState(Place place) {
    return gazetteer.country(place).iso3().orElseThrow();
  }

  /**
   * The provisions an act of {@code type} breaches and {@code state}'s standing under each during
   * {@code when}.
   *
   * @param stateAgent whether a public official did it or consented (decides the "state-agent"
   *     condition; when false the condition is left open, since an unnamed perpetrator may be one)
   */
  public Qualification qualify(
      ActType type, DateRange when, String state, Qualification.Basis basis, boolean stateAgent) {
    List<Finding> findings = new ArrayList<>();
    for (ActType.Breach b : type.breaches()) {
      Provision p = b.provision();
      if (!p.concerns(state)) {
        continue;
      }
      Optional<Condition> open =
          b.condition().filter(c -> !(stateAgent && c.code().equals(Condition.STATE_AGENT)));
      Standing start = standing(p, state, when.earliest());
      Standing end = standing(p, state, when.latest());
      findings.add(new Finding(p, open, start, end, basis(p, state, when.latest())));
    }
    return new Qualification(type, when, state, basis, findings);
  }

  /** {@code state}'s strongest standing on {@code day} under the instruments holding {@code p}. */
  Standing standing(Provision p, String state, LocalDate day) {
    Standing best = Standing.UNKNOWN;
    for (Instrument i : p.instruments()) {
      Standing s = standing(i, state, day);
      if (s.ordinal() < best.ordinal()) {
        best = s;
      }
    }
    return best;
  }

  private Standing standing(Instrument i, String state, LocalDate day) {
    if (i.kind() == Instrument.Kind.FINDING) {
      return Standing.CUSTOMARY;
    }
    return vocabularies
        .treatyAction(i, state)
        .map(a -> Standing.valueOf(a.statusOn(day).name()))
        .orElse(Standing.UNKNOWN);
  }

  private Optional<TreatyAction> basis(Provision p, String state, LocalDate day) {
    Optional<TreatyAction> best = Optional.empty();
    Standing bestStanding = Standing.UNKNOWN;
    for (Instrument i : p.instruments()) {
      Optional<TreatyAction> a = vocabularies.treatyAction(i, state);
      if (a.isPresent()) {
        Standing s = Standing.valueOf(a.get().statusOn(day).name());
        if (best.isEmpty() || s.ordinal() < bestStanding.ordinal()) {
          best = a;
          bestStanding = s;
        }
      }
    }
    return best;
  }
}
