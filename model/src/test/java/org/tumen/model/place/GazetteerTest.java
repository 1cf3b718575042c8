package org.tumen.model.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumen.model.DprkProvince;
import org.tumen.model.vocabulary.Vocabularies;

class GazetteerTest {

  private final Gazetteer g = Gazetteer.standard();

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "Hoeryong, kp.north-hamgyong.hoeryong",
    "Hoeryŏng, kp.north-hamgyong.hoeryong",
    "회령시, kp.north-hamgyong.hoeryong",
    "會寧, kp.north-hamgyong.hoeryong",
    "会宁市, kp.north-hamgyong.hoeryong",
    "Musan, kp.north-hamgyong.musan",
    "온성군, kp.north-hamgyong.onsong",
    "Hyesan City, kp.ryanggang.hyesan",
    "신의주, kp.north-pyongan.sinuiju",
    "Ch'ongjin, kp.north-hamgyong.chongjin",
    "양강도, kp.ryanggang",
    "Hamgyongbuk-do, kp.north-hamgyong",
    "延吉市, cn.jilin.yanbian.yanji",
    "연길, cn.jilin.yanbian.yanji",
    "Tumen, cn.jilin.yanbian.tumen",
    "용정, cn.jilin.yanbian.longjing",
    "龍井, cn.jilin.yanbian.longjing",
    "Helong, cn.jilin.yanbian.helong",
    "琿春, cn.jilin.yanbian.hunchun",
    "옌볜, cn.jilin.yanbian",
    "吉林省, cn.jilin",
    "Ulan Bator, mn.ulaanbaatar",
    "Houayxay, la.bokeo.huay-xai",
    "방콕, th.bangkok",
    "서울특별시, kr.seoul",
    "Viet Nam, vn",
  })
  void findsAPlaceByAnyOfItsNames(String name, String code) {
    assertThat(g.find(name)).extracting(Place::code).containsExactly(code);
  }

  @Test
  void everyPlaceIsNamedInHangulAndHanCharacters() {
    for (Place p : g.places()) {
      assertThat(
              p.names()
                  .ko()
                  .codePoints()
                  .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL))
          .as("Korean name of %s", p.code())
          .isTrue();
      assertThat(
              p.names()
                  .zh()
                  .codePoints()
                  .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
          .as("Chinese name of %s", p.code())
          .isTrue();
    }
  }

  @Test
  void everyDprkProvinceIsAPlaceFoundByItsStandardNames() {
    for (DprkProvince p : DprkProvince.values()) {
      Place place = g.place(p);
      assertThat(place.level()).isEqualTo(PlaceLevel.REGION);
      assertThat(g.find(p.hangul())).as(p.hangul()).containsExactly(place);
      assertThat(g.find(p.english())).as(p.english()).containsExactly(place);
      assertThat(g.dprkProvince(place)).contains(p);
    }
    assertThat(g.dprkProvince(g.require("kp.north-hamgyong.onsong.namyang")))
        .contains(DprkProvince.NORTH_HAMGYONG);
    assertThat(g.dprkProvince(g.require("cn.jilin.yanbian.yanji"))).isEmpty();
    assertThat(g.dprkProvince(g.require("kp"))).isEmpty();
  }

  @Test
  void anUnknownNameFindsNothing() {
    assertThat(g.find("Atlantis")).isEmpty();
    assertThat(g.find("")).isEmpty();
  }

  @Test
  void everyNameOfEveryPlaceFindsThatPlaceAlone() {
    List<String> ambiguous = new ArrayList<>();
    for (Place p : g.places()) {
      List<String> names = new ArrayList<>(List.of(p.names().en(), p.names().ko(), p.names().zh()));
      names.addAll(p.otherNames());
      for (String n : names) {
        if (!g.find(n).equals(List.of(p))) {
          ambiguous.add(p.code() + ": " + n + " → " + g.find(n));
        }
      }
    }
    assertThat(ambiguous).isEmpty();
  }

  @Test
  void countsRollUpToACoarserLevel() {
    Place yanji = g.require("cn.jilin.yanbian.yanji");
    assertThat(g.atLevel(yanji, PlaceLevel.DISTRICT).code()).isEqualTo("cn.jilin.yanbian");
    assertThat(g.atLevel(yanji, PlaceLevel.REGION).code()).isEqualTo("cn.jilin");
    assertThat(g.country(yanji).iso3()).contains("CHN");
    // a place known only to its province stays the province
    Place jilin = g.require("cn.jilin");
    assertThat(g.atLevel(jilin, PlaceLevel.SUBDISTRICT)).isEqualTo(jilin);
    assertThat(g.contains(jilin, yanji)).isTrue();
    assertThat(g.contains(yanji, jilin)).isFalse();
  }

  @Test
  void everyStateOfTheTreatyDataIsACountryOfTheGazetteer() {
    for (String iso3 : Vocabularies.standard().coveredStates()) {
      assertThat(g.countryByIso3(iso3)).as(iso3).isPresent();
    }
  }

  @Test
  void distancesAreRoughlyRight() {
    // Yanji and Tumen lie about 25 km apart; Hyesan faces Changbai across the Yalu
    double yanjiTumen =
        Gazetteer.distanceKm(
            g.require("cn.jilin.yanbian.yanji"), g.require("cn.jilin.yanbian.tumen"));
    assertThat(yanjiTumen).isBetween(15.0, 40.0);
    assertThat(
            Gazetteer.distanceKm(
                g.require("kp.ryanggang.hyesan"), g.require("cn.jilin.baishan.changbai")))
        .isLessThan(5.0);
    assertThat(Gazetteer.distanceKm(g.require("kr.seoul"), g.require("th.bangkok")))
        .isBetween(3500.0, 4000.0);
  }
}
