package org.tumen.model.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.tumen.model.DateRange;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.vocabulary.Vocabularies;

/**
 * Cutting the counting columns to some sources ({@link CountingRecords#toldBy}) gives what the
 * columns of the graph cut to them ({@link Documentation#toldBy}) give, record by record: events
 * told by several sources, acts citing several, chain links between a kept and a dropped event,
 * information about no event.
 */
class CountingRecordsToldByTest {

  private static final Vocabularies V = Vocabularies.standard();
  private static final Gazetteer G = Gazetteer.standard();
  private static final String[] PLACES = {
    "cn.jilin.yanbian.tumen", "cn.jilin.yanbian.yanji", "kp.north-hamgyong.onsong", "th.bangkok"
  };
  private static final String[] ACT_TYPES = {"arbitrary-arrest", "torture", "forced-return"};

  @Test
  void theColumnsCutToSomeSourcesAreTheColumnsOfTheGraphCutToThem() {
    for (long seed = 0; seed < 400; seed++) {
      Random r = new Random(seed);
      Documentation d = random(r);
      Set<String> visible = new HashSet<>();
      for (Source s : d.sources()) {
        if (r.nextInt(3) > 0) {
          visible.add(s.id());
        }
      }
      CountingRecords all = CountingRecords.of(d);
      CountingRecords cut = all.toldBy(s -> visible.contains(all.sourceLabel(s)));
      assertSame(cut, CountingRecords.of(d.toldBy(visible)), "seed " + seed);
    }
  }

  @Test
  void noSourceKeepsNothingAndEverySourceKeepsWhatTheyTell() {
    Documentation d = random(new Random(7));
    CountingRecords all = CountingRecords.of(d);
    CountingRecords none = all.toldBy(s -> false);
    assertThat(none.events()).isZero();
    assertThat(none.acts()).isZero();
    assertThat(none.persons()).isZero();
    assertThat(none.sources()).isZero();
    // every source: what some source tells, as the graph cut to all of them (an event nobody
    // tells and no act is about is not counted either way)
    Set<String> every = new HashSet<>();
    d.sources().forEach(s -> every.add(s.id()));
    assertSame(all.toldBy(s -> true), CountingRecords.of(d.toldBy(every)), "all");
  }

  /** Every column, by label: people and sources are numbered differently in the two. */
  private static void assertSame(CountingRecords a, CountingRecords b, String what) {
    assertThat(a.events()).as(what).isEqualTo(b.events());
    assertThat(a.acts()).as(what).isEqualTo(b.acts());
    assertThat(labels(a.persons(), a::personLabel))
        .as(what)
        .isEqualTo(labels(b.persons(), b::personLabel));
    assertThat(labels(a.sources(), a::sourceLabel))
        .as(what)
        .isEqualTo(labels(b.sources(), b::sourceLabel));
    for (int e = 0; e < a.events(); e++) {
      assertThat(a.eventLabel(e)).as(what).isEqualTo(b.eventLabel(e));
      assertThat(a.eventType(e)).isEqualTo(b.eventType(e));
      assertThat(a.eventWhen(e)).isEqualTo(b.eventWhen(e));
      assertThat(a.eventWhere(e)).isEqualTo(b.eventWhere(e));
      assertThat(sorted(a.chainPersons(e), a::personLabel))
          .as(what + " chain of " + a.eventLabel(e))
          .isEqualTo(sorted(b.chainPersons(e), b::personLabel));
      assertThat(inOrder(a.toldBy(e), a::sourceLabel))
          .as(what)
          .isEqualTo(inOrder(b.toldBy(e), b::sourceLabel));
    }
    for (int x = 0; x < a.acts(); x++) {
      assertThat(a.eventLabel(a.actEvent(x))).as(what).isEqualTo(b.eventLabel(b.actEvent(x)));
      assertThat(a.actPerson(x) < 0).isEqualTo(b.actPerson(x) < 0);
      if (a.actPerson(x) >= 0) {
        assertThat(a.personLabel(a.actPerson(x))).isEqualTo(b.personLabel(b.actPerson(x)));
      }
      assertThat(a.actGroup(x)).isEqualTo(b.actGroup(x));
      assertThat(a.actCount(x)).isEqualTo(b.actCount(x));
      assertThat(a.actType(x)).isEqualTo(b.actType(x));
      assertThat(a.actWhen(x)).isEqualTo(b.actWhen(x));
      assertThat(a.actWhere(x)).isEqualTo(b.actWhere(x));
      assertThat(a.perpetrators(x)).isEqualTo(b.perpetrators(x));
      assertThat(inOrder(a.citedBy(x), a::sourceLabel))
          .as(what)
          .isEqualTo(inOrder(b.citedBy(x), b::sourceLabel));
    }
  }

