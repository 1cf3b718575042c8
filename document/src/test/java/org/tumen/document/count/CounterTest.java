package org.tumen.document.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.tumen.document.event.EventClusters;
import org.tumen.document.event.EventDeduplicator;
import org.tumen.model.DateRange;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.Consent;
import org.tumen.model.documentation.ConsentGrant;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.documentation.Degree;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.documentation.Group;
import org.tumen.model.documentation.Information;
import org.tumen.model.documentation.Institution;
import org.tumen.model.documentation.Involvement;
import org.tumen.model.documentation.Location;
import org.tumen.model.documentation.Observation;
import org.tumen.model.documentation.PersonRef;
import org.tumen.model.documentation.Reliability;
import org.tumen.model.documentation.Source;
import org.tumen.model.documentation.SourceKind;
import org.tumen.model.documentation.Victim;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.PlaceLevel;
import org.tumen.model.vocabulary.Vocabularies;

class CounterTest {

  private static final Vocabularies V = Vocabularies.standard();
  private static final Gazetteer G = Gazetteer.standard();

  /** A small hand-made body of documentation, built witness by witness. */
  private static final class Builder {
    final List<Source> sources = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Act> acts = new ArrayList<>();
    final List<Information> information = new ArrayList<>();

    String witness(String id) {
      sources.add(
          new Source(
              id,
              SourceKind.INTERVIEW,
              Optional.empty(),
              Optional.empty(),
              Optional.of("ko"),
              Optional.empty(),
              "NGO A",
              new Consent(List.of(ConsentGrant.of(ConsentUse.STORE, LocalDate.of(2020, 1, 1)))),
              Reliability.HIGH,
              Optional.empty()));
      return id;
    }

    String event(String source, String id, String type, String when, String place) {
      events.add(
          new Event(
              id,
              V.eventType(type).orElseThrow(),
              DateRange.parse(when),
              Location.at(G.require(place)),
              Optional.empty(),
              List.of()));
      information.add(
          new Information(
              id + "-i",
              source,
              Optional.of(id),
              Optional.empty(),
              Reliability.HIGH,
              Observation.EXPERIENCED));
      return id;
    }

    void act(String event, Victim victim, String type, String perpetrator, String state) {
      Event e = events.stream().filter(x -> x.id().equals(event)).findFirst().orElseThrow();
      acts.add(
          new Act(
              event + "-a" + acts.size(),
              event,
              victim,
              V.actType(type).orElseThrow(),
              e.when(),
              e.where(),
              perpetrator == null
                  ? List.of()
                  : List.of(
                      new Involvement(
                          Institution.of(V.institutionType(perpetrator).orElseThrow(), state),
                          Degree.DIRECT)),
              List.of(event + "-i")));
    }

    Documentation build() {
      return new Documentation(sources, events, acts, information);
    }
  }

  private static Counter counter(Documentation d) {
    return new Counter(d, new EventDeduplicator(G).deduplicate(d), G);
  }

  @Test
  void oneArrestToldByThreeWitnessesIsOneEventTwoVictimsTwoActsThreeSources() {
    Builder b = new Builder();
    for (String w : List.of("w1", "w2", "w3")) {
      String e =
          b.event(
              b.witness(w),
              w + "-arrest",
              "arrest",
              w.equals("w3") ? "2002-03" : "2002-03-14",
              "cn.jilin.yanbian.tumen");
      b.act(e, new PersonRef("p1"), "arbitrary-arrest", "public-security", "CHN");
      b.act(e, new PersonRef("p2"), "arbitrary-arrest", "public-security", "CHN");
    }
    Counter c = counter(b.build());
    assertThat(c.table(Unit.EVENTS, List.of()).total().count()).isEqualTo(1);
    assertThat(c.table(Unit.ACTS, List.of()).total().count()).isEqualTo(2);
    assertThat(c.table(Unit.VICTIMS, List.of()).total().count()).isEqualTo(2);
    assertThat(c.table(Unit.SOURCES, List.of()).total().count()).isEqualTo(3);
    assertThat(c.table(Unit.ACTS, List.of()).total().sources()).isEqualTo(3);
    // the most precise date a witness gave decides the month
    CountTable byMonth = c.table(Unit.ACTS, List.of(Dimension.period(Period.MONTH)));
    assertThat(byMonth.rows()).containsExactly(new CountTable.Row(List.of("2002-03"), 2, 3));
    assertThat(byMonth.counts()).startsWith("acts:");
  }

