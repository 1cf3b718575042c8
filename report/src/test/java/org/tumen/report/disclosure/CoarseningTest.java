package org.tumen.report.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tumen.model.PartialDate;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.PlaceLevel;
import org.tumen.report.disclosure.Coarsening.Axis;
import org.tumen.report.disclosure.Coarsening.Grain;
import org.tumen.report.disclosure.Coarsening.Item;
import org.tumen.report.disclosure.Coarsening.Level;

/** Coarsening by the gazetteer and the calendar, and the subtraction attack across levels. */
class CoarseningTest {

  private static final Gazetteer G = Gazetteer.standard();
  private static final Coarsening COARSENING = new Coarsening(G);
  private static final DisclosureRules RULES = DisclosureRules.defaults();
  private static final Level DISTRICT = new Level(PlaceLevel.DISTRICT, Grain.YEAR);
  private static final Level REGION = new Level(PlaceLevel.REGION, Grain.YEAR);

  static void add(List<Item> items, String place, String category, int n) {
    for (int i = 0; i < n; i++) {
      items.add(
          new Item(Optional.of(G.require(place)), Optional.of(PartialDate.ofYear(2003)), category));
    }
  }

  /**
   * Chongjin's 3 is hidden with Hyesan (the cheapest partners, in another province). Alone, the
   * district table is safe; published with the province table, North Hamgyong's 118 minus
   * Hoeryong's 60 and Musan's 55 gives Chongjin's 3 back.
   */
  static List<Item> subtractable() {
    List<Item> items = new ArrayList<>();
    add(items, "kp.north-hamgyong.chongjin", "a", 3);
    add(items, "kp.north-hamgyong.chongjin", "b", 10);
    add(items, "kp.north-hamgyong.hoeryong", "a", 60);
    add(items, "kp.north-hamgyong.hoeryong", "b", 70);
    add(items, "kp.north-hamgyong.musan", "a", 55);
    add(items, "kp.north-hamgyong.musan", "b", 80);
    add(items, "kp.ryanggang.hyesan", "a", 8);
    add(items, "kp.ryanggang.hyesan", "b", 9);
    add(items, "kp.ryanggang.samjiyon", "a", 40);
    add(items, "kp.ryanggang.samjiyon", "b", 50);
    return items;
  }

  @Test
  void levelsProtectedOneByOneLetTheAttackerSubtract() {
    List<Item> items = subtractable();
    ProtectedTable fine =
        CellSuppression.protect(COARSENING.grid(items, Axis.PLACE, Axis.CATEGORY, DISTRICT), RULES);
    ProtectedTable coarse =
        CellSuppression.protect(COARSENING.grid(items, Axis.PLACE, Axis.CATEGORY, REGION), RULES);
    assertThat(fine.audit()).allSatisfy(b -> assertThat(b.width()).isGreaterThanOrEqualTo(5));
    assertThat(coarse.count(CellStatus.PUBLISHED)).isEqualTo(9); // nothing small at province level
    List<Bounds> joint =
        COARSENING.jointBounds(
            items, Axis.PLACE, Axis.CATEGORY, List.of(DISTRICT, REGION), List.of(fine, coarse));
    // cell 0 of the fine table is Chongjin × a
    assertThat(joint)
        .anySatisfy(
            b -> {
              assertThat(b.row()).isZero();
              assertThat(b.exact()).isTrue();
            });
  }

  @Test
  void levelsProtectedTogetherDoNot() {
    List<Item> items = subtractable();
    List<Level> levels = List.of(DISTRICT, REGION);
    List<ProtectedTable> both =
        COARSENING.protectTogether(items, Axis.PLACE, Axis.CATEGORY, levels, RULES);
    assertThat(COARSENING.jointBounds(items, Axis.PLACE, Axis.CATEGORY, levels, both))
        .isNotEmpty()
        .allSatisfy(b -> assertThat(b.width()).isGreaterThanOrEqualTo(5));
    ProtectedTable coarse = both.get(1);
    assertThat(coarse.grid().rowLabels()).containsExactly("kp.north-hamgyong", "kp.ryanggang");
    assertThat(coarse.suppressed(0, 0)).isTrue(); // North Hamgyong × a: the parent of the 3
  }

  @Test
  void theFinestLevelWithinTheBudgetIsChosen() {
    List<Item> big = new ArrayList<>();
    for (String d : List.of("chongjin", "hoeryong", "musan")) {
      add(big, "kp.north-hamgyong." + d, "a", 12);
      add(big, "kp.north-hamgyong." + d, "b", 7);
    }
    Coarsening.Choice c = COARSENING.choose(big, Axis.PLACE, Axis.CATEGORY, RULES);
    assertThat(c.chosen().level().place()).isEqualTo(PlaceLevel.DISTRICT);
    assertThat(c.chosen().table().suppressedCells()).isZero();

    List<Item> small = new ArrayList<>();
    for (String d : List.of("chongjin", "hoeryong", "musan", "onsong")) {
      add(small, "kp.north-hamgyong." + d, "a", 2);
      add(small, "kp.north-hamgyong." + d, "b", 3);
    }
    add(small, "kp.ryanggang.hyesan", "a", 6);
    add(small, "kp.ryanggang.hyesan", "b", 9);
    add(small, "kp.ryanggang.samjiyon", "a", 1);
    add(small, "kp.ryanggang.samjiyon", "b", 2);
    c = COARSENING.choose(small, Axis.PLACE, Axis.CATEGORY, RULES);
    assertThat(c.chosen().level().place()).isEqualTo(PlaceLevel.REGION);
    assertThat(c.chosen().table().suppressedCells()).isZero();
    // the district table was not even protected: its small cells alone exceed the budget
    assertThat(
            Coarsening.smallShare(
                COARSENING.grid(small, Axis.PLACE, Axis.CATEGORY, DISTRICT), RULES))
        .isGreaterThan(RULES.maxSuppressedShare());
    assertThat(c.tried()).extracting(t -> t.level().place()).containsExactly(PlaceLevel.REGION);
  }

  @Test
  void periodsFollowTheCalendarAndVagueDatesStayVague() {
    assertThat(Grain.MONTH.period(Optional.of(new PartialDate(2003, 3, 9)))).isEqualTo("2003-03");
    assertThat(Grain.QUARTER.period(Optional.of(new PartialDate(2003, 3, 9)))).isEqualTo("2003-Q1");
    assertThat(Grain.QUARTER.period(Optional.of(new PartialDate(2003, 10, 0))))
        .isEqualTo("2003-Q4");
    assertThat(Grain.MONTH.period(Optional.of(PartialDate.ofYear(2003)))).isEqualTo("2003");
    assertThat(Grain.YEAR.period(Optional.empty())).isEqualTo("unknown");
  }
}
