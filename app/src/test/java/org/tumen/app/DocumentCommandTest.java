package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tumen.app.CliRun.Run;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.ConsentGrant;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.documentation.Degree;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Involvement;
import org.tumen.model.documentation.PersonRef;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Protection;

/**
 * {@code tumen document import} and {@code export} end to end, in process, on a protected
 * workspace: import, count, export, round trip, every bad input of issue 13 (exit 2, one line at
 * file:line:column, nothing stored), and the canary (testimony absent from the pseudonymised
 * export). All data synthetic.
 */
class DocumentCommandTest {

  static final String CANARY = "CANARY-TESTIMONY-7f3a";

  static final String SOURCES =
      """
      source,kind,holder,date,language,interviewer,reliability,consent given,consent withdrawn,text
      s1,interview,NGO A,2004-06,ko,staff-1,high,2004-06-01,,"Synthetic testimony %s, told in Seoul."
      s2,interview,NGO A,2004-07,en,staff-2,medium,2004-07-01,,Synthetic testimony two.
      """
          .formatted(CANARY);

  static final String HEADER =
      "act,event,event type,victim,group count,act type,date,place,perpetrator type,"
          + "perpetrator state,degree,source,passage,reliability,observation\n";

  static final String ACTS =
      HEADER
          + "a1,e1,arrest,p1,,arbitrary-arrest,2002-03,cn.jilin.yanbian.tumen,public-security,CHN,"
          + "direct,s1,0..20,high,experienced\n"
          + "a2,e2,forced-return,g1,11,forced-return,2002-04,kp.north-hamgyong.onsong.namyang,"
          + "border-guard,PRK,direct,s1,,medium,seen\n"
          + "a3,e3,detention,p2,,arbitrary-detention,2002-03/2002-09,kp.north-hamgyong.onsong,"
          + "border-guard,PRK,direct,s2,0..10,low,heard\n";

  @TempDir Path dir;
  Path ws;
  Path pass;

  Run tumen(String... args) {
    return CliRun.inWorkspace(ws, pass, args);
  }

  @BeforeEach
  void workspace() throws Exception {
    ws = dir.resolve("ws");
    pass = dir.resolve("pass.txt");
    Files.writeString(pass, "synthetic test passphrase\n");
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection.initialise(w, "synthetic test passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
    }
  }

  Path write(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  static final String PEOPLE = "person\np1\np2\np9\n";

  Run importBoth(String sources, String acts) throws Exception {
    return tumen(
        "document",
        "import",
        "--sources",
        write("sources.csv", sources).toString(),
        "--people",
        write("people.csv", PEOPLE).toString(),
        write("acts.csv", acts).toString());
  }

  Documentation stored() {
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      return w.documentation().loadCodes();
    }
  }

