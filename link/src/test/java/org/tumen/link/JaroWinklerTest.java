package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

/** The bit-parallel Jaro–Winkler against commons-text's, the reference implementation. */
class JaroWinklerTest {

  private static final JaroWinklerSimilarity REFERENCE = new JaroWinklerSimilarity();

  @Property(tries = 2000)
  void agreesWithCommonsText(
      @ForAll @StringLength(max = 20) @CharRange(from = 'a', to = 'f') String a,
      @ForAll @StringLength(max = 20) @CharRange(from = 'a', to = 'f') String b) {
    double ours = new JaroWinkler().similarity(a.toCharArray(), b.toCharArray());
    assertThat(ours).isCloseTo(REFERENCE.apply(a, b), within(1e-12));
  }

  @Property(tries = 300)
  void agreesOnLongStrings(
      @ForAll @StringLength(min = 50, max = 64) @CharRange(from = 'a', to = 'c') String a,
      @ForAll @StringLength(min = 50, max = 70) @CharRange(from = 'a', to = 'c') String b) {
    double ours = new JaroWinkler().similarity(a.toCharArray(), b.toCharArray());
    assertThat(ours).isCloseTo(REFERENCE.apply(a, b), within(1e-12));
  }

  @Test
  void textbookValues() {
    // Winkler (1990) examples as computed by commons-text: MARTHA/MARHTA 0.961, DIXON/DICKSONX
    // 0.813
    JaroWinkler jw = new JaroWinkler();
    assertThat(jw.similarity("martha".toCharArray(), "marhta".toCharArray()))
        .isCloseTo(0.9611, within(1e-4));
    assertThat(jw.similarity("dixon".toCharArray(), "dicksonx".toCharArray()))
        .isCloseTo(0.8133, within(1e-4));
  }
}