  private static Set<String> labels(int n, IntFunction<String> label) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < n; i++) {
      out.add(label.apply(i));
    }
    return out;
  }

  private static List<String> sorted(int[] numbers, IntFunction<String> label) {
    List<String> out = inOrder(numbers, label);
    out.sort(null);
    return out;
  }

  private static List<String> inOrder(int[] numbers, IntFunction<String> label) {
    return new ArrayList<>(Arrays.stream(numbers).mapToObj(label).toList());
  }

  /**
   * Sources telling overlapping events; acts citing information of one to three sources; chains
   * from each event to later ones; some information about no event (only cited by acts).
   */
  static Documentation random(Random r) {
    int sourceCount = 1 + r.nextInt(5);
    List<Source> sources = new ArrayList<>();
    for (int s = 0; s < sourceCount; s++) {
      sources.add(
          new Source(
              "s" + s,
              SourceKind.INTERVIEW,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              "NGO A",
              new Consent(List.of(ConsentGrant.of(ConsentUse.STORE, LocalDate.of(2003, 5, 1)))),
              Reliability.HIGH,
              Optional.empty()));
    }
    int eventCount = 1 + r.nextInt(12);
    List<Event> events = new ArrayList<>();
    for (int e = 0; e < eventCount; e++) {
      List<ChainLink> chain = new ArrayList<>();
      for (int next = e + 1; next < eventCount; next++) {
        if (r.nextInt(4) == 0) {
          chain.add(new ChainLink("e" + next, new PersonRef("p" + r.nextInt(6))));
        }
      }
      events.add(
          new Event(
              "e" + e,
              V.eventType(r.nextBoolean() ? "arrest" : "border-crossing").orElseThrow(),
              DateRange.parse("2002-0" + (1 + r.nextInt(9))),
              Location.at(G.require(PLACES[r.nextInt(PLACES.length)])),
              Optional.empty(),
              chain));
    }
    List<Information> information = new ArrayList<>();
    int infoCount = 1 + r.nextInt(15);
    for (int i = 0; i < infoCount; i++) {
      information.add(
          new Information(
              "i" + i,
              "s" + r.nextInt(sourceCount),
              r.nextInt(4) == 0 ? Optional.empty() : Optional.of("e" + r.nextInt(eventCount)),
              Optional.empty(),
              Reliability.HIGH,
              Observation.EXPERIENCED));
    }
    List<Act> acts = new ArrayList<>();
    int actCount = r.nextInt(15);
    for (int a = 0; a < actCount; a++) {
      List<String> cited = new ArrayList<>();
      int citations = 1 + r.nextInt(3);
      for (int c = 0; c < citations; c++) {
        cited.add("i" + r.nextInt(infoCount));
      }
      Victim v =
          r.nextBoolean() ? new PersonRef("p" + r.nextInt(6)) : new Group("g" + r.nextInt(3), 3);
      List<Involvement> involvements = new ArrayList<>();
      for (int k = r.nextInt(3); k > 0; k--) {
        involvements.add(
            new Involvement(
                r.nextBoolean()
                    ? new PersonRef("p" + r.nextInt(6))
                    : Institution.of(V.institutionType("public-security").orElseThrow(), "CHN"),
                Degree.DIRECT));
      }
      acts.add(
          new Act(
              "a" + a,
              "e" + r.nextInt(eventCount),
              v,
              V.actType(ACT_TYPES[r.nextInt(ACT_TYPES.length)]).orElseThrow(),
              DateRange.parse("2002-0" + (1 + r.nextInt(9))),
              Location.at(G.require(PLACES[r.nextInt(PLACES.length)])),
              involvements,
              cited));
    }
    return new Documentation(sources, events, acts, information);
  }
}
