package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.DateRange;
import org.tumen.model.PartialDate;
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
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Protection;

/**
 * {@code tumen count} end to end, in process, over documentation stored sealed in a workspace: two
 * witnesses of one arrest, a forced return of a group of 11, a detention. All synthetic.
 */
class CountCommandTest {

  static final Vocabularies V = Vocabularies.standard();
  static final Gazetteer G = Gazetteer.standard();
  static final Argon2Cost CHEAP = new Argon2Cost(64, 1, 1);

  @TempDir Path dir;
  Path ws;

  record Run(int status, String out, String err) {}

  Run tumen(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--workspace", ws.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  static Source interview(String id, String text) {
    return new Source(
        id,
        SourceKind.INTERVIEW,
        Optional.of("staff-1"),
        Optional.of(PartialDate.parseIso("2004-06")),
        Optional.of("ko"),
        Optional.of(Location.at(G.require("kr.seoul"))),
        "NGO A",
        new Consent(List.of(ConsentGrant.of(ConsentUse.STORE, LocalDate.of(2004, 6, 1)))),
        Reliability.HIGH,
        Optional.of(text));
  }

  static Event event(String id, String type, String when, String place) {
    return new Event(
        id,
        V.eventType(type).orElseThrow(),
        DateRange.parse(when),
        Location.at(G.require(place)),
        Optional.of("Synthetic summary of " + id),
        List.of());
  }

  static Act act(
      String id,
      String event,
      Victim victim,
      String type,
      String when,
      String place,
      String by,
      String info) {
    return new Act(
        id,
        event,
        victim,
        V.actType(type).orElseThrow(),
        DateRange.parse(when),
        Location.at(G.require(place)),
        List.of(
            new Involvement(
                Institution.of(
                    V.institutionType(by).orElseThrow(), by.equals("border-guard") ? "PRK" : "CHN"),
                Degree.DIRECT)),
        List.of(info));
  }

  static Information info(String id, String source, String event) {
    return new Information(
        id,
        source,
        Optional.of(event),
        Optional.empty(),
        Reliability.HIGH,
        Observation.EXPERIENCED);
  }

  @BeforeEach
  void store() throws Exception {
    ws = dir.resolve("ws");
    Path pass = dir.resolve("pass.txt");
    Files.writeString(pass, "synthetic test passphrase\n");
    String tumen = "cn.jilin.yanbian.tumen";
    String namyang = "kp.north-hamgyong.onsong.namyang";
    Documentation d =
        new Documentation(
            List.of(
                interview("s1", "Synthetic testimony one."),
                interview("s2", "Synthetic testimony two.")),
            List.of(
                event("e1", "arrest", "2002-03", tumen),
                event("e2", "arrest", "2002-03-04", tumen),
                event("e3", "forced-return", "2002-04", namyang),
                event("e4", "detention", "2003-01", "kp.north-hamgyong.onsong")),
            List.of(
                act(
                    "a1",
                    "e1",
                    new PersonRef("p1"),
                    "arbitrary-arrest",
                    "2002-03",
                    tumen,
                    "public-security",
                    "i1"),
                act(
                    "a2",
                    "e2",
                    new PersonRef("p1"),
                    "arbitrary-arrest",
                    "2002-03-04",
                    tumen,
                    "public-security",
                    "i2"),
                act(
                    "a3",
                    "e3",
                    new Group("g1", 11),
                    "forced-return",
                    "2002-04",
                    namyang,
                    "border-guard",
                    "i3"),
                act(
                    "a4",
                    "e4",
                    new PersonRef("p2"),
                    "arbitrary-detention",
                    "2003-01",
                    "kp.north-hamgyong.onsong",
                    "border-guard",
                    "i4")),
            List.of(
                info("i1", "s1", "e1"),
                info("i2", "s2", "e2"),
                info("i3", "s1", "e3"),
                info("i4", "s2", "e4")));
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection.initialise(w, "synthetic test passphrase".toCharArray(), CHEAP);
      w.documentation().save(d);
    }
  }

  @Test
  void countsActsByTypeWithTheWitnessesOfOneArrestCountedOnce() {
    Run r = tumen("count", "--unit", "acts", "--format", "csv");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out().lines())
        .containsExactly(
            "unit,act type,count,sources",
            "acts,arbitrary-arrest,1,2",
            "acts,arbitrary-detention,1,1",
            "acts,forced-return,11,1",
            "acts,total,13,2");
  }

  @Test
  void victimsEventsAndSourcesAreCountedApartAsText() {
    Run r = tumen("count", "--by", "act-type,period", "--period", "year");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("# victims: ", "# acts: ", "# events: ", "# sources: ");
    List<String> lines = r.out().lines().toList();
    // The victims table: p1 once (two witnesses), the group at its size, p2.
    int victims =
        lines.indexOf(lines.stream().filter(l -> l.startsWith("# victims")).findFirst().get());
    assertThat(lines.subList(victims, victims + 7))
        .anySatisfy(l -> assertThat(l).matches("arbitrary-arrest +2002 +1 +2"))
        .anySatisfy(l -> assertThat(l).matches("forced-return +2002 +11 +1"))
        .anySatisfy(l -> assertThat(l).matches("total +13 +2"));
    int events =
        lines.indexOf(lines.stream().filter(l -> l.startsWith("# events")).findFirst().get());
    assertThat(lines.subList(events, events + 7))
        .anySatisfy(l -> assertThat(l).matches("total +3 +2"));
  }

  @Test
  void jsonByPerpetratorAndPlaceSaysWhatItCounts() throws Exception {
    Run r =
        tumen(
            "count",
            "--by",
            "perpetrator,place",
            "--place-level",
            "country",
            "--unit",
            "events",
            "--format",
            "json");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode t = new ObjectMapper().readTree(r.out()).get(0);
    assertThat(t.get("unit").asText()).isEqualTo("events");
    assertThat(t.get("counts").asText()).startsWith("events:");
    assertThat(t.get("dimensions").toString())
        .isEqualTo("[\"perpetrator type\",\"place (country)\"]");
    assertThat(t.get("rows").toString())
        .isEqualTo(
            "[{\"key\":[\"border-guard\",\"kp\"],\"count\":2,\"sources\":2},"
                + "{\"key\":[\"public-security\",\"cn\"],\"count\":1,\"sources\":2}]");
    assertThat(t.get("total").get("count").asInt()).isEqualTo(3);
  }

  @Test
  void countingReadsNoTestimonyAndNeedsNoPassphrase() throws Exception {
    Run r = tumen("count", "--unit", "sources", "--format", "csv");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("Synthetic");
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection p = Protection.unlockWithoutAudit(w, "synthetic test passphrase".toCharArray());
      assertThat(p.audit().entries()).extracting(e -> e.action()).doesNotContain("read-identities");
    }
  }

  @Test
  void aBadChoiceIsExit2InOneLine() {
    for (String[] args :
        new String[][] {
          {"count", "--by", "colour"},
          {"count", "--unit", "people"},
          {"count", "--format", "xml"},
          {"count", "--by", "period", "--period", "week"}
        }) {
      Run r = tumen(args);
      assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().lines()).hasSize(1);
      assertThat(r.err()).startsWith("tumen: ").doesNotContain("Exception");
    }
  }
}