  @Test
  void importsCountsAndExportsPseudonymisedWithHxl() throws Exception {
    Run imported = importBoth(SOURCES, ACTS);
    assertThat(imported.status()).as(imported.err()).isZero();
    assertThat(imported.out()).startsWith("imported 2 sources, 3 events, 3 acts");

    Run count = tumen("count", "--unit", "victims,acts", "--format", "csv");
    assertThat(count.status()).as(count.err()).isZero();
    assertThat(count.out().lines())
        .contains(
            "victims,forced-return,11,1",
            // acts against a group count once per person in it (docs/documentation.md, Counting)
            "acts,forced-return,11,1",
            "acts,arbitrary-arrest,1,1",
            "acts,arbitrary-detention,1,1");

    Path out = dir.resolve("export");
    Run export = tumen("document", "export", "--out", out.toString());
    assertThat(export.status()).as(export.err()).isZero();
    String json = Files.readString(out.resolve("documentation.json"));
    String csv = Files.readString(out.resolve("acts.csv"));
    assertThat(json).doesNotContain(CANARY).doesNotContain("Synthetic testimony");
    assertThat(csv).doesNotContain(CANARY);
    for (String f : List.of("documentation.json", "acts.csv")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(f))))
          .isEqualTo("rw-------");
    }

    List<String> lines = csv.lines().toList();
    assertThat(lines.get(1)).contains("#date+start", "#adm1+code", "#affected+victims+num");
    assertThat(lines)
        .contains(
            "a2,e2,forced-return,2002-04,2002-04,PRK,kp.north-hamgyong,kp.north-hamgyong.onsong,"
                + "kp.north-hamgyong.onsong.namyang,11,border-guard,PRK,1");

    // Round trip: the exported graph has the codes the workspace holds.
    JsonNode root = new ObjectMapper().readTree(json);
    TreeSet<String> exported = new TreeSet<>();
    for (JsonNode a : root.get("acts")) {
      exported.add(
          a.get("id").asText()
              + "|"
              + a.get("type").asText()
              + "|"
              + a.get("when").asText()
              + "|"
              + a.get("where").get("place").asText()
              + "|"
              + a.get("information").get(0).asText());
    }
    TreeSet<String> held = new TreeSet<>();
    for (Act a : stored().acts()) {
      held.add(
          a.id()
              + "|"
              + a.type().code()
              + "|"
              + a.when()
              + "|"
              + a.where().place().code()
              + "|"
              + a.information().get(0));
    }
    assertThat(exported).isEqualTo(held).hasSize(3);
    JsonNode a1 = null;
    for (JsonNode i : root.get("information")) {
      if (i.get("id").asText().equals("a1.info")) {
        a1 = i;
      }
    }
    assertThat(a1.get("source").asText()).isEqualTo("s1");
    // A text span points into the sealed testimony; without the text it is not exported.
    assertThat(a1.get("passage")).isNull();
    assertThat(a1.get("observation").asText()).isEqualTo("experienced");
  }

  @Test
  void exportWithIdentitiesHoldsTheTestimonyAndIsAudited() throws Exception {
    assertThat(importBoth(SOURCES, ACTS).status()).isZero();
    Path out = dir.resolve("full");
    Run export = tumen("document", "export", "--out", out.toString(), "--with-identities");
    assertThat(export.status()).as(export.err()).isZero();
    String json = Files.readString(out.resolve("documentation.json"));
    assertThat(json).contains(CANARY);
    for (JsonNode i : new ObjectMapper().readTree(json).get("information")) {
      if (i.get("id").asText().equals("a1.info")) {
        assertThat(i.get("passage").get("start").asInt()).isZero();
        assertThat(i.get("passage").get("end").asInt()).isEqualTo(20);
      }
    }
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection p = Protection.unlockWithoutAudit(w, "synthetic test passphrase".toCharArray());
      assertThat(p.audit().entries())
          .anySatisfy(
              e -> {
                assertThat(e.action()).isEqualTo("read-identities");
                assertThat(e.subject()).isEqualTo("documentation");
                assertThat(e.details()).contains("document export --with-identities");
              });
    }
  }

  @Test
  void refusesAnOutputInsideTheWorkspace() throws Exception {
    assertThat(importBoth(SOURCES, ACTS).status()).isZero();
    Run r = tumen("document", "export", "--out", ws.resolve("out").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("inside the workspace");
  }

  static Stream<Arguments> badActs() {
    String row =
        "a9,e9,arrest,p9,,arbitrary-arrest,2002-03,cn.jilin.yanbian.tumen,public-security,CHN,"
            + "direct,s1,0..5,high,seen\n";
    return Stream.of(
        Arguments.of("unknown source", row.replace(",s1,", ",s7,"), 12, "no such source"),
        Arguments.of(
            "unknown act type", row.replace("arbitrary-arrest", "flogging"), 6, "act type"),
        Arguments.of(
            "unknown place", row.replace("cn.jilin.yanbian.tumen", "xx.nowhere"), 8, "place"),
        Arguments.of(
            "range ends before it starts",
            row.replace(",2002-03,", ",2002-09/2002-03,"),
            7,
            "ends before"),
        Arguments.of("quote outside the text", row.replace("0..5", "40..90"), 13, "outside"),
        Arguments.of("group of one", row.replace(",p9,,", ",g9,1,"), 5, "at least 2"),
        Arguments.of(
            "victim who does not exist",
            row.replace(",p9,,", ",p404,,"),
            4,
            "no such person in people.csv or the workspace"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badActs")
  void badActExitsTwoAtItsCellAndStoresNothing(String what, String badRow, int column, String says)
      throws Exception {
    Run r = importBoth(SOURCES, ACTS + badRow);
    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("tumen: " + dir.resolve("acts.csv") + ":5:" + column + ": ");
    assertThat(r.err()).contains(says).doesNotContain(CANARY).doesNotContain("Exception");
    assertThat(stored().acts()).isEmpty();
    assertThat(stored().sources()).isEmpty();
  }

  /** The acts table as an XLSX sheet, cell for cell as in the CSV. */
  Path xlsx(String csv) throws Exception {
    Path f = dir.resolve("acts.xlsx");
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb =
            new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        java.io.OutputStream out = Files.newOutputStream(f)) {
      var sheet = wb.createSheet("acts");
      List<String> lines = csv.lines().toList();
      for (int r = 0; r < lines.size(); r++) {
        String[] cells = lines.get(r).split(",", -1);
        var row = sheet.createRow(r);
        for (int c = 0; c < cells.length; c++) {
          row.createCell(c).setCellValue(cells[c]);
        }
      }
      wb.write(out);
    }
    return f;
  }

  @Test
  void readsTheActsFromXlsxWithTheSameRowNumbers() throws Exception {
    Path sources = write("sources.csv", SOURCES);
    Run bad =
        tumen(
            "document",
            "import",
            "--sources",
            sources.toString(),
            "--people",
            write("people.csv", PEOPLE).toString(),
            xlsx(ACTS.replace("kp.north-hamgyong.onsong.namyang", "xx.nowhere")).toString());
    assertThat(bad.status()).as(bad.err()).isEqualTo(2);
    assertThat(bad.err()).startsWith("tumen: " + dir.resolve("acts.xlsx") + ":3:8: ");
    assertThat(stored().acts()).isEmpty();
    Run good =
        tumen(
            "document",
            "import",
            "--sources",
            sources.toString(),
            "--people",
            dir.resolve("people.csv").toString(),
            xlsx(ACTS).toString());
    assertThat(good.status()).as(good.err()).isZero();
    assertThat(stored().acts()).extracting(Act::id).containsExactlyInAnyOrder("a1", "a2", "a3");
  }

  @Test
  void anActCitingASourceWhoseConsentWasWithdrawnStoresNothing() throws Exception {
    String sources = SOURCES.replace("2004-07-01,,", "2004-07-01,2005-01-02,");
    Run r = importBoth(sources, ACTS);
    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "tumen: "
                + dir.resolve("acts.csv")
                + ":4:12: the source's consent to store was withdrawn: remove its acts");
    assertThat(stored().sources()).isEmpty();
  }

  @Test
  void importingTheSameIdsTwiceIsRefusedAndKeepsTheFirst() throws Exception {
    assertThat(importBoth(SOURCES, ACTS).status()).isZero();
    Run r = importBoth(SOURCES, ACTS);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("sources.csv:2:1: a source with this id is stored already");
    assertThat(stored().acts()).hasSize(3);
  }

  Documentation opened() {
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection.unlockWithoutAudit(w, "synthetic test passphrase".toCharArray());
      return w.documentation().load("test");
    }
  }

  @Test
  void aSecondImportMayNameThePeopleStoredByTheFirst() throws Exception {
    assertThat(importBoth(SOURCES, ACTS).status()).isZero();
    String sources = SOURCES.replace("s1,", "s3,").replace("s2,", "s4,");
    String acts =
        HEADER
            + "a7,e7,arrest,p1,,arbitrary-arrest,2003-03,cn.jilin.yanbian.tumen,public-security,"
            + "CHN,direct,s3,,high,experienced\n";
    Run r =
        tumen(
            "document",
            "import",
            "--sources",
            write("sources2.csv", sources).toString(),
            write("acts2.csv", acts).toString());
    assertThat(r.status()).as(r.err()).isZero();
    Run bad =
        tumen(
            "document",
            "import",
            "--sources",
            write("sources3.csv", sources.replace("s3,", "s5,").replace("s4,", "s6,")).toString(),
            write(
                    "acts3.csv",
                    acts.replace("a7,e7", "a8,e8").replace(",p1,", ",p77,").replace(",s3,", ",s5,"))
                .toString());
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err().strip())
        .isEqualTo(
            "tumen: "
                + dir.resolve("acts3.csv")
                + ":2:4: no such person in the workspace (list new people with --people)");
  }

  @Test
  void rowsWithoutAnActRecordTheEventAndTheNextEventChainsTheJourney() throws Exception {
    String acts =
        HEADER.strip()
            + ",next event\n"
            + "c1,e0,border-crossing,p1,,,2002-01,kp.north-hamgyong.onsong,,,,s1,,high,"
            + "experienced,e1\n"
            + ACTS.substring(HEADER.length()).replace("\n", ",\n")
            + "a4,e4,hiding,p1,,,2002-05,cn.jilin.yanbian,,,,s1,,,,e404\n";
    Run bad = importBoth(SOURCES, acts);
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).startsWith("tumen: " + dir.resolve("acts.csv") + ":6:16: no such event");
    Run r = importBoth(SOURCES, acts.replace(",e404", ","));
    assertThat(r.status()).as(r.err()).isZero();
    Documentation d = stored();
    assertThat(d.events()).hasSize(5);
    assertThat(d.acts()).extracting(Act::id).containsExactlyInAnyOrder("a1", "a2", "a3");
    var crossing = d.events().stream().filter(e -> e.id().equals("e0")).findFirst().orElseThrow();
    assertThat(crossing.chain()).hasSize(1);
    assertThat(crossing.chain().get(0).next()).isEqualTo("e1");
    assertThat(crossing.chain().get(0).person().id()).isEqualTo("p1");
  }

  @Test
  void withdrawingConsentToStoreDestroysTheTestimonyKeepsTheCountsAndIsAudited() throws Exception {
    assertThat(importBoth(SOURCES, ACTS).status()).isZero();
    assertThat(opened().sources().get(0).text())
        .hasValueSatisfying(t -> assertThat(t).contains(CANARY));

    Run quote = tumen("document", "withdraw", "--source", "s1", "--use", "quote");
    assertThat(quote.status()).isEqualTo(2);
    assertThat(quote.err()).contains("--use").contains("never gave consent to quote");
    Run early =
        tumen("document", "withdraw", "--source", "s1", "--use", "store", "--on", "2004-05-31");
    assertThat(early.status()).isEqualTo(2);
    assertThat(early.err()).contains("--on").contains("given on 2004-06-01");
    assertThat(tumen("document", "withdraw", "--source", "s9", "--use", "store").status())
        .isEqualTo(2);
    assertThat(tumen("document", "withdraw", "--source", "s1", "--use", "sell").status())
        .isEqualTo(2);

    Run r = tumen("document", "withdraw", "--source", "s1", "--use", "store", "--on", "2025-01-02");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("key destroyed, 1 sealed values deleted");
    Documentation after = opened();
    var s1 = after.sources().stream().filter(s -> s.id().equals("s1")).findFirst().orElseThrow();
    assertThat(s1.text()).isEmpty();
    assertThat(
            s1.consent()
                .grant(org.tumen.model.documentation.ConsentUse.STORE)
                .orElseThrow()
                .withdrawn())
        .contains(java.time.LocalDate.of(2025, 1, 2));
    var s2 = after.sources().stream().filter(s -> s.id().equals("s2")).findFirst().orElseThrow();
    assertThat(s2.text()).contains("Synthetic testimony two.");
    assertThat(after.acts()).hasSize(3);
    Run count = tumen("count", "--unit", "acts", "--format", "csv");
    assertThat(count.out().lines())
        .contains("acts,forced-return,11,1", "acts,arbitrary-arrest,1,1");

    Run again = tumen("document", "withdraw", "--source", "s1", "--use", "store");
    assertThat(again.status()).isZero();
    assertThat(again.out()).contains("nothing changed");
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection p = Protection.unlockWithoutAudit(w, "synthetic test passphrase".toCharArray());
      assertThat(p.audit().entries())
          .anySatisfy(
              e -> {
                assertThat(e.action()).isEqualTo("withdraw-consent");
                assertThat(e.subject()).isEqualTo("source s1");
                assertThat(e.details()).isEqualTo("use=store on=2025-01-02");
              })
          .anySatisfy(e -> assertThat(e.action()).isEqualTo("forget"));
    }

    // The withdrawn source cannot come back through a new import: nothing is stored.
    String again2 = SOURCES.replace("s2,", "s8,");
    Run reimport =
        tumen(
            "document",
            "import",
            "--sources",
            write("sources4.csv", again2).toString(),
            write("acts4.csv", HEADER).toString());
    assertThat(reimport.status()).isEqualTo(2);
    assertThat(reimport.err().strip())
        .isEqualTo(
            "tumen: "
                + dir.resolve("sources4.csv")
                + ":2:1: this source's consent to store was withdrawn on 2025-01-02: nothing of it"
                + " may be stored again");
    assertThat(stored().sources()).hasSize(2);
  }

  @Test
  void withdrawingConsentToQuoteKeepsTheTestimony() throws Exception {
    String sources = SOURCES.replace("consent withdrawn,text", "consent withdrawn,text");
    assertThat(importBoth(sources, ACTS).status()).isZero();
    // these sources give consent to store only; other uses are refused as never given
    Run r = tumen("document", "withdraw", "--source", "s2", "--use", "share");
    assertThat(r.status()).isEqualTo(2);
    assertThat(opened().sources()).allSatisfy(s -> assertThat(s.text()).isPresent());
  }

  static final String SOURCES_WITH_CONSENTS =
      """
      source,kind,holder,date,language,interviewer,reliability,consent given,consent withdrawn,\
      text,quote given,quote withdrawn,contact again given,contact again withdrawn,share given,\
      share withdrawn,share partners
      s1,interview,NGO A,2004-06,ko,staff-1,high,2004-06-01,,Synthetic testimony one.,\
      2004-06-01,2006-01-02,2004-06-02,,2004-06-03,,NGO B; Researcher C
      s2,interview,NGO A,2004-07,en,staff-2,medium,2004-07-01,,Synthetic testimony two.,,,,,,,
      """;

  static final String ACTS_WITH_PERSON =
      HEADER.strip()
          + ",perpetrator person\n"
          + "a1,e1,arrest,p1,,arbitrary-arrest,2002-03,cn.jilin.yanbian.tumen,public-security,CHN,"
          + "ordered,s1,0..20,high,experienced,p9\n"
          + "a2,e2,detention,p2,,extortion,2002-04,cn.jilin.yanbian.tumen,,,direct,s2,,medium,"
          + "seen,p9\n";

  @Test
  void importsEveryConsentWithItsDaysAndAPersonAsPerpetrator() throws Exception {
    Run r = importBoth(SOURCES_WITH_CONSENTS, ACTS_WITH_PERSON);
    assertThat(r.status()).as(r.err()).isZero();
    Documentation d = stored();
    var s1 = d.sources().stream().filter(s -> s.id().equals("s1")).findFirst().orElseThrow();
    assertThat(s1.consent().grants())
        .containsExactlyInAnyOrder(
            ConsentGrant.of(ConsentUse.STORE, java.time.LocalDate.of(2004, 6, 1)),
            ConsentGrant.of(ConsentUse.QUOTE, java.time.LocalDate.of(2004, 6, 1))
                .withdrawnOn(java.time.LocalDate.of(2006, 1, 2)),
            ConsentGrant.of(ConsentUse.CONTACT_AGAIN, java.time.LocalDate.of(2004, 6, 2)),
            new ConsentGrant(
                ConsentUse.SHARE,
                java.time.LocalDate.of(2004, 6, 3),
                Optional.empty(),
                java.util.Set.of("NGO B", "Researcher C")));
    var s2 = d.sources().stream().filter(s -> s.id().equals("s2")).findFirst().orElseThrow();
    assertThat(s2.consent().grants())
        .extracting(ConsentGrant::use)
        .containsExactly(ConsentUse.STORE);
    Act a1 = d.acts().stream().filter(a -> a.id().equals("a1")).findFirst().orElseThrow();
    assertThat(a1.involvements())
        .extracting(v -> v.perpetrator() instanceof PersonRef p ? p.id() : "institution")
        .containsExactly("institution", "p9");
    assertThat(a1.involvements()).allSatisfy(v -> assertThat(v.degree()).isEqualTo(Degree.ORDERED));
    Act a2 = d.acts().stream().filter(a -> a.id().equals("a2")).findFirst().orElseThrow();
    assertThat(a2.involvements())
        .containsExactly(new Involvement(new PersonRef("p9"), Degree.DIRECT));
    // the imported consents can be withdrawn like any other
    Run w = tumen("document", "withdraw", "--source", "s1", "--use", "contact-again");
    assertThat(w.status()).as(w.err()).isZero();
    Run never = tumen("document", "withdraw", "--source", "s2", "--use", "share");
    assertThat(never.status()).isEqualTo(2);
  }

  static Stream<Arguments> badConsents() {
    String row =
        "s1,interview,NGO A,2004-06,ko,staff-1,high,2004-06-01,,Synthetic testimony one.,"
            + "2004-06-01,,2004-06-02,,2004-06-03,,NGO B\n";
    String head = SOURCES_WITH_CONSENTS.lines().findFirst().orElseThrow() + "\n";
    return Stream.of(
        Arguments.of(
            "quote withdrawn before given",
            head + row.replace("2004-06-01,,2004-06-02", "2004-06-01,2004-05-01,2004-06-02"),
            12,
            "withdrawn before it was given"),
        Arguments.of(
            "contact again withdrawn, never given",
            head + row.replace(",2004-06-02,,", ",,2004-07-01,"),
            14,
            "never given"),
        Arguments.of(
            "share without partners",
            head + row.replace(",NGO B\n", ",\n"),
            15,
            "names the partners"),
        Arguments.of(
            "partners without share",
            head + row.replace(",2004-06-03,,NGO B", ",,,NGO B"),
            17,
            "never given"),
        Arguments.of(
            "not a day", head + row.replace(",2004-06-02,", ",June 2004,"), 13, "YYYY-MM-DD"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConsents")
  void aBadConsentExitsTwoAtItsCellAndStoresNothing(
      String what, String sources, int column, String says) throws Exception {
    Run r =
        importBoth(sources, ACTS.lines().limit(2).map(l -> l + "\n").reduce("", String::concat));
    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("tumen: " + dir.resolve("sources.csv") + ":2:" + column + ": ");
    assertThat(r.err()).contains(says).doesNotContain("NGO B").doesNotContain("Exception");
    assertThat(stored().sources()).isEmpty();
  }

  @Test
  void aPerpetratorWhoIsNoKnownPersonIsRefusedAtTheCell() throws Exception {
    Run r = importBoth(SOURCES, ACTS_WITH_PERSON.replace("seen,p9", "seen,p404"));
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "tumen: "
                + dir.resolve("acts.csv")
                + ":3:16: no such person in people.csv or the workspace");
    assertThat(stored().acts()).isEmpty();
  }
}
