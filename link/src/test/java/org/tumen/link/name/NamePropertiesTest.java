package org.tumen.link.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Invariants of the name model, checked on generated names. */
class NamePropertiesTest {

  private static final NameStandardiser NAMES = new NameStandardiser();
  private static final char GA = '\uAC00';
  private static final int SYLLABLES = 11172;
  private static final List<String> PASSPORT_READ =
      List.of("hyun", "hyung", "myung", "pyung", "hyuk", "ryun");

  /** Every form of a table surname, in any letter case and spacing, gives the table key. */
  @Property(tries = 2000)
  void everySurnameFormGivesItsKey(@ForAll("surnameForms") String[] keyAndForm) {
    StandardName n = NAMES.parts(keyAndForm[1], "");
    assertThat(n.surname()).as(keyAndForm[1]).isEqualTo(keyAndForm[0]);
    assertThat(n.koreanSurname()).isTrue();
    assertThat(n.surnameFrequency()).isGreaterThan(0);
  }

  /** The same, exhaustively: no form of the table is shadowed by another row. */
  @Test
  void everyTableFormMapsToItsRow() {
    for (Surnames.Entry e : Surnames.entries()) {
      for (String form : e.forms()) {
        assertThat(NAMES.parts(form, "").surname()).as(form).isEqualTo(e.key());
      }
    }
  }

  /**
   * The initial-sound rule (KOREAN-NAMES.md): the DPRK ㄹ/ㄴ form and the ROK form of any surname
   * syllable give one key, in the table or not.
   */
  @Property(tries = 1000)
  void initialSoundRuleFoldsAnySurname(@ForAll("rieulSyllable") char dprk) {
    char rok = southern(dprk);
    assertThat(NAMES.parts(String.valueOf(dprk), "").surname())
        .isEqualTo(NAMES.parts(String.valueOf(rok), "").surname());
  }

  /** parts(s, g) and full(s + g) agree for Hangul, with or without a space. */
  @Property(tries = 1000)
  void partsAndFullAgreeForHangul(
      @ForAll("hangulSurname") String surname, @ForAll("hangulGiven") String given) {
    if (given.isEmpty() || Surnames.isTwoSyllable(surname + given.charAt(0))) {
      return; // 남 + 궁민 is read 남궁 민: a real ambiguity of unspaced Hangul
    }
    StandardName parts = NAMES.parts(surname, given);
    assertThat(NAMES.full(surname + given)).isEqualTo(parts);
    assertThat(NAMES.full(surname + " " + given)).isEqualTo(parts);
  }

  /**
   * The canonical key is a fixed point: read back as a romanization it gives itself. Holds for
   * names whose later syllables start with a consonant (a vowel-initial syllable can merge with the
   * vowel before it: 아에 → ae, read back as one syllable).
   */
  @Property(tries = 2000)
  void canonicalKeyIsIdempotent(@ForAll("hangulGiven") String given) {
    StandardName once = NAMES.parts("김", given);
    if (once.givenSyllables().stream().anyMatch(PASSPORT_READ::contains)) {
      return; // 흉, 휸, 륜 …: canonical forms that are also passport spellings of ㅕ (Romanized)
    }
    StandardName twice = NAMES.parts("Kim", once.given());
    assertThat(twice.given()).as(given).isEqualTo(once.given());
    assertThat(NAMES.parts(once.surname(), once.given()).surname()).isEqualTo(once.surname());
  }

  /**
   * FEBRL-style names: standardising the keys again changes nothing. Random letters can spell a
   * Korean surname (i, o, an ...), and then the given name is read as Korean syllables, whose key
   * is not a fixed point when the syllables are vowels that merge (oio → weo → wo; see {@link
   * #canonicalKeyIsIdempotent}); such samples are not FEBRL-style and are left out.
   */
  @Property(tries = 1000)
  void westernNamesAreIdempotent(
      @ForAll("westernWord") String surname, @ForAll("westernWord") String given) {
    StandardName once = NAMES.parts(surname, given);
    Assume.that(!once.koreanSurname());
    StandardName twice = NAMES.parts(once.surname(), once.given());
    assertThat(twice.surname()).isEqualTo(once.surname());
    assertThat(twice.given()).isEqualTo(once.given());
  }

  /** Case, surrounding space and full-width letters do not change a Latin name's keys. */
  @Property(tries = 500)
  void caseAndWidthDoNotMatter(
      @ForAll("westernWord") String surname, @ForAll("westernWord") String given) {
    StandardName plain = NAMES.parts(surname, given);
    assertThat(
            NAMES.parts(
                "  " + surname.toUpperCase(Locale.ROOT) + " ", given.toUpperCase(Locale.ROOT)))
        .isEqualTo(plain);
    assertThat(NAMES.parts(fullWidth(surname), fullWidth(given))).isEqualTo(plain);
  }

