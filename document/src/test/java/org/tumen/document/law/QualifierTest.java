package org.tumen.document.law;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumen.model.DateRange;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.Degree;
import org.tumen.model.documentation.Institution;
import org.tumen.model.documentation.Involvement;
import org.tumen.model.documentation.Location;
import org.tumen.model.documentation.PersonRef;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.vocabulary.Vocabularies;

/**
 * Act type → provisions → bound or not. The expected standings follow from the dates on the UNTC
 * status pages (model/…/treaty-status.psv, each row citing its page) and the entry-into-force
 * article of each treaty; the comment on each row gives the date that decides it.
 */
class QualifierTest {

  private static final Vocabularies V = Vocabularies.standard();
  private static final Gazetteer G = Gazetteer.standard();
  private final Qualifier q = Qualifier.standard();

  @ParameterizedTest(name = "{0}, {1}, {2}: {3} {4}")
  @CsvSource({
    // China, forced return, 2002 (the example)
    "forced-return, CHN, 2002, refugee-33, PARTY", //         acceded 1982-09-24 (Protocol: in force
    // on deposit)
    "forced-return, CHN, 2002, cat-3, PARTY", //              ratified 1988-10-04, in force
    // 1988-11-03
    "forced-return, CHN, 2002, iccpr-7, SIGNED_ONLY", //      signed 1998-10-05, never ratified
    "forced-return, CHN, 2002, crc-22, PARTY", //             ratified 1992-03-02
    "forced-return, CHN, 1985, refugee-33, PARTY",
    "forced-return, CHN, 1985, cat-3, NOT_PARTY", //          signed only on 1986-12-12
    "forced-return, CHN, 1987, cat-3, SIGNED_ONLY",
    "forced-return, CHN, 1988-10-20, cat-3, CONSENTED_NOT_IN_FORCE", // thirtieth day: 1988-11-03
    "forced-return, CHN, 1981, refugee-33, NOT_PARTY",
    "forced-return, CHN, 1982-10, refugee-33, PARTY", //      via the Protocol, before the
    // Convention's 90 days
    // the DPRK: neither the Refugee Convention nor CAT; the ICCPR since 1981; the COI's findings
    "arbitrary-detention, PRK, 2010, iccpr-9, PARTY", //      acceded 1981-09-14, in force
    // 1981-12-14
    "arbitrary-detention, PRK, 2010, refugee-31, NOT_PARTY",
    "arbitrary-detention, PRK, 2010, cah-imprisonment, CUSTOMARY",
    "torture, PRK, 2005, cat-1, NOT_PARTY",
    "torture, PRK, 2005, iccpr-7, PARTY",
    "torture, PRK, 2005, cah-torture, CUSTOMARY",
    "punishment-for-leaving, PRK, 2000, iccpr-12-2, PARTY", // its 1997 withdrawal is of no effect
    "forced-abortion-infanticide, PRK, 2003, cah-sexual-violence, CUSTOMARY",
    "denial-of-birth-registration, PRK, 1995, crc-7, PARTY", // ratified 1990-09-21
    "trafficking-forced-marriage, PRK, 2005, cedaw-6, PARTY", // acceded 2001-02-27
    "trafficking-forced-marriage, PRK, 2000, cedaw-6, NOT_PARTY",
    "trafficking-forced-marriage, PRK, 2005, palermo-3, NOT_PARTY",
    // China and trafficking
    "trafficking-forced-marriage, CHN, 2005, palermo-3, NOT_PARTY", // acceded 2010-02-08
    "trafficking-forced-marriage, CHN, 2010-02-20, palermo-3, CONSENTED_NOT_IN_FORCE", // in force
    // 2010-03-10
    "trafficking-forced-marriage, CHN, 2011, palermo-3, PARTY",
    "trafficking-forced-marriage, CHN, 2005, cedaw-6, PARTY", // ratified 1980-11-04
    "trafficking-forced-marriage, CHN, 2005, iccpr-23, SIGNED_ONLY",
    "denial-of-birth-registration, CHN, 2005, crc-7, PARTY",
    "denial-of-birth-registration, CHN, 2005, iccpr-24, SIGNED_ONLY",
    // the routes south and north
    "forced-return, THA, 2006, refugee-33, NOT_PARTY",
    "forced-return, THA, 2006, cat-3, NOT_PARTY", //          acceded 2007-10-02
    "forced-return, THA, 2008, cat-3, PARTY",
    "forced-return, THA, 2006, iccpr-7, PARTY", //            acceded 1996-10-29
    "forced-return, LAO, 2013-05, cat-3, PARTY", //           ratified 2012-09-26
    "forced-return, LAO, 2011, cat-3, SIGNED_ONLY", //        signed 2010-09-21
    "forced-return, LAO, 2005, iccpr-7, SIGNED_ONLY", //      signed 2000-12-07, ratified 2009-09-25
    "forced-return, VNM, 2014, cat-3, SIGNED_ONLY", //        signed 2013-11-07, ratified 2015-02-05
    "forced-return, VNM, 2014, iccpr-7, PARTY", //            acceded 1982-09-24
    "forced-return, MNG, 2005, refugee-33, NOT_PARTY",
    "forced-return, MNG, 2005, cat-3, PARTY", //              acceded 2002-01-24
    "forced-return, RUS, 1995, refugee-33, PARTY", //         acceded 1993-02-02
    "forced-return, RUS, 1990, cat-3, PARTY", //              USSR ratified 1987-03-03
    "forced-return, KOR, 1994, refugee-33, PARTY", //         acceded 1992-12-03
    "forced-return, KOR, 1994, cat-3, NOT_PARTY", //          acceded 1995-01-09
  })
  void anActTypeBreachesProvisionsThatBoundTheStateOrNot(
      String actType, String state, String when, String provision, Standing expected) {
    Qualification result =
        q.qualify(
            V.actType(actType).orElseThrow(),
            DateRange.parse(when),
            state,
            Qualification.Basis.STATE_AGENT,
            true);
    Finding f = result.finding(provision).orElseThrow(() -> new AssertionError("no " + provision));
    assertThat(f.certain()).as("certain").isTrue();
    assertThat(f.standing()).isEqualTo(expected);
  }

