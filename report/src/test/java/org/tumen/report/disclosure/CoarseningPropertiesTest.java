package org.tumen.report.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tumen.model.PartialDate;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.PlaceLevel;
import org.tumen.report.disclosure.Coarsening.Axis;
import org.tumen.report.disclosure.Coarsening.Grain;
import org.tumen.report.disclosure.Coarsening.Item;
import org.tumen.report.disclosure.Coarsening.Level;

/** Coarsening never reveals a finer count, alone or with the other levels published beside it. */
class CoarseningPropertiesTest {

  private static final Gazetteer G = Gazetteer.standard();
  private static final Coarsening COARSENING = new Coarsening(G);
  private static final List<String> PLACES =
      List.of(
          "kp.north-hamgyong.chongjin",
          "kp.north-hamgyong.hoeryong",
          "kp.north-hamgyong.musan",
          "kp.north-hamgyong",
          "kp.ryanggang.hyesan",
          "kp.ryanggang.samjiyon");
  private static final List<Level> LEVELS =
      List.of(
          new Level(PlaceLevel.DISTRICT, Grain.QUARTER),
          new Level(PlaceLevel.REGION, Grain.QUARTER),
          new Level(PlaceLevel.REGION, Grain.YEAR));

  @Property(tries = 15)
  void aPublishedCoarseCellIsTheSumOfItsFineItems(@ForAll("items") List<Item> items) {
    for (Level level : LEVELS) {
      ProtectedTable t =
          CellSuppression.protect(
              COARSENING.grid(items, Axis.PLACE, Axis.PERIOD, level), DisclosureRules.defaults());
      CountGrid g = t.grid();
      for (int r = 0; r < g.rows(); r++) {
        for (int c = 0; c < g.columns(); c++) {
          String row = g.rowLabels().get(r);
          String column = g.columnLabels().get(c);
          long fine =
              items.stream()
                  .filter(it -> COARSENING.key(it, Axis.PLACE, level).equals(row))
                  .filter(it -> COARSENING.key(it, Axis.PERIOD, level).equals(column))
                  .count();
          assertThat(g.value(r, c)).isEqualTo(fine);
        }
      }
    }
  }

  @Property(tries = 10)
  void noCombinationOfPublishedLevelsNarrowsASuppressedCell(@ForAll("items") List<Item> items) {
    DisclosureRules rules = DisclosureRules.defaults();
    List<ProtectedTable> tables =
        COARSENING.protectTogether(items, Axis.PLACE, Axis.PERIOD, LEVELS, rules);
    assertThat(COARSENING.jointBounds(items, Axis.PLACE, Axis.PERIOD, LEVELS, tables))
        .allSatisfy(b -> assertThat(b.width()).isGreaterThanOrEqualTo(rules.threshold()));
    for (ProtectedTable t : tables) {
      for (int r = 0; r <= t.grid().rows(); r++) {
        for (int c = 0; c <= t.grid().columns(); c++) {
          if (rules.isSensitive(t.grid().value(r, c))) {
            assertThat(t.suppressed(r, c)).isTrue();
          }
        }
      }
    }
  }

  @Provide
  Arbitrary<List<Item>> items() {
    Arbitrary<Item> item =
        Combinators.combine(
                Arbitraries.of(PLACES),
                Arbitraries.integers().between(2003, 2004),
                Arbitraries.integers().between(0, 12))
            .as(
                (p, y, m) ->
                    new Item(
                        Optional.of(G.require(p)),
                        Optional.of(m == 0 ? PartialDate.ofYear(y) : PartialDate.ofMonth(y, m)),
                        "forced-return"));
    return item.list().ofMinSize(8).ofMaxSize(80);
  }
}
