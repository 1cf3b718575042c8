package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.tumen.model.Progress;
import org.tumen.store.access.Account;
import org.tumen.store.access.CaseKind;
import org.tumen.store.access.Role;
import org.tumen.store.clusters.LinkageRun;
import org.tumen.store.jobs.JobState;
import org.tumen.store.jobs.Jobs;
import org.tumen.store.linkage.WorkspaceLinkage;
import org.tumen.store.protect.AuditLog;
import org.tumen.store.review.Decision;
import org.tumen.store.review.PairRef;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;

/**
 * Linkage as a background job through the pages: a reviewer links the lists shared with them (and
 * no other), the decision "different" stored by the review queue keeps two records apart that the
 * model would join, the run is saved for the estimate, the uncertain band goes to the review queue,
 * the reads of identities are audited as the account, and the job page shows the outcome. All names
 * are synthetic.
 */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class})
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class LinkagePageTest {

  static final String[] FAMILY = {"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon"};
  static final String[] GIVEN = {
    "Sun Hui",
    "Young Chol",
    "Myong Ok",
    "Chol Su",
    "Hye Jin",
    "Kwang Il",
    "Song Mi",
    "Jin Ho",
    "Eun Ju",
    "Dong Hyun",
    "Mi Ran",
    "Sang Woo"
  };

  @Autowired MockMvc mvc;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;
  @Autowired Jobs jobs;

  Account reviewer;
  long n;

  @BeforeEach
  void account() {
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
    n = System.nanoTime();
    accounts.create(
        "lk-" + n, Role.REVIEWER, "a long synthetic password".toCharArray(), null, "ko", null);
    reviewer = session.accounts().byLogin("lk-" + n).orElseThrow();
  }

  /**
   * Lists of {@code people} synthetic people, each list seeing about 60% of them, written alike; a
   * person has the same record id on every list.
   */
  static List<String> syntheticLists(int lists, int people, long seed) {
    Random random = new Random(seed);
    List<StringBuilder> csv = new java.util.ArrayList<>();
    for (int l = 0; l < lists; l++) {
      csv.add(new StringBuilder("id,name,birth_date,sex\n"));
    }
    for (int p = 0; p < people; p++) {
      String name =
          FAMILY[random.nextInt(FAMILY.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
      String born =
          String.format(
              "%d-%02d-%02d",
              1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
      String sex = random.nextBoolean() ? "F" : "M";
      for (int l = 0; l < lists; l++) {
        if (random.nextDouble() < 0.6) {
          csv.get(l).append("r").append(p).append(',').append(name).append(',').append(born);
          csv.get(l).append(',').append(sex).append('\n');
        }
      }
    }
    return csv.stream().map(StringBuilder::toString).toList();
  }

  private List<String> threeLists() {
    List<String> names = List.of("lk_a_" + n, "lk_b_" + n, "lk_c_" + n);
    List<String> csv = syntheticLists(3, 150, 14);
    for (int l = 0; l < 3; l++) {
      session
          .workspace()
          .importer()
          .importList(
              names.get(l),
              names.get(l) + ".csv",
              csv.get(l).getBytes(StandardCharsets.UTF_8),
              Map.of(),
              Progress.NONE);
    }
    return names;
  }

  private MockHttpServletResponse page(String uri) throws Exception {
    return mvc.perform(
            get(uri)
                .header("Accept-Language", "ko")
                .with(authentication(TestWorkspace.signedIn(reviewer))))
        .andReturn()
        .getResponse();
  }

  @Test
  void aReviewerLinksTheirListsObeyingStoredDecisionsAndFillsTheQueue() throws Exception {
    List<String> lists = threeLists();
    // shared with the reviewer: a and b, not c
    session.access().grant(reviewer.id(), CaseKind.LIST, lists.get(0), "test");
    session.access().grant(reviewer.id(), CaseKind.LIST, lists.get(1), "test");
    // a record on both a and b (the same person, written alike): decided "different"
    String common = commonRecord(lists.get(0), lists.get(1));
    session
        .workspace()
        .review()
        .decide(PairRef.of(lists.get(0), common, lists.get(1), common), Decision.DIFFERENT, "test");
    assertThat(page("/linkage").getContentAsString())
        .contains(lists.get(0), lists.get(1))
        .doesNotContain(lists.get(2));

    MockHttpServletResponse started =
        mvc.perform(
                post("/linkage")
                    .header("Accept-Language", "ko")
                    .with(csrf())
                    .with(authentication(TestWorkspace.signedIn(reviewer))))
            .andReturn()
            .getResponse();
    String uri = started.getRedirectedUrl();
    assertThat(uri).matches("/jobs/[0-9a-f]{32}");
    String id = uri.substring(6);
    assertThat(jobs.await(id, 3, TimeUnit.MINUTES)).isTrue();
    assertThat(jobs.status(id).orElseThrow().state())
        .as(jobs.status(id).orElseThrow().message())
        .isEqualTo(JobState.DONE);
    WorkspaceLinkage.Outcome o = jobs.result(id, WorkspaceLinkage.Outcome.class).orElseThrow();
    assertThat(o.lists()).containsExactly(lists.get(0), lists.get(1));
    assertThat(o.decisionsObeyed()).isEqualTo(1);
    assertThat(o.clusters()).isLessThan(o.records());

    // the saved run: the decided pair apart, most of the other common records together
    List<LinkageRun> runs = session.workspace().clusters().runs();
    LinkageRun run = runs.get(runs.size() - 1);
    assertThat(run.id()).isEqualTo(o.run().id());
    Map<String, String> clusterOf = new HashMap<>();
    session
        .workspace()
        .clusters()
        .forEachMember(run.id(), a -> clusterOf.put(a.list() + "/" + a.recordId(), a.clusterId()));
    assertThat(clusterOf.keySet()).noneMatch(k -> k.startsWith(lists.get(2) + "/"));
    assertThat(clusterOf.get(lists.get(0) + "/" + common))
        .isNotEqualTo(clusterOf.get(lists.get(1) + "/" + common));
    long together =
        clusterOf.keySet().stream()
            .filter(k -> k.startsWith(lists.get(0) + "/"))
            .map(k -> k.substring(k.indexOf('/') + 1))
            .filter(r -> clusterOf.containsKey(lists.get(1) + "/" + r))
            .filter(
                r ->
                    clusterOf
                        .get(lists.get(0) + "/" + r)
                        .equals(clusterOf.get(lists.get(1) + "/" + r)))
            .count();
    assertThat(together).isGreaterThan(30);

    // the band is in the review queue, and the reads are the reviewer's in the audit trail
    assertThat(session.workspace().review().status().queued()).isGreaterThanOrEqualTo(o.queued());
    List<AuditLog.Entry> audit = session.protection().audit().entries();
    assertThat(audit)
        .filteredOn(e -> e.actor().equals("web:" + reviewer.login()))
        .extracting(AuditLog.Entry::subject)
        .anyMatch(s -> s.contains(lists.get(0)))
        .noneMatch(s -> s.contains(lists.get(2)));

    String html = page(uri).getContentAsString();
    assertThat(html).contains("완료", "명으로 연계했습니다", "따른 검토 결정: 1건").doesNotContain("Kim ", "Lee ");
  }

  /** A record id on both lists (the generator gives one person the same id on every list). */
  private String commonRecord(String a, String b) {
    TreeSet<String> inA = new TreeSet<>();
    session.workspace().records().forEachRecord(a, "test", r -> inA.add(r.sourceRecordId()));
    TreeSet<String> both = new TreeSet<>();
    session
        .workspace()
        .records()
        .forEachRecord(
            b,
            "test",
            r -> {
              if (inA.contains(r.sourceRecordId())) {
                both.add(r.sourceRecordId());
              }
            });
    return both.first();
  }
}
