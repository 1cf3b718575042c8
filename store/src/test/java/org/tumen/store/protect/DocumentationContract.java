package org.tumen.store.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;
import org.tumen.model.DateRange;
import org.tumen.model.PartialDate;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.ChainLink;
import org.tumen.model.documentation.Consent;
import org.tumen.model.documentation.ConsentGrant;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.documentation.CountingRecords;
import org.tumen.model.documentation.Degree;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.documentation.Group;
import org.tumen.model.documentation.Information;
import org.tumen.model.documentation.Institution;
import org.tumen.model.documentation.Involvement;
import org.tumen.model.documentation.Location;
import org.tumen.model.documentation.Observation;
import org.tumen.model.documentation.Passage;
import org.tumen.model.documentation.PersonRef;
import org.tumen.model.documentation.Reliability;
import org.tumen.model.documentation.Source;
import org.tumen.model.documentation.SourceKind;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.store.Workspace;
import org.tumen.store.documentation.DocumentationRepository;
import org.tumen.store.identity.PlaintextCodec;

/**
 * The storage of documentation (issue 13, item 3), run on H2 and PostgreSQL: a graph reads back
 * equal, in one transaction or not at all; testimony and summaries are nowhere in plaintext once
 * the workspace has keys; every read of them is audited first; forgetting a person or a source's
 * key holder destroys what was sealed under them. The testimony and summaries are synthetic.
 */
abstract class DocumentationContract {

  static final Vocabularies V = Vocabularies.standard();
  static final Gazetteer G = Gazetteer.standard();

  /** Known sentences, found nowhere in the database when it is protected (the canaries). */
  static final String TESTIMONY_KO = "합성 증언: 우리는 2002년 3월 투먼에서 체포되었다 캐너리";

  static final String TESTIMONY_EN =
      "Synthetic testimony: the canary Quenbarrow was held eleven days at the Tumen camp.";

  static final String SUMMARY_ARREST = "Synthetic summary: canary Vostrelind arrested at a market";
  static final String SUMMARY_RETURN = "Synthetic summary: canary Pelmarrow handed over at Namyang";

  static final List<String> SECRETS =
      List.of(TESTIMONY_KO, TESTIMONY_EN, SUMMARY_ARREST, SUMMARY_RETURN);

  @TempDir Path dir;
  Path home;
  Workspace ws;

  /** Opens a fresh, empty workspace in {@code folder}, or the same one again. */
  abstract Workspace open(Path folder);

  /** Every byte of the database's data as a dump (empty for H2, whose files are in the folder). */
  abstract byte[] dump() throws Exception;

  @BeforeEach
  void openWorkspace() {
    home = dir.resolve("ws");
    ws = open(home);
  }

  @AfterEach
  void closeWorkspace() {
    ws.close();
  }

