package org.tumen.model;

import java.util.List;

/**
 * What was done to a person, each mapped to the provisions of international law it breaches. The
 * mapping follows the instruments' texts: the Refugee Convention (1951), the Convention against
 * Torture (CAT, 1984), the ICCPR (1966), the Palermo Protocol (2000) and CEDAW (1979).
 */
public enum ActType {
  FORCED_RETURN("forced return", P.REFUGEE_33, P.CAT_3, P.ICCPR_7),
  ARBITRARY_DETENTION("arbitrary detention", P.ICCPR_9),
  TORTURE("torture", P.CAT_1, P.ICCPR_7),
  TRAFFICKING("trafficking in persons", P.PALERMO_3, P.CEDAW_6),
  FORCED_MARRIAGE("forced marriage", P.PALERMO_3, P.CEDAW_6),
  EXTORTION("extortion", P.ICCPR_9),
  SEXUAL_VIOLENCE("sexual violence", P.CAT_1, P.ICCPR_7, P.CEDAW_6),
  KILLING("arbitrary killing", P.ICCPR_6),
  DISAPPEARANCE("enforced disappearance", P.ICCPR_6, P.ICCPR_7, P.ICCPR_9),
  PUNISHMENT_FOR_LEAVING("punishment for leaving one's country", P.ICCPR_12_2);

  private final String label;
  private final List<Provision> breaches;

  ActType(String label, Provision... breaches) {
    this.label = label;
    this.breaches = List.of(breaches);
  }

  public String label() {
    return label;
  }

  /** The provisions this act breaches; never empty. */
  public List<Provision> breaches() {
    return breaches;
  }

  /** The provisions, named once here so that every act cites the same text. */
  private static final class P {
    static final Provision REFUGEE_33 =
        new Provision("1951 Refugee Convention", "33", "non-refoulement");
    static final Provision CAT_1 = new Provision("CAT", "1", "definition of torture");
    static final Provision CAT_3 = new Provision("CAT", "3", "no return to a risk of torture");
    static final Provision ICCPR_6 = new Provision("ICCPR", "6", "right to life");
    static final Provision ICCPR_7 =
        new Provision("ICCPR", "7", "no torture or cruel, inhuman or degrading treatment");
    static final Provision ICCPR_9 = new Provision("ICCPR", "9", "liberty and security of person");
    static final Provision ICCPR_12_2 =
        new Provision("ICCPR", "12(2)", "freedom to leave any country");
    static final Provision PALERMO_3 =
        new Provision("Palermo Protocol", "3", "trafficking in persons");
    static final Provision CEDAW_6 =
        new Provision("CEDAW", "6", "trafficking and exploitation of women");
  }
}