  @Property(tries = 1000)
  void similarityIsSymmetricBoundedAndReflexive(
      @ForAll("anyName") String a, @ForAll("anyName") String b) {
    StandardName x = NAMES.full(a);
    StandardName y = NAMES.full(b);
    double s = NameSimilarity.given(x, y);
    assertThat(s).isBetween(0.0, 1.0).isEqualTo(NameSimilarity.given(y, x));
    assertThat(NameSimilarity.surname(x, y)).isEqualTo(NameSimilarity.surname(y, x));
    if (x.hasGiven()) {
      assertThat(NameSimilarity.given(x, x)).isEqualTo(1.0);
    }
  }

  /** Never an exception, whatever the text. */
  @Property(tries = 300)
  void anyTextIsStandardised(
      @ForAll @StringLength(max = 12) String a, @ForAll @StringLength(max = 12) String b) {
    assertThat(NAMES.full(a)).isNotNull();
    assertThat(NAMES.parts(a, b)).isNotNull();
  }

  @Property(tries = 200)
  void givenSyllablesConcatenateToTheKey(@ForAll("anyName") String text) {
    StandardName n = NAMES.full(text);
    if (!n.givenSyllables().isEmpty()) {
      assertThat(String.join("", n.givenSyllables())).isEqualTo(n.given());
    }
  }

  // ---------------------------------------------------------------- generators

  @Provide
  Arbitrary<String[]> surnameForms() {
    List<String[]> pairs =
        Surnames.entries().stream()
            .flatMap(e -> e.forms().stream().map(f -> new String[] {e.key(), f}))
            .toList();
    return Combinators.combine(Arbitraries.of(pairs), Arbitraries.integers().between(0, 3))
        .as((p, style) -> new String[] {p[0], decorate(p[1], style)});
  }

  private static String decorate(String form, int style) {
    return switch (style) {
      case 0 -> form;
      case 1 -> form.toUpperCase(Locale.ROOT);
      case 2 -> " " + Character.toUpperCase(form.charAt(0)) + form.substring(1) + "  ";
      default -> fullWidth(form);
    };
  }

  @Provide
  Arbitrary<Character> rieulSyllable() {
    // ㄹ or ㄴ initial: onset index 5 (ㄹ) or 2 (ㄴ), any vowel, any final
    return Combinators.combine(
            Arbitraries.of(2, 5),
            Arbitraries.integers().between(0, 20),
            Arbitraries.integers().between(0, 27))
        .as((l, v, t) -> (char) (GA + (l * 21 + v) * 28 + t));
  }

  /** The ROK spelling of a word-initial syllable: the initial-sound rule (두음법칙). */
  private static char southern(char c) {
    int s = c - GA;
    int l = s / 588;
    int v = (s % 588) / 28;
    int t = s % 28;
    // ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ: the i/y vowels
    boolean front = v == 2 || v == 3 || v == 6 || v == 7 || v == 12 || v == 17 || v == 20;
    if (l == 5) {
      l = front ? 11 : 2;
    } else if (l == 2 && front) {
      l = 11;
    }
    return (char) (GA + (l * 21 + v) * 28 + t);
  }

  @Provide
  Arbitrary<String> hangulSurname() {
    return Arbitraries.of(Surnames.entries().stream().map(Surnames.Entry::hangul).toList());
  }

  @Provide
  Arbitrary<String> hangulGiven() {
    Arbitrary<Character> first = Arbitraries.chars().range(GA, (char) (GA + SYLLABLES - 1));
    // later syllables start with a consonant (onset index 11 is ㅇ, silent)
    Arbitrary<Character> later = first.filter(c -> (c - GA) / 588 != 11);
    return Combinators.combine(first, later.list().ofMinSize(0).ofMaxSize(2))
        .as(
            (f, rest) -> {
              StringBuilder b = new StringBuilder().append(f);
              rest.forEach(b::append);
              return b.toString();
            });
  }

  @Provide
  Arbitrary<String> westernWord() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
  }

  @Provide
  Arbitrary<String> anyName() {
    return Arbitraries.oneOf(
        westernWord().list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(" ", l)),
        hangulGiven().map(g -> "김" + g),
        Arbitraries.of(
            "Ri Sun Hui",
            "Lee Soon-hee",
            "李順姬",
            "Piao Yinghua",
            "朴英花",
            "Kim, Chol-ho",
            "남궁민수",
            "John Smith",
            "Sun-hui Ri"));
  }

  private static String fullWidth(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
    }
    return b.toString();
  }

  @Property(tries = 50)
  void twoSyllableSurnamesAreNeverSplit(
      @ForAll("twoSyllable") String surname, @ForAll @IntRange(min = 1, max = 2) int n) {
    String given = "순희".substring(0, n);
    assertThat(NAMES.full(surname + given).given()).isEqualTo(NAMES.parts("김", given).given());
  }

  @Provide
  Arbitrary<String> twoSyllable() {
    return Arbitraries.of("남궁", "황보", "제갈", "선우", "독고", "사공", "南宮", "皇甫", "諸葛", "鮮于");
  }
}
