package org.tumen.simulate;

/**
 * A person's true name: a surname and a given name in North Korean Hangul (the person's own
 * spelling). South Korean lists apply the initial-sound rule to the given name too (룡철 → 용철).
 *
 * @param surname the family name
 * @param given the given name in North Korean Hangul, one to three syllables
 * @param pureKorean whether the given name is pure Korean and has no Hanja (보람, 은별)
 */
record KoreanName(Surname surname, String given, boolean pureKorean) {
  KoreanName {
    if (!Hangul.allSyllables(given)) {
      throw new IllegalArgumentException("given name must be Hangul syllables: " + given);
    }
  }

  String rokGiven() {
    return Hangul.southernInitial(given);
  }

  /** 리순희. */
  String dprkHangul() {
    return surname.dprk() + given;
  }

  /** 이순희. */
  String rokHangul() {
    return surname.rok() + rokGiven();
  }
}