  static Documentation graph() {
    String text = TESTIMONY_KO + "\n" + TESTIMONY_EN;
    int start = text.indexOf("the canary");
    Source interview =
        new Source(
            "s1",
            SourceKind.INTERVIEW,
            Optional.of("staff-7"),
            Optional.of(PartialDate.parseIso("2003-05-14")),
            Optional.of("ko"),
            Optional.of(Location.at(G.require("kr.seoul"))),
            "NGO A",
            new Consent(
                List.of(
                    ConsentGrant.of(ConsentUse.STORE, LocalDate.of(2003, 5, 14)),
                    ConsentGrant.of(ConsentUse.QUOTE, LocalDate.of(2003, 5, 14))
                        .withdrawnOn(LocalDate.of(2005, 1, 2)),
                    new ConsentGrant(
                        ConsentUse.SHARE,
                        LocalDate.of(2003, 5, 14),
                        Optional.empty(),
                        Set.of("NGO B", "Researcher C")))),
            Reliability.HIGH,
            Optional.of(text));
    Source report =
        new Source(
            "s2",
            SourceKind.MEDIA_REPORT,
            Optional.empty(),
            Optional.of(PartialDate.parseIso("2004")),
            Optional.of("en"),
            Optional.of(new Location(G.require("cn.jilin.yanbian"), true)),
            "Newspaper D",
            Consent.none(),
            Reliability.MEDIUM,
            Optional.empty());
    Event arrest =
        new Event(
            "e1",
            V.eventType("arrest").orElseThrow(),
            DateRange.parse("2002-03"),
            Location.at(G.require("cn.jilin.yanbian.tumen")),
            Optional.of(SUMMARY_ARREST),
            List.of(new ChainLink("e2", new PersonRef("p1"))));
    Event handover =
        new Event(
            "e2",
            V.eventType("forced-return").orElseThrow(),
            DateRange.parse("2002-03 to 2002-09"),
            new Location(G.require("kp.north-hamgyong.onsong.namyang"), true),
            Optional.of(SUMMARY_RETURN),
            List.of());
    Event detention =
        new Event(
            "e3",
            V.eventType("detention").orElseThrow(),
            DateRange.season("winter", 1999),
            Location.at(G.require("kp.north-hamgyong.onsong")),
            Optional.empty(),
            List.of());
    Information told =
        new Information(
            "i1",
            "s1",
            Optional.of("e1"),
            Optional.of(new Passage.TextSpan(start, text.length())),
            Reliability.HIGH,
            Observation.EXPERIENCED);
    Information reported =
        new Information(
            "i2",
            "s2",
            Optional.of("e2"),
            Optional.of(new Passage.TimeSpan(Duration.ofSeconds(75), Duration.ofMillis(92_500))),
            Reliability.LOW,
            Observation.HEARD);
    Information heard =
        new Information(
            "i3", "s1", Optional.of("e3"), Optional.empty(), Reliability.UNKNOWN, Observation.SEEN);
    Act arrestAct =
        new Act(
            "a1",
            "e1",
            new PersonRef("p1"),
            V.actType("arbitrary-arrest").orElseThrow(),
            DateRange.parse("2002-03-04"),
            Location.at(G.require("cn.jilin.yanbian.tumen")),
            List.of(
                new Involvement(
                    new Institution(
                        V.institutionType("public-security").orElseThrow(),
                        Optional.of("CHN"),
                        Optional.of("Tumen city bureau")),
                    Degree.DIRECT)),
            List.of("i1"));
    Act returnAct =
        new Act(
            "a2",
            "e2",
            new Group("g1", 11),
            V.actType("forced-return").orElseThrow(),
            DateRange.parse("2002-03 to 2002-09"),
            new Location(G.require("kp.north-hamgyong.onsong.namyang"), true),
            List.of(
                new Involvement(
                    Institution.of(V.institutionType("public-security").orElseThrow(), "CHN"),
                    Degree.DIRECT),
                new Involvement(
                    Institution.of(V.institutionType("border-guard").orElseThrow(), "PRK"),
                    Degree.ASSISTED),
                new Involvement(new PersonRef("perp-1"), Degree.ORDERED)),
            List.of("i2", "i1"));
    Act detained =
        new Act(
            "a3",
            "e3",
            new PersonRef("p2"),
            V.actType("arbitrary-detention").orElseThrow(),
            DateRange.season("winter", 1999),
            Location.at(G.require("kp.north-hamgyong.onsong")),
            List.of(
                new Involvement(
                    new Institution(
                        V.institutionType("unknown").orElseThrow(),
                        Optional.empty(),
                        Optional.empty()),
                    Degree.UNKNOWN)),
            List.of("i3"));
    return new Documentation(
        List.of(interview, report),
        List.of(arrest, handover, detention),
        List.of(arrestAct, returnAct, detained),
        List.of(told, reported, heard));
  }

  /**
   * Many journeys, each two events chained for a new person, an act on the second with a new person
   * among its perpetrators and a summary: enough rows that the writer sends its batches several
   * times, some of them while a row's parameters are half set.
   */
  static Documentation manyJourneys(int n) {
    return manyJourneys(n, "");
  }

  /**
   * {@code n} journeys whose sources, events, acts and information ids start with {@code p}; when
   * {@code p} is not empty, each first event has a second chain link and each act a second
   * citation.
   */
  static Documentation manyJourneys(int n, String p) {
    List<Source> sources = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    List<Act> acts = new ArrayList<>();
    List<Information> information = new ArrayList<>();
    sources.add(
        new Source(
            p + "big",
            SourceKind.DOCUMENT,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "NGO B",
            Consent.none(),
            Reliability.MEDIUM,
            Optional.empty()));
    for (int i = 0; i < n; i++) {
      events.add(
          new Event(
              p + "j" + i + "a",
              V.eventType("arrest").orElseThrow(),
              DateRange.parse("2002-03"),
              Location.at(G.require("cn.jilin.yanbian.tumen")),
              Optional.empty(),
              p.isEmpty()
                  ? List.of(new ChainLink(p + "j" + i + "b", new PersonRef("walker-" + i)))
                  : List.of(
                      new ChainLink(p + "j" + i + "b", new PersonRef("walker-" + i)),
                      new ChainLink(p + "j" + i + "b", new PersonRef(p + "companion-" + i)))));
      events.add(
          new Event(
              p + "j" + i + "b",
              V.eventType("detention").orElseThrow(),
              DateRange.parse("2002-04"),
              Location.at(G.require("cn.jilin.yanbian.tumen")),
              Optional.of("Synthetic summary " + i),
              List.of()));
      information.add(
          new Information(
              p + "ji" + i,
              p + "big",
              Optional.of(p + "j" + i + "b"),
              Optional.empty(),
              Reliability.LOW,
              Observation.HEARD));
      if (!p.isEmpty()) {
        // a second citation, of information that tells no event
        information.add(
            new Information(
                p + "jk" + i,
                p + "big",
                Optional.empty(),
                Optional.empty(),
                Reliability.HIGH,
                Observation.SEEN));
      }
      acts.add(
          new Act(
              p + "ja" + i,
              p + "j" + i + "b",
              new PersonRef("victim-" + i),
              V.actType("arbitrary-detention").orElseThrow(),
              DateRange.parse("2002-04"),
              Location.at(G.require("cn.jilin.yanbian.tumen")),
              List.of(
                  new Involvement(
                      Institution.of(V.institutionType("public-security").orElseThrow(), "CHN"),
                      Degree.DIRECT),
                  new Involvement(new PersonRef("guard-" + i), Degree.ASSISTED)),
              p.isEmpty() ? List.of(p + "ji" + i) : List.of(p + "ji" + i, p + "jk" + i)));
    }
    return new Documentation(sources, events, acts, information);
  }

