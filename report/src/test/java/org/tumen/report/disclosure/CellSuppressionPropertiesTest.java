package org.tumen.report.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Every pattern on random tables survives the attacker; no sensitive cell is ever published. */
class CellSuppressionPropertiesTest {

  @Property(tries = 150)
  void everyProtectedPatternSurvivesTheAttacker(
      @ForAll("tables") long[][] cells, @ForAll @IntRange(min = 2, max = 8) int threshold) {
    ProtectedTable t =
        CellSuppression.protect(CountGrid.of(cells), DisclosureRules.threshold(threshold));
    assertThat(Attacker.unprotected(t.published(), t.rules())).isEmpty();
  }

  @Property(tries = 150)
  void suppressionNeverPublishesASensitiveCell(@ForAll("tables") long[][] cells) {
    ProtectedTable t = CellSuppression.protect(CountGrid.of(cells), DisclosureRules.defaults());
    for (int r = 0; r <= t.grid().rows(); r++) {
      for (int c = 0; c <= t.grid().columns(); c++) {
        long v = t.grid().value(r, c);
        if (t.rules().isSensitive(v)) {
          assertThat(t.status(r, c)).isEqualTo(CellStatus.PRIMARY);
        }
        if (!t.suppressed(r, c)) {
          assertThat(t.published().value(r, c).getAsLong()).isEqualTo(v);
        }
      }
    }
  }

  /** 2x2 to 6x7 tables, mostly small counts with some zeros and some large ones. */
  @Provide
  Arbitrary<long[][]> tables() {
    Arbitrary<Long> count =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, Arbitraries.just(0L)),
            net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(1, 6)),
            net.jqwik.api.Tuple.of(4, Arbitraries.longs().between(7, 60)));
    return Arbitraries.integers()
        .between(2, 6)
        .flatMap(
            rows ->
                Arbitraries.integers()
                    .between(2, 7)
                    .flatMap(
                        cols ->
                            count
                                .array(long[].class)
                                .ofSize(cols)
                                .array(long[][].class)
                                .ofSize(rows)));
  }
}