  @Test
  void aGroupCountsOnePerPersonAtTheLargestReportedSizeAndOnceAsVictims() {
    Builder b = new Builder();
    String a = b.witness("a");
    String bw = b.witness("b");
    String arrestA = b.event(a, "a-arrest", "arrest", "2004-02", "cn.jilin.yanbian.yanji");
    b.act(arrestA, new PersonRef("p1"), "arbitrary-arrest", "public-security", "CHN");
    b.act(arrestA, new Group("a-women", 11), "arbitrary-arrest", "public-security", "CHN");
    String detainA =
        b.event(a, "a-detention", "detention", "2004-02/2004-05", "cn.jilin.yanbian.yanji");
    b.act(detainA, new Group("a-women", 11), "arbitrary-detention", "public-security", "CHN");
    String arrestB = b.event(bw, "b-arrest", "arrest", "2004-02", "cn.jilin.yanbian");
    b.act(arrestB, new PersonRef("p1"), "arbitrary-arrest", "public-security", "CHN");
    b.act(arrestB, new Group("b-women", 9), "arbitrary-arrest", "public-security", "CHN");
    Counter c = counter(b.build());
    CountTable acts = c.table(Unit.ACTS, List.of(Dimension.actType()));
    CountTable victims = c.table(Unit.VICTIMS, List.of(Dimension.actType()));
    assertThat(acts.rows())
        .containsExactly(
            new CountTable.Row(List.of("arbitrary-arrest"), 12, 2),
            new CountTable.Row(List.of("arbitrary-detention"), 11, 1));
    assertThat(victims.rows())
        .containsExactly(
            new CountTable.Row(List.of("arbitrary-arrest"), 12, 2),
            new CountTable.Row(List.of("arbitrary-detention"), 11, 1));
    assertThat(acts.total().count()).isEqualTo(23);
    assertThat(victims.total().count()).isEqualTo(12); // p1 and the 11 women, each once
    assertThat(c.table(Unit.EVENTS, List.of()).total().count()).isEqualTo(2);
  }

  @Test
  void anActIsNotGuessedIntoAFinerPeriodOrPlaceThanItsWitnessesGave() {
    Builder b = new Builder();
    String w = b.witness("w");
    b.act(
        b.event(w, "e1", "detention", "2002-03/2002-05", "cn.jilin"),
        new PersonRef("p1"),
        "arbitrary-detention",
        null,
        null);
    b.act(
        b.event(w, "e2", "detention", "2001/2002", "cn.jilin.yanbian.yanji"),
        new PersonRef("p1"),
        "torture",
        "broker",
        "CHN");
    Counter c = counter(b.build());
    assertThat(c.table(Unit.ACTS, List.of(Dimension.period(Period.MONTH))).rows())
        .extracting(r -> r.key().get(0))
        .containsExactly("2002 (month not known)", "year not known");
    assertThat(c.table(Unit.ACTS, List.of(Dimension.period(Period.QUARTER))).rows())
        .extracting(r -> r.key().get(0))
        .containsExactly("2002 (quarter not known)", "year not known");
    assertThat(c.table(Unit.ACTS, List.of(Dimension.period(Period.YEAR))).rows())
        .extracting(r -> r.key().get(0))
        .containsExactly("2002", "year not known");
    assertThat(c.table(Unit.ACTS, List.of(Dimension.place(PlaceLevel.DISTRICT))).rows())
        .extracting(r -> r.key().get(0))
        .containsExactly("cn.jilin (district not known)", "cn.jilin.yanbian");
    assertThat(c.table(Unit.ACTS, List.of(Dimension.perpetratorType())).rows())
        .extracting(r -> r.key().get(0))
        .containsExactly("broker", "unknown");
  }

