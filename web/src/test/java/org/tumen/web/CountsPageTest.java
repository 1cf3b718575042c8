package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.tumen.document.count.CountTable;
import org.tumen.document.count.Counter;
import org.tumen.document.count.Dimension;
import org.tumen.document.count.Period;
import org.tumen.document.count.Unit;
import org.tumen.document.event.EventDeduplicator;
import org.tumen.model.DateRange;
import org.tumen.model.Progress;
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
import org.tumen.model.documentation.PersonRef;
import org.tumen.model.documentation.Reliability;
import org.tumen.model.documentation.Source;
import org.tumen.model.documentation.SourceKind;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.PlaceLevel;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.store.access.Account;
import org.tumen.store.access.CaseKind;
import org.tumen.store.access.Role;
import org.tumen.store.clusters.ClusterAssignment;
import org.tumen.store.jobs.Jobs;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;
import org.tumen.web.pages.CountsController;

/**
 * Counts and estimates through the real pages: the counting tables of an interview recorded through
 * intake, in Korean, without its testimony; an estimate from a saved linkage of three synthetic
 * lists runs as a background job whose page shows a progress bar (refreshed without script) and
 * then the estimate, its interval and its chart.
 */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class})
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class CountsPageTest {

  @Autowired MockMvc mvc;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;
  @Autowired Jobs jobs;

  Account analyst;
  Account other;
  long n;

  @BeforeEach
  void accounts() {
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
    n = System.nanoTime();
    analyst = account("counts-" + n, Role.ANALYST);
    other = account("counts-other-" + n, Role.ANALYST);
  }

  private Account account(String login, Role role) {
    accounts.create(login, role, "a long synthetic password".toCharArray(), null, "ko", null);
    return session.accounts().byLogin(login).orElseThrow();
  }

  private MockHttpServletResponse page(Account a, String uri) throws Exception {
    return mvc.perform(
            get(uri)
                .header("Accept-Language", "ko")
                .with(authentication(TestWorkspace.signedIn(a))))
        .andReturn()
        .getResponse();
  }

  @Test
  void theCountingTablesShowTheActsInKoreanWithoutTestimony() throws Exception {
    Account interviewer = account("counts-int-" + n, Role.INTERVIEWER);
    String source = Interviews.record(mvc, interviewer, "co" + n + ".");
    session.access().grant(analyst.id(), CaseKind.SOURCE, source, "test");
    MockHttpServletResponse r = page(analyst, "/counts?unit=acts");
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString())
        .contains("행위 종류별", "자의적 체포", "강제송환", "연도별", "2004", "지역별")
        .doesNotContain("우리 두 사람은", "co" + n);
  }

  @Test
  void countsAreOfTheAnalystsCasesOnly() throws Exception {
    Account interviewer = account("counts-int2-" + n, Role.INTERVIEWER);
    String mine = Interviews.record(mvc, interviewer, "cm" + n + ".");
    Interviews.record(mvc, interviewer, "cx" + n + ".");
    session.access().grant(analyst.id(), CaseKind.SOURCE, mine, "test");
    // one interview granted of the two: its three acts, two victims, two events, one source
    assertThat(total(page(analyst, "/counts?unit=acts").getContentAsString())).isEqualTo("3");
    assertThat(total(page(analyst, "/counts?unit=victims").getContentAsString())).isEqualTo("2");
    assertThat(total(page(analyst, "/counts?unit=sources").getContentAsString())).isEqualTo("1");
    // an analyst granted nothing counts nothing, not even a row of an act type
    String none = page(other, "/counts?unit=acts").getContentAsString();
    assertThat(total(none)).isEqualTo("0");
    assertThat(none).doesNotContain("자의적 체포");
  }

  /**
   * The page reads as {@code tumen count} reads (the counting segments, cut to the account's
   * sources) and shows, for every unit and table, the numbers the old path gave: the whole graph of
   * codes cut to the account's sources ({@code Documentation.toldBy}), de-duplicated and counted.
   * Half the sources are hidden: events told by a visible and a hidden source, acts cited by both,
   * and chains that run into hidden events.
   */
  @Test
  void thePageCountsWhatTheGraphCutToTheAccountsSourcesCounts() throws Exception {
    Documentation d = witnesses("cw" + n + "-", new Random(13));
    session.workspace().documentation().save(d);
    Set<String> granted = new TreeSet<>();
    for (int s = 0; s < d.sources().size(); s += 2) {
      granted.add(d.sources().get(s).id());
      session.access().grant(analyst.id(), CaseKind.SOURCE, d.sources().get(s).id(), "test");
    }
    Set<String> visible = session.access().visibleSources(analyst.id());
    assertThat(visible).isEqualTo(granted);
    CountingRecords old =
        CountingRecords.of(session.workspace().documentation().loadCodes().toldBy(visible));
    Gazetteer g = Gazetteer.standard();
    Counter counter = new Counter(old, new EventDeduplicator(g).deduplicate(old), g);
    assertThat(old.acts()).isGreaterThan(20).isLessThan(d.acts().size());
    for (Unit u : Unit.values()) {
      List<CountTable> expected =
          List.of(
              counter.table(u, List.of(Dimension.actType())),
              counter.table(u, List.of(Dimension.period(Period.YEAR))),
              counter.table(u, List.of(Dimension.place(PlaceLevel.REGION))));
      @SuppressWarnings("unchecked")
      List<CountsController.Table> shown =
          (List<CountsController.Table>)
              mvc.perform(
                      get("/counts?unit=" + u.name().toLowerCase(java.util.Locale.ROOT))
                          .with(authentication(TestWorkspace.signedIn(analyst))))
                  .andReturn()
                  .getModelAndView()
                  .getModel()
                  .get("tables");
      assertThat(shown).hasSize(3);
      for (int t = 0; t < 3; t++) {
        CountTable e = expected.get(t);
        CountsController.Table s = shown.get(t);
        assertThat(s.total()).as(u + " " + s.dimension()).isEqualTo(e.total().count());
        assertThat(s.sources()).isEqualTo(e.total().sources());
        List<List<String>> numbers = new ArrayList<>();
        for (CountTable.Row r : e.rows()) {
          numbers.add(List.of(Long.toString(r.count()), Long.toString(r.sources())));
        }
        assertThat(s.rows().stream().map(r -> r.subList(1, 3)).toList())
            .as(u + " " + s.dimension())
            .isEqualTo(numbers);
      }
      // the years are shown as they are: the keys too
      assertThat(shown.get(1).rows().stream().map(r -> r.get(0)).toList())
          .isEqualTo(expected.get(1).rows().stream().map(r -> r.key().get(0)).toList());
    }
  }

  /**
   * Synthetic witnesses (ids prefixed by {@code p}): six sources, each telling some of twelve
   * journeys' events in records of its own, and some records told by two; acts cite one or two
   * pieces of information; each journey's events are chained for its traveller.
   */
  private static Documentation witnesses(String p, Random r) {
    Vocabularies v = Vocabularies.standard();
    Gazetteer g = Gazetteer.standard();
    String[] places = {
      "cn.jilin.yanbian.tumen", "cn.jilin.yanbian.yanji", "kp.north-hamgyong.onsong"
    };
    String[] types = {"arbitrary-arrest", "arbitrary-detention", "forced-return", "torture"};
    List<Source> sources = new ArrayList<>();
    for (int s = 0; s < 6; s++) {
      sources.add(
          new Source(
              p + "s" + s,
              SourceKind.INTERVIEW,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              "NGO A",
              new Consent(List.of(ConsentGrant.of(ConsentUse.STORE, LocalDate.of(2005, 1, 1)))),
              Reliability.HIGH,
              Optional.empty()));
    }
    List<Event> events = new ArrayList<>();
    List<Information> information = new ArrayList<>();
    List<Act> acts = new ArrayList<>();
    for (int j = 0; j < 12; j++) {
      String person = p + "t" + j;
      String[] when = {"200" + (2 + j % 3) + "-0" + (1 + r.nextInt(9)), "200" + (3 + j % 3)};
      String[] where = {places[r.nextInt(3)], places[r.nextInt(3)]};
      for (int s = 0; s < 6; s++) {
        if (r.nextInt(3) > 0) {
          continue; // this source does not tell this journey
        }
        for (int k = 0; k < 2; k++) {
          String id = p + "e" + j + "-" + s + "-" + k;
          List<ChainLink> chain =
              k == 0
                  ? List.of(new ChainLink(p + "e" + j + "-" + s + "-1", new PersonRef(person)))
                  : List.of();
          events.add(
              new Event(
                  id,
                  v.eventType(k == 0 ? "arrest" : "detention").orElseThrow(),
                  DateRange.parse(when[k]),
                  Location.at(g.require(where[k])),
                  Optional.empty(),
                  chain));
          String info = p + "i" + j + "-" + s + "-" + k;
          information.add(
              new Information(
                  info,
                  p + "s" + s,
                  Optional.of(id),
                  Optional.empty(),
                  Reliability.HIGH,
                  Observation.EXPERIENCED));
          List<String> cited = new ArrayList<>(List.of(info));
          if (r.nextBoolean()) {
            // also told by another source, which may be hidden
            String other = p + "o" + j + "-" + s + "-" + k;
            information.add(
                new Information(
                    other,
                    p + "s" + ((s + 1 + r.nextInt(5)) % 6),
                    Optional.of(id),
                    Optional.empty(),
                    Reliability.MEDIUM,
                    Observation.HEARD));
            if (r.nextBoolean()) {
              cited.add(other);
            } else {
              cited = List.of(other);
            }
          }
          for (int a = 0; a < 1 + r.nextInt(3); a++) {
            acts.add(
                new Act(
                    p + "a" + j + "-" + s + "-" + k + "-" + a,
                    id,
                    a == 0 ? new PersonRef(person) : new Group(p + "g" + j, 2 + j),
                    v.actType(types[r.nextInt(types.length)]).orElseThrow(),
                    DateRange.parse(when[k]),
                    Location.at(g.require(where[k])),
                    List.of(
                        new Involvement(
                            Institution.of(
                                v.institutionType("public-security").orElseThrow(), "CHN"),
                            Degree.DIRECT)),
                    cited));
          }
        }
      }
    }
    return new Documentation(sources, events, acts, information);
  }

  /** The total of the first table (act types). */
  private static String total(String html) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<th scope=\"row\">합계</th><td>(\\d+)</td>").matcher(html);
    assertThat(m.find()).as("a total row").isTrue();
    return m.group(1);
  }

  private String estimate(Account a) throws Exception {
    return mvc.perform(
            post("/estimates")
                .header("Accept-Language", "ko")
                .with(csrf())
                .with(authentication(TestWorkspace.signedIn(a))))
        .andReturn()
        .getResponse()
        .getRedirectedUrl();
  }

  private void grant(Account a, List<String> lists) {
    lists.forEach(l -> session.access().grant(a.id(), CaseKind.LIST, l, "test"));
  }

  @Test
  void anEstimateRunsAsAJobAndShowsItsIntervalAndChart() throws Exception {
    grant(analyst, linkage("est", 3));
    String uri = estimate(analyst);
    assertThat(uri).matches("/jobs/[0-9a-f]{32}");
    assertThat(jobs.await(uri.substring(6), 2, TimeUnit.MINUTES)).isTrue();
    String html = page(analyst, uri).getContentAsString();
    assertThat(html)
        .contains("완료", "구간", "data:image/svg+xml;base64,")
        .doesNotContain("http-equiv=\"refresh\"");
    // another analyst's job is not theirs to see
    assertThat(page(other, uri).getStatus()).isEqualTo(404);
  }

  @Test
  void aRunningJobShowsItsProgressAndRefreshesItself() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    String id =
        jobs.submit(
            "web:" + analyst.login(),
            "test",
            ctx -> {
              ctx.start("synthetic task", 10);
              ctx.step(4);
              started.countDown();
              release.await();
              return null;
            });
    try {
      assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();
      String html = page(analyst, "/jobs/" + id).getContentAsString();
      assertThat(html)
          .contains("<progress", "value=\"40\"", "synthetic task", "실행 중")
          .contains("http-equiv=\"refresh\"");
    } finally {
      release.countDown();
    }
  }

  @Test
  void anEstimateUsesTheLatestRunOfTheAnalystsOwnListsOnly() throws Exception {
    List<String> mine = linkage("mine", 3);
    List<String> theirs = linkage("theirs", 3); // the workspace's latest run: not the analyst's
    grant(analyst, mine);
    grant(other, theirs);
    assertThat(lists(estimate(analyst))).isEqualTo(mine);
    assertThat(lists(estimate(other))).isEqualTo(theirs);

    // two of the three lists of a run: the run is not theirs, even in part
    Account third = account("counts-third-" + n, Role.ANALYST);
    grant(third, mine.subList(0, 2));
    assertThat(estimate(third)).isEqualTo("/counts?noRun");
    assertThat(page(third, "/counts?noRun").getContentAsString())
        .contains("내 명단만으로 이루어진 연계 실행이 없습니다");
  }

  /** The lists of the estimate a job made, once it is done. */
  private List<String> lists(String jobUri) throws Exception {
    assertThat(jobUri).matches("/jobs/[0-9a-f]{32}");
    String id = jobUri.substring(6);
    assertThat(jobs.await(id, 2, TimeUnit.MINUTES)).isTrue();
    return jobs.result(id, CountsController.EstimateResult.class).orElseThrow().estimate().lists();
  }

  /** Synthetic lists of the same 300 people, each seeing about half; linked exactly; saved. */
  private List<String> linkage(String prefix, int count) throws Exception {
    Random random = new Random(14);
    List<String> names = new ArrayList<>();
    for (int l = 0; l < count; l++) {
      names.add(prefix + "_" + (char) ('a' + l) + "_" + n);
    }
    List<ClusterAssignment> members = new ArrayList<>();
    Path dir = Files.createTempDirectory("tumen-est");
    List<StringBuilder> csv = new ArrayList<>();
    names.forEach(x -> csv.add(new StringBuilder("rec_id,full_name\n")));
    for (int person = 0; person < 300; person++) {
      for (int l = 0; l < count; l++) {
        if (random.nextDouble() < 0.5) {
          String rec = "r" + person;
          csv.get(l).append(rec).append(",Synthetic Person ").append(person).append('\n');
          members.add(new ClusterAssignment(names.get(l), rec, "c" + person));
        }
      }
    }
    for (int l = 0; l < count; l++) {
      Path f = dir.resolve(names.get(l) + ".csv");
      Files.writeString(f, csv.get(l), StandardCharsets.UTF_8);
      session.workspace().importer().importList(names.get(l), f, null, Map.of(), Progress.NONE);
    }
    session.workspace().clusters().saveRun("synthetic, for CountsPageTest", members);
    return names;
  }
}