  @Test
  void aGraphLargerThanTheWritersBatchesReadsBackEqual() {
    protect();
    // 1,501: the writer's 4,096th row falls inside the making of a chain's person, which
    // once corrupted the chain row whose parameters were half set.
    Documentation big = manyJourneys(1501);
    ws.documentation().save(big);
    Documentation back = ws.documentation().load("test");
    assertThat(new java.util.HashSet<>(back.events()))
        .isEqualTo(new java.util.HashSet<>(big.events()));
    assertThat(new java.util.HashSet<>(back.acts())).isEqualTo(new java.util.HashSet<>(big.acts()));
    assertThat(new java.util.HashSet<>(back.information()))
        .isEqualTo(new java.util.HashSet<>(big.information()));
  }

  Protection protect() {
    return Protection.of(ws, TestKeys.init(home));
  }

  Protection reopen() {
    ws.close();
    ws = open(home);
    return Protection.unlock(ws, TestKeys.PASSPHRASE.clone());
  }

  /**
   * Issue 13: the first saves of a new workspace, several at once, each record the workspace's
   * codec on their way; they raced on workspace_setting's primary key and all but one failed. Now
   * every one is stored, and the codec is recorded once.
   */
  @Test
  void concurrentFirstSavesOfANewWorkspaceAllSucceed() throws Exception {
    ws.useCodec(new PlaintextCodec());
    int writers = 6;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(writers);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(writers);
    try {
      List<java.util.concurrent.Future<Integer>> saves = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        Documentation one = oneSource("first-" + i);
        saves.add(
            pool.submit(
                () -> {
                  start.await();
                  return ws.documentation().save(one);
                }));
      }
      for (java.util.concurrent.Future<Integer> f : saves) {
        f.get(2, java.util.concurrent.TimeUnit.MINUTES); // throws what the save threw
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < writers; i++) {
      assertThat(ws.documentation().load("test").sources())
          .extracting(Source::id)
          .contains("first-" + i);
    }
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*), MIN(setting_value) FROM workspace_setting WHERE name = 'identity_codec'");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
      assertThat(rs.getString(2)).isEqualTo(new PlaintextCodec().id());
    }
  }

  /** A documentation of one source and nothing else. */
  static Documentation oneSource(String ref) {
    return new Documentation(
        List.of(
            new Source(
                ref,
                SourceKind.DOCUMENT,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "NGO B",
                Consent.none(),
                Reliability.MEDIUM,
                Optional.empty())),
        List.of(),
        List.of(),
        List.of());
  }

  @Test
  void aGraphReadsBackEqualWithPlaintextChosen() {
    ws.useCodec(new PlaintextCodec());
    assertThat(ws.documentation().save(graph())).isEqualTo(3);
    assertThat(ws.documentation().load("test")).isEqualTo(graph());
  }

  /**
   * Free text with what PostgreSQL's COPY text format must escape (tab, newline, carriage return,
   * backslash, and backslash sequences that mean null or the end of data when unescaped), Latin,
   * Korean and a character outside the basic plane, in columns held in the clear and in sealed
   * values: each reads back as written.
   */
  @Test
  void freeTextThatBulkWritingMustEscapeReadsBackEqual() {
    ws.useCodec(new PlaintextCodec());
    String hostile = "\t\\N\n\\.\n\r\\\\x00 \\ 리순희 Zürich \uD83D\uDE00\t";
    Documentation g = graph();
    List<Source> sources = new ArrayList<>();
    for (Source s : g.sources()) {
      sources.add(
          new Source(
              s.id(),
              s.kind(),
              s.interviewer(),
              s.date(),
              s.language(),
              s.place(),
              s.holder() + hostile,
              s.consent(),
              s.reliability(),
              s.text().map(t -> t + hostile)));
    }
    List<Act> acts = new ArrayList<>();
    for (Act a : g.acts()) {
      List<Involvement> involvements = new ArrayList<>();
      for (Involvement v : a.involvements()) {
        involvements.add(
            v.perpetrator() instanceof Institution i
                ? new Involvement(
                    new Institution(i.type(), i.state(), Optional.of("unit" + hostile)), v.degree())
                : v);
      }
      acts.add(
          new Act(
              a.id(),
              a.event(),
              a.victim(),
              a.type(),
              a.when(),
              a.where(),
              involvements,
              a.information()));
    }
    Documentation withHostileText = new Documentation(sources, g.events(), acts, g.information());
    ws.documentation().save(withHostileText);
    assertThat(ws.documentation().load("test")).isEqualTo(withHostileText);
  }

  @Test
  void aGraphReadsBackEqualWhenSealedAndAfterReopening() {
    Protection p = protect();
    assertThat(ws.documentation().save(graph())).isEqualTo(3);
    assertThat(ws.documentation().load("test")).isEqualTo(graph());
    Protection again = reopen();
    assertThat(ws.documentation().load("test")).isEqualTo(graph());
    IdentityCheck.Result check = new IdentityCheck(again).run();
    assertThat(check.firstBroken()).isEmpty();
    assertThat(check.opened()).isEqualTo(3);
    assertThat(check.missing()).isZero();
    assertThat(again.audit().verify().ok()).isTrue();
    // The persons and key holders of the documentation are not orphans to the integrity check.
    assertThat(new IntegrityCheck(again).run().problem()).isNull();
  }

  @Test
  void codesDatesAndPlacesAreQueryableInTheClear() throws Exception {
    protect();
    ws.documentation().save(graph());
    assertThat(
            strings(
                "SELECT act_type || ' ' || CAST(start_day AS VARCHAR(10)) || ' '"
                    + " || CAST(end_day AS VARCHAR(10)) || ' ' || place_code || ' '"
                    + " || CAST(victim_count AS VARCHAR(10)) FROM doc_act ORDER BY id"))
        .containsExactly(
            "arbitrary-arrest 2002-03-04 2002-03-04 cn.jilin.yanbian.tumen 1",
            "forced-return 2002-03-01 2002-09-30 kp.north-hamgyong.onsong.namyang 11",
            "arbitrary-detention 1999-12-01 2000-02-29 kp.north-hamgyong.onsong 1");
    assertThat(strings("SELECT start_precision || end_precision FROM doc_event ORDER BY id"))
        .containsExactly("MM", "MM", "MM");
  }

  @Test
  void nothingIsStoredWithoutKeysUnlessPlaintextIsChosen() throws Exception {
    assertThatThrownBy(() -> ws.documentation().save(graph()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no keys");
    assertThat(count("SELECT COUNT(*) FROM doc_source")).isZero();
    assertThat(count("SELECT COUNT(*) FROM person")).isZero();
  }

  @Test
  void aSaveThatFailsStoresNothing() throws Exception {
    protect();
    ws.documentation().save(graph());
    long persons = count("SELECT COUNT(*) FROM person");
    long values = count("SELECT COUNT(*) FROM identity_field");
    // The same ids again: refused by the unique references, after some rows were written.
    assertThatThrownBy(() -> ws.documentation().save(graph()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(count("SELECT COUNT(*) FROM doc_source")).isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(persons);
    assertThat(count("SELECT COUNT(*) FROM identity_field")).isEqualTo(values);
    assertThat(count("SELECT COUNT(*) FROM doc_count_segment")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM doc_count_part")).isEqualTo(1);
  }

  /**
   * A bulk import ({@code saveImport}: rows written by the sender thread while the saving thread
   * seals and encodes, and on H2 the database's background writer storing pages) that fails in the
   * middle, after thousands of rows went to the database, stores nothing; the workspace takes the
   * same import without the bad act afterwards, and reads it back equal.
   */
  @Test
  void aBulkImportThatFailsInTheMiddleStoresNothing() throws Exception {
    protect();
    ws.documentation().saveImport(manyJourneys(1501, ""));
    String[] tables = {
      "doc_source",
      "doc_event",
      "doc_chain",
      "doc_information",
      "doc_act",
      "doc_involvement",
      "doc_act_information",
      "doc_person",
      "person",
      "identity_field",
      "doc_count_segment"
    };
    long[] before = new long[tables.length];
    for (int i = 0; i < tables.length; i++) {
      before[i] = count("SELECT COUNT(*) FROM " + tables[i]);
    }
    Documentation next = manyJourneys(1501, "x");
    List<Act> acts = new ArrayList<>(next.acts());
    // an act id stored already: written after every source, event and information of the import
    acts.add(
        new Act(
            "ja750",
            "xj750b",
            new PersonRef("walker-750"),
            V.actType("torture").orElseThrow(),
            DateRange.parse("2002-04"),
            Location.at(G.require("cn.jilin.yanbian.tumen")),
            List.of(),
            List.of("xji750")));
    Documentation bad = new Documentation(next.sources(), next.events(), acts, next.information());
    assertThatThrownBy(() -> ws.documentation().saveImport(bad))
        .isInstanceOf(IllegalStateException.class);
    for (int i = 0; i < tables.length; i++) {
      assertThat(count("SELECT COUNT(*) FROM " + tables[i])).as(tables[i]).isEqualTo(before[i]);
    }
    ws.documentation().saveImport(next);
    Documentation back = ws.documentation().load("test");
    assertThat(back.acts()).hasSize(2 * 1501);
    assertThat(new java.util.HashSet<>(back.acts())).containsAll(next.acts());
    assertThat(new java.util.HashSet<>(back.information())).containsAll(next.information());
    assertThat(new java.util.HashSet<>(back.events())).containsAll(next.events());
  }

  /**
   * Counting reads the segment each save stores (V5_000) and gets what the tables hold; rows
   * written without a segment (before V5_000, or by hand) make it read the tables, count them, and
   * store one segment for all rows, which the next count reads.
   */
  @Test
  void countingReadsEachSavesSegmentAndTheTablesWhenASegmentIsMissing() throws Exception {
    protect();
    ws.documentation().save(manyJourneys(400));
    ws.documentation().save(graph());
    assertThat(count("SELECT COUNT(*) FROM doc_count_segment")).isEqualTo(2);
    CountingRecords fromSegments = ws.documentation().loadForCounting();
    assertThat(count("SELECT COUNT(*) FROM doc_count_segment")).isEqualTo(2);

    execute("DELETE FROM doc_count_part");
    execute("DELETE FROM doc_count_segment");
    CountingRecords fromTables = ws.documentation().loadForCounting();
    assertThat(fromTables.acts()).isGreaterThan(400);
    assertSameRecords(fromSegments, fromTables);
    assertThat(count("SELECT COUNT(*) FROM doc_count_segment")).isEqualTo(1);
    assertSameRecords(ws.documentation().loadForCounting(), fromTables);

    // an act written by hand, without a segment: the segments' counts no longer add up
    execute(
        "INSERT INTO doc_act (id, ref, event_id, victim_person_id, victim_group_ref, victim_count,"
            + " act_type, start_day, start_precision, end_day, end_precision, place_code,"
            + " place_approximate, perpetrator_person_id, institution_type, institution_state,"
            + " institution_unit, degree, information_id, created_at)"
            + " SELECT id + 1000000000, ref || '-by-hand', event_id, victim_person_id,"
            + " victim_group_ref, victim_count, 'torture', start_day, start_precision, end_day,"
            + " end_precision, place_code, place_approximate, perpetrator_person_id,"
            + " institution_type, institution_state, institution_unit, degree, information_id,"
            + " created_at FROM doc_act WHERE id = (SELECT MIN(id) FROM doc_act)");
    CountingRecords more = ws.documentation().loadForCounting();
    assertThat(more.acts()).isEqualTo(fromTables.acts() + 1);
    assertThat(more.actType(more.acts() - 1).code()).isEqualTo("torture");
    assertThat(count("SELECT COUNT(*) FROM doc_count_segment")).isEqualTo(1);
    assertSameRecords(ws.documentation().loadForCounting(), more);

    // a later save adds its own segment beside the rebuilt one, and both are read
    ws.documentation().save(manyJourneys(3, "later-"));
    assertThat(count("SELECT COUNT(*) FROM doc_count_segment")).isEqualTo(2);
    CountingRecords later = ws.documentation().loadForCounting();
    assertThat(later.acts()).isGreaterThan(more.acts());
    execute("DELETE FROM doc_count_part");
    execute("DELETE FROM doc_count_segment");
    assertSameRecords(later, ws.documentation().loadForCounting());
  }

  /** Every column of two reads, record by record (people, sources and events by row id). */
  private static void assertSameRecords(CountingRecords a, CountingRecords b) {
    assertThat(a.events()).isEqualTo(b.events());
    assertThat(a.acts()).isEqualTo(b.acts());
    assertThat(a.persons()).isEqualTo(b.persons());
    assertThat(a.sources()).isEqualTo(b.sources());
    for (int e = 0; e < a.events(); e++) {
      assertThat(a.eventLabel(e)).isEqualTo(b.eventLabel(e));
      assertThat(a.eventType(e)).isEqualTo(b.eventType(e));
      assertThat(a.eventWhen(e)).isEqualTo(b.eventWhen(e));
      assertThat(a.eventWhere(e)).isEqualTo(b.eventWhere(e));
      assertThat(labels(a.chainPersons(e), a::personLabel, null))
          .isEqualTo(labels(b.chainPersons(e), b::personLabel, null));
      assertThat(a.toldBy(e)).isEqualTo(b.toldBy(e));
    }
    for (int p = 0; p < a.persons(); p++) {
      assertThat(a.personLabel(p)).isEqualTo(b.personLabel(p));
    }
    for (int s = 0; s < a.sources(); s++) {
      assertThat(a.sourceLabel(s)).isEqualTo(b.sourceLabel(s));
    }
    for (int x = 0; x < a.acts(); x++) {
      assertThat(a.actEvent(x)).isEqualTo(b.actEvent(x));
      assertThat(a.actPerson(x)).isEqualTo(b.actPerson(x));
      assertThat(a.actGroup(x)).isEqualTo(b.actGroup(x));
      assertThat(a.actCount(x)).isEqualTo(b.actCount(x));
      assertThat(a.actType(x)).isEqualTo(b.actType(x));
      assertThat(a.actWhen(x)).isEqualTo(b.actWhen(x));
      assertThat(a.actWhere(x)).isEqualTo(b.actWhere(x));
      assertThat(a.perpetrators(x)).isEqualTo(b.perpetrators(x));
      assertThat(a.citedBy(x)).isEqualTo(b.citedBy(x));
    }
  }

  void execute(String sql) throws SQLException {
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.executeUpdate();
    }
  }

  @Test
  void readingIsOneAuditEntryWrittenBeforeAnyValueOpensAndCountingReadsNone() {
    Protection p = protect();
    ws.documentation().save(graph());
    assertThat(p.audit().entries())
        .filteredOn(e -> e.action().equals("document"))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).isEqualTo("sources=2 acts=3 values=3"));
    int before = reads(p).size();
    ws.documentation().load("show the interview");
    List<AuditLog.Entry> reads = reads(p);
    assertThat(reads).hasSize(before + 1);
    assertThat(reads.get(reads.size() - 1).subject()).isEqualTo("documentation");
    assertThat(reads.get(reads.size() - 1).details())
        .isEqualTo("values=3 purpose=show the interview");

    Documentation codes = ws.documentation().loadCodes();
    assertThat(reads(p)).hasSize(before + 1);
    assertThat(codes.acts()).isEqualTo(graph().acts());
    assertThat(codes.sources()).allSatisfy(s -> assertThat(s.text()).isEmpty());
    assertThat(codes.events()).allSatisfy(e -> assertThat(e.summary()).isEmpty());
    StringBuilder trail = new StringBuilder();
    p.audit().entries().forEach(e -> trail.append(e.subject()).append(e.details()));
    assertThat(Canaries.found(trail.toString().getBytes(), SECRETS)).isEmpty();
  }

  /**
   * The counting columns read straight from the tables hold what the columns of the whole graph
   * hold: the same records in the same order, the same people and sources (by row id in one, by
   * reference in the other), and citations in their order.
   */
  @Test
  void theCountingColumnsHoldWhatTheGraphHoldsAndReadNothingSealed() throws Exception {
    Protection p = protect();
    ws.documentation().save(manyJourneys(700));
    ws.documentation().save(graph());
    int before = reads(p).size();
    CountingRecords stored = ws.documentation().loadForCounting();
    assertThat(reads(p)).hasSize(before);
    CountingRecords graph = CountingRecords.of(ws.documentation().loadCodes());
    assertThat(stored.events()).isEqualTo(graph.events()).isGreaterThan(700);
    assertThat(stored.acts()).isEqualTo(graph.acts()).isGreaterThan(700);
    assertHoldsWhatTheGraphHolds(stored, graph, refs());
  }

  /**
   * Counting some sources only (the web's counts of an account's cases) reads the same segments and
   * holds what the graph cut to those sources holds ({@code Documentation.toldBy}, the path the
   * web's counts page took before): an event also told by a hidden source is kept with the visible
   * source's support only, an act cited by a hidden source only is gone, and so is a chain link to
   * an event no visible source tells.
   */
  @Test
  void countingSomeSourcesHoldsWhatTheGraphCutToThemHolds() throws Exception {
    protect();
    ws.documentation().save(manyJourneys(60));
    ws.documentation().save(graph());
    ws.documentation().save(manyJourneys(40, "later-"));
    java.util.Map<String, String> refs = refs();
    for (Set<String> visible :
        List.of(
            Set.of("s1"),
            Set.of("s2", "later-big"),
            Set.of("big", "s1", "s2"),
            Set.of("later-big", "no-such-source"),
            Set.<String>of())) {
      CountingRecords stored = ws.documentation().loadForCounting(visible);
      CountingRecords graph = CountingRecords.of(ws.documentation().loadCodes().toldBy(visible));
      assertThat(stored.events()).as(visible.toString()).isEqualTo(graph.events());
      assertThat(stored.acts()).as(visible.toString()).isEqualTo(graph.acts());
      assertHoldsWhatTheGraphHolds(stored, graph, refs);
      java.util.Set<String> sources = new java.util.HashSet<>();
      for (int s = 0; s < stored.sources(); s++) {
        sources.add(refs.get(stored.sourceLabel(s)));
      }
      assertThat(visible).containsAll(sources);
    }
    assertThat(ws.documentation().loadForCounting(Set.of("later-big")).acts()).isEqualTo(40);
    assertThat(ws.documentation().loadForCounting(Set.of()).acts()).isZero();
  }

  /** The references of stored people and sources by their row ids (the stored read's labels). */
  private java.util.Map<String, String> refs() throws SQLException {
    java.util.Map<String, String> refs = new java.util.HashMap<>();
    try (var c = ws.dataSource().getConnection();
        var st = c.createStatement()) {
      for (String sql :
          List.of("SELECT person_id, ref FROM doc_person", "SELECT id, ref FROM doc_source")) {
        try (var rs = st.executeQuery(sql)) {
          while (rs.next()) {
            refs.put(Long.toString(rs.getLong(1)), rs.getString(2));
          }
        }
      }
    }
    return refs;
  }

  /**
   * The same records in the same order, the same people and sources (by row id in the stored read,
   * by reference in the graph's), and citations in their order.
   */
  private static void assertHoldsWhatTheGraphHolds(
      CountingRecords stored, CountingRecords graph, java.util.Map<String, String> refs) {
    assertThat(stored.events()).isEqualTo(graph.events());
    assertThat(stored.acts()).isEqualTo(graph.acts());
    assertThat(stored.persons()).isEqualTo(graph.persons());
    assertThat(stored.sources()).isEqualTo(graph.sources());
    for (int e = 0; e < stored.events(); e++) {
      assertThat(stored.eventType(e)).isEqualTo(graph.eventType(e));
      assertThat(stored.eventWhen(e)).isEqualTo(graph.eventWhen(e));
      assertThat(stored.eventWhere(e)).isEqualTo(graph.eventWhere(e));
      assertThat(labels(stored.chainPersons(e), stored::personLabel, refs))
          .isEqualTo(labels(graph.chainPersons(e), graph::personLabel, null));
      assertThat(labels(stored.toldBy(e), stored::sourceLabel, refs))
          .isEqualTo(labels(graph.toldBy(e), graph::sourceLabel, null));
    }
    for (int a = 0; a < stored.acts(); a++) {
      assertThat(stored.actEvent(a)).isEqualTo(graph.actEvent(a));
      assertThat(stored.actType(a)).isEqualTo(graph.actType(a));
      assertThat(stored.actWhen(a)).isEqualTo(graph.actWhen(a));
      assertThat(stored.actWhere(a)).isEqualTo(graph.actWhere(a));
      assertThat(stored.actGroup(a)).isEqualTo(graph.actGroup(a));
      assertThat(stored.actCount(a)).isEqualTo(graph.actCount(a));
      assertThat(stored.perpetrators(a)).isEqualTo(graph.perpetrators(a));
      assertThat(stored.actPerson(a) < 0).isEqualTo(graph.actPerson(a) < 0);
      if (stored.actPerson(a) >= 0) {
        assertThat(refs.get(stored.personLabel(stored.actPerson(a))))
            .isEqualTo(graph.personLabel(graph.actPerson(a)));
      }
      // in the order of citation: the order decides whose groups count when witnesses tie
      List<String> cited = new java.util.ArrayList<>();
      for (int s : stored.citedBy(a)) {
        cited.add(refs.get(stored.sourceLabel(s)));
      }
      List<String> expected = new java.util.ArrayList<>();
      for (int s : graph.citedBy(a)) {
        expected.add(graph.sourceLabel(s));
      }
      assertThat(cited).isEqualTo(expected);
    }
  }

  /** The labels of numbered people or sources, as references, in sorted order. */
  private static java.util.SortedSet<String> labels(
      int[] numbers,
      java.util.function.IntFunction<String> label,
      java.util.Map<String, String> refs) {
    java.util.SortedSet<String> out = new java.util.TreeSet<>();
    for (int n : numbers) {
      out.add(refs == null ? label.apply(n) : refs.get(label.apply(n)));
    }
    return out;
  }

  @Test
  void testimonyAndSummariesAreNowhereInPlaintextWhenProtected() throws Exception {
    Protection p = protect();
    ws.documentation().save(graph());
    Path export = dir.resolve("export");
    new Export(p).write(export, false);
    // Read back, so that opened values have passed through memory and any log.
    assertThat(ws.documentation().load("test").sources().get(0).text()).isPresent();
    byte[] dump = dump();
    ws.close();
    List<String> hits = Canaries.foundUnder(SECRETS, home, export);
    hits.addAll(Canaries.found(dump, SECRETS));
    assertThat(hits).isEmpty();
    ws = open(home);
  }

  @Test
  void theSameSearchFindsThemWhenProtectionIsOff() throws Exception {
    // The negative control: the search above must be able to fail.
    ws.useCodec(new PlaintextCodec());
    ws.documentation().save(graph());
    byte[] dump = dump();
    ws.close();
    List<String> hits = Canaries.foundUnder(SECRETS, home);
    hits.addAll(Canaries.found(dump, SECRETS));
    assertThat(String.join("\n", hits)).contains(SECRETS);
    ws = open(home);
  }

  @Test
  void forgettingAPersonDestroysTheSummariesSealedUnderThem() throws Exception {
    Protection p = protect();
    DocumentationRepository docs = ws.documentation();
    docs.save(graph());
    long p1 = docs.personOf("p1").orElseThrow();
    byte[] wrapped = bytes("SELECT wrapped_key FROM person WHERE id = " + p1);
    byte[] sealed =
        bytes(
            "SELECT sealed FROM identity_field WHERE owner_table = 'doc_event' AND person_id = "
                + p1);

    Forgetting.Result r = new Forgetting(p).forget(p1);
    assertThat(r.valuesDeleted()).isEqualTo(1);

    Protection again = reopen();
    Documentation after = ws.documentation().load("test");
    assertThat(after.event("e1").orElseThrow().summary()).isEmpty();
    // The forgotten person is still counted: their acts and chain stay, under their reference.
    assertThat(after.acts()).isEqualTo(graph().acts());
    assertThat(after.event("e1").orElseThrow().chain()).isEqualTo(graph().events().get(0).chain());
    // Everyone else's values are intact.
    assertThat(after.event("e2").orElseThrow().summary()).contains(SUMMARY_RETURN);
    assertThat(after.sources().get(0).text()).isPresent();
    // Even with the workspace key, their old key opens nothing.
    assertThatThrownBy(() -> again.codec().sealerFor(p1, wrapped))
        .isInstanceOf(IllegalStateException.class);
    assertThat(sealed).isNotEmpty();
    assertThat(new IdentityCheck(again).run().missing()).isZero();
    // Nothing new may be sealed under a forgotten person.
    Documentation more =
        new Documentation(
            List.of(),
            List.of(
                new Event(
                    "e9",
                    V.eventType("hiding").orElseThrow(),
                    DateRange.parse("2003"),
                    Location.at(G.require("cn.jilin.yanbian.yanji")),
                    Optional.of("Synthetic"),
                    List.of(new ChainLink("e8", new PersonRef("p1")))),
                new Event(
                    "e8",
                    V.eventType("arrest").orElseThrow(),
                    DateRange.parse("2003"),
                    Location.at(G.require("cn.jilin.yanbian.yanji")),
                    Optional.empty(),
                    List.of())),
            List.of(),
            List.of());
    assertThatThrownBy(() -> ws.documentation().save(more))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("forgotten");
  }

  @Test
  void withdrawingASourceDestroysItsTestimonyAndTheQuotesIntoIt() {
    Protection p = protect();
    ws.documentation().save(graph());
    long holder = ws.documentation().keyHolderOfSource("s1").orElseThrow();
    assertThat(new Forgetting(p).forget(holder).valuesDeleted()).isEqualTo(1);

    Documentation after = ws.documentation().load("test");
    assertThat(after.sources().get(0).text()).isEmpty();
    assertThat(after.information().get(0).passage()).isEmpty();
    // A recording's time code does not point into the destroyed text.
    assertThat(after.information().get(1)).isEqualTo(graph().information().get(1));
    assertThat(after.event("e1").orElseThrow().summary()).contains(SUMMARY_ARREST);
    assertThat(after.sources().get(0).consent()).isEqualTo(graph().sources().get(0).consent());
  }

  private static List<AuditLog.Entry> reads(Protection p) {
    return p.audit().entries().stream().filter(e -> e.action().equals(ReadAudit.ACTION)).toList();
  }

  long count(String sql) throws SQLException {
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  byte[] bytes(String sql) throws SQLException {
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getBytes(1);
    }
  }

  List<String> strings(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