  @Test
  void countsMatchTheSimulatedTruthAfterDeduplication() {
    var sim = new org.tumen.document.SimulatedWitnesses(21, 0.6).generate(1000);
    Documentation d = sim.documentation();
    Counter deduplicated = counter(d);
    Counter naive =
        new Counter(d, EventClusters.none(d.events().stream().map(Event::id).toList()), G);
    // the truth: one act per (true event, victim, act type) that at least one witness told
    java.util.Set<String> trueActs = new java.util.HashSet<>();
    for (Act a : d.acts()) {
      trueActs.add(
          sim.trueEventOf().get(a.event())
              + "|"
              + ((PersonRef) a.victim()).id()
              + "|"
              + a.type().code());
    }
    long counted = deduplicated.table(Unit.ACTS, List.of()).total().count();
    long withoutDedup = naive.table(Unit.ACTS, List.of()).total().count();
    System.out.printf(
        "acts: truth %d, counted %d, without de-duplication %d%n",
        trueActs.size(), counted, withoutDedup);
    assertThat((double) counted / trueActs.size()).isBetween(0.97, 1.05);
    assertThat(withoutDedup).isGreaterThan(trueActs.size() * 11L / 10);
  }

  /** Counting by victims never exceeds counting by acts, in any table, row or total. */
  @Property(tries = 200)
  void victimsNeverExceedActs(@ForAll long seed) {
    Documentation d = random(new Random(seed));
    Random r = new Random(seed ^ 0x5DEECE66DL);
    Map<String, String> clusterOf = new HashMap<>();
    List<String> ids = d.events().stream().map(Event::id).toList();
    for (String id : ids) {
      clusterOf.put(id, ids.get(r.nextInt(ids.indexOf(id) + 1)));
    }
    Counter c = new Counter(d, new EventClusters(clusterOf, List.of()), G);
    List<List<Dimension>> tables =
        List.of(
            List.of(),
            List.of(Dimension.actType()),
            List.of(Dimension.period(Period.MONTH)),
            List.of(Dimension.period(Period.YEAR), Dimension.place(PlaceLevel.REGION)),
            List.of(Dimension.perpetratorType(), Dimension.actType()),
            List.of(Dimension.place(PlaceLevel.SUBDISTRICT)));
    for (List<Dimension> dims : tables) {
      CountTable victims = c.table(Unit.VICTIMS, dims);
      CountTable acts = c.table(Unit.ACTS, dims);
      assertThat(victims.total().count()).isLessThanOrEqualTo(acts.total().count());
      assertThat(victims.rows()).hasSameSizeAs(acts.rows());
      for (int i = 0; i < acts.rows().size(); i++) {
        assertThat(victims.rows().get(i).key()).isEqualTo(acts.rows().get(i).key());
        assertThat(victims.rows().get(i).count()).isLessThanOrEqualTo(acts.rows().get(i).count());
        assertThat(c.table(Unit.EVENTS, dims).rows().get(i).count())
            .isLessThanOrEqualTo(acts.rows().get(i).count());
      }
    }
  }

  static Documentation random(Random r) {
    Builder b = new Builder();
    String[] places = {
      "cn.jilin.yanbian.yanji",
      "cn.jilin",
      "kp.north-hamgyong.onsong",
      "th.bangkok",
      "cn.jilin.yanbian"
    };
    String[] types = {
      "arbitrary-arrest", "torture", "forced-return", "trafficking-forced-marriage"
    };
    String[] perpetrators = {"public-security", "broker", "border-guard", null};
    int sources = 1 + r.nextInt(4);
    int event = 0;
    for (int s = 0; s < sources; s++) {
      String w = b.witness("s" + s);
      int events = 1 + r.nextInt(4);
      for (int e = 0; e < events; e++) {
        String id =
            b.event(
                w,
                "e" + event++,
                "arrest",
                r.nextBoolean() ? "2002-0" + (1 + r.nextInt(9)) : "2001/2002",
                places[r.nextInt(places.length)]);
        int acts = r.nextInt(5);
        for (int a = 0; a < acts; a++) {
          Victim v =
              r.nextBoolean()
                  ? new PersonRef("p" + r.nextInt(5))
                  : new Group("s" + s + "g" + r.nextInt(3), 2 + r.nextInt(20));
          String p = perpetrators[r.nextInt(perpetrators.length)];
          b.act(id, v, types[r.nextInt(types.length)], p, "CHN");
        }
      }
    }
    return b.build();
  }
}