  @Test
  void anActWhoseDatesStraddleASignatureSaysSo() {
    // "1998": China signed the ICCPR on 1998-10-05, so it was not a signatory on 1 January
    Finding f =
        q.qualify(
                V.actType("forced-return").orElseThrow(),
                DateRange.parse("1998"),
                "CHN",
                Qualification.Basis.STATE_AGENT,
                true)
            .finding("iccpr-7")
            .orElseThrow();
    assertThat(f.certain()).isFalse();
    assertThat(f.atStart()).isEqualTo(Standing.NOT_PARTY);
    assertThat(f.atEnd()).isEqualTo(Standing.SIGNED_ONLY);
    assertThat(f.standing()).isEqualTo(Standing.NOT_PARTY);
  }

  @Test
  void theCommissionsCrimesAgainstHumanityQualifyOnlyTheDprksActs() {
    Qualification china =
        q.qualify(
            V.actType("torture").orElseThrow(),
            DateRange.parse("2005"),
            "CHN",
            Qualification.Basis.STATE_AGENT,
            true);
    assertThat(china.finding("cah-torture")).isEmpty();
    assertThat(china.finding("cat-1").orElseThrow().standing()).isEqualTo(Standing.PARTY);
  }

  @Test
  void aStateTheDataDoesNotCoverIsUnknownNotNotParty() {
    Finding f =
        q.qualify(
                V.actType("forced-return").orElseThrow(),
                DateRange.parse("2005"),
                "KHM",
                Qualification.Basis.TERRITORIAL,
                false)
            .finding("refugee-33")
            .orElseThrow();
    assertThat(f.standing()).isEqualTo(Standing.UNKNOWN);
    assertThat(f.basis()).isEmpty();
  }

  @Test
  void aForcedReturnEngagesTheReturningAndTheReceivingState() {
    Act act =
        act(
            "forced-return",
            "2002-03",
            "cn.jilin.yanbian.tumen",
            new Involvement(
                Institution.of(V.institutionType("public-security").orElseThrow(), "CHN"),
                Degree.DIRECT),
            new Involvement(
                Institution.of(V.institutionType("border-guard").orElseThrow(), "PRK"),
                Degree.ASSISTED));
    List<Qualification> qs = q.qualify(act);
    assertThat(qs).extracting(Qualification::state).containsExactly("CHN", "PRK");
    assertThat(qs).allMatch(x -> x.basis() == Qualification.Basis.STATE_AGENT);
    assertThat(qs.get(0).finding("refugee-33").orElseThrow().standing()).isEqualTo(Standing.PARTY);
    assertThat(qs.get(0).finding("refugee-33").orElseThrow().basis().orElseThrow().source())
        .startsWith("https://treaties.un.org/");
    assertThat(qs.get(1).finding("refugee-33").orElseThrow().standing())
        .isEqualTo(Standing.NOT_PARTY);
    assertThat(qs.get(1).finding("iccpr-7").orElseThrow().standing()).isEqualTo(Standing.PARTY);
    // the child condition stays for the documenter to judge
    assertThat(qs.get(0).finding("crc-22").orElseThrow().condition())
        .map(c -> c.code())
        .contains("child");
  }

  @Test
  void withoutAStateAgentTheTerritorialStateIsMeasuredAndTheOfficialConditionStaysOpen() {
    Act trafficking =
        act(
            "trafficking-forced-marriage",
            "2011",
            "cn.jilin.yanbian.yanji",
            new Involvement(
                Institution.of(V.institutionType("broker").orElseThrow(), "CHN"), Degree.DIRECT));
    Qualification t = q.qualify(trafficking).get(0);
    assertThat(t.state()).isEqualTo("CHN");
    assertThat(t.basis()).isEqualTo(Qualification.Basis.TERRITORIAL);
    assertThat(t.finding("palermo-3").orElseThrow().standing()).isEqualTo(Standing.PARTY);

    Act byBroker =
        act(
            "torture",
            "2011",
            "cn.jilin.yanbian.yanji",
            new Involvement(new PersonRef("p9"), Degree.DIRECT));
    assertThat(q.qualify(byBroker).get(0).finding("cat-1").orElseThrow().condition())
        .map(c -> c.code())
        .contains("state-agent");
    Act byPolice =
        act(
            "torture",
            "2011",
            "cn.jilin.yanbian.yanji",
            new Involvement(
                Institution.of(V.institutionType("public-security").orElseThrow(), "CHN"),
                Degree.DIRECT));
    assertThat(q.qualify(byPolice).get(0).finding("cat-1").orElseThrow().condition()).isEmpty();
  }

  private static Act act(String type, String when, String place, Involvement... involvements) {
    return new Act(
        "a1",
        "e1",
        new PersonRef("p1"),
        V.actType(type).orElseThrow(),
        DateRange.parse(when),
        Location.at(G.require(place)),
        List.of(involvements),
        List.of("i1"));
  }
}
