package org.tumen.store.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;
import org.tumen.model.Progress;
import org.tumen.store.Workspace;
import org.tumen.store.identity.PlaintextCodec;
import org.tumen.store.review.Decision;
import org.tumen.store.review.FieldComparison;
import org.tumen.store.review.PairRef;
import org.tumen.store.review.QueueStatus;
import org.tumen.store.review.QueuedPair;
import org.tumen.store.review.ReviewQueue;

/**
 * The linkage review queue and its decisions (issue 14), on H2 and PostgreSQL: pairs read back with
 * their evidence side by side, sealed at rest, each opening audited first; forgetting a person
 * makes their side unreadable; decisions are kept with who and when, the latest counting. Names are
 * synthetic canaries.
 */
abstract class ReviewQueueContract {

  static final String NAME_A = "캐너리순희";
  static final String NAME_B = "Canary Sunhui Quenbarrow";
  static final String BIRTH_A = "1971-03-09";

  @TempDir Path dir;
  Path home;
  Workspace ws;

  abstract Workspace open(Path folder);

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

  Protection protect() {
    return Protection.of(ws, TestKeys.init(home));
  }

  static QueuedPair pair(String a, String b, double p) {
    return QueuedPair.of(
        "ngo_seoul",
        a,
        "church",
        b,
        p,
        List.of(
            new FieldComparison("full_name", NAME_A, NAME_B, "variant", 3.25),
            new FieldComparison("birth_date", BIRTH_A, null, "missing", 0.0)));
  }

  @Test
  void aPairReadsBackSideBySideInTheQueuesOrder() {
    protect();
    ReviewQueue q = ws.review();
    // given as ngo_seoul × church; church sorts first, so the sides swap with the records
    assertThat(q.enqueue(List.of(pair("7", "12", 0.55)))).isEqualTo(1);
    long id = q.nextId().orElseThrow();
    QueuedPair read = q.open(id, "review a linkage pair").orElseThrow();
    assertThat(read.pair()).isEqualTo(new PairRef("church", "12", "ngo_seoul", "7"));
    assertThat(read.probability()).isEqualTo(0.55);
    assertThat(read.fields())
        .containsExactly(
            new FieldComparison("full_name", NAME_B, NAME_A, "variant", 3.25),
            new FieldComparison("birth_date", null, BIRTH_A, "missing", 0.0));
    // the same pair again, in either order, is not queued twice
    assertThat(q.enqueue(List.of(pair("7", "12", 0.6)))).isZero();
    assertThat(q.enqueue(List.of(QueuedPair.of("church", "12", "ngo_seoul", "7", 0.6, List.of()))))
        .isZero();
    assertThat(q.status()).isEqualTo(new QueueStatus(1, 0, 0, 0, 1));
  }

  @Test
  void openingAPairIsOneAuditEntryNamingItAndNoValue() {
    Protection p = protect();
    ReviewQueue q = ws.review();
    q.enqueue(List.of(pair("1", "2", 0.5)));
    long id = q.nextId().orElseThrow();
    int before = p.audit().entries().size();
    q.open(id, "review a linkage pair");
    List<AuditLog.Entry> after = p.audit().entries();
    assertThat(after).hasSize(before + 1);
    AuditLog.Entry e = after.get(after.size() - 1);
    assertThat(e.action()).isEqualTo("read-identities");
    assertThat(e.subject()).isEqualTo("review_pair " + id);
    assertThat(e.details()).isEqualTo("purpose=review a linkage pair");
    StringBuilder trail = new StringBuilder();
    after.forEach(x -> trail.append(x.subject()).append(x.details()));
    assertThat(Canaries.found(trail.toString().getBytes(StandardCharsets.UTF_8), secrets()))
        .isEmpty();
  }

  static List<String> secrets() {
    return List.of(NAME_A, NAME_B);
  }

  @Test
  void theComparedValuesAreNowhereInPlaintextWhenProtected() throws Exception {
    protect();
    ws.review().enqueue(List.of(pair("1", "2", 0.5), pair("3", "4", 0.4)));
    ws.review().open(ws.review().nextId().orElseThrow(), "test");
    byte[] dump = dump();
    ws.close();
    List<String> hits = Canaries.foundUnder(secrets(), home);
    hits.addAll(Canaries.found(dump, secrets()));
    assertThat(hits).isEmpty();
    ws = open(home);
  }

  @Test
  void theSameSearchFindsThemWhenProtectionIsOff() throws Exception {
    ws.useCodec(new PlaintextCodec());
    ws.review().enqueue(List.of(pair("1", "2", 0.5)));
    byte[] dump = dump();
    ws.close();
    List<String> hits = Canaries.foundUnder(secrets(), home);
    hits.addAll(Canaries.found(dump, secrets()));
    assertThat(String.join("\n", hits)).contains(secrets());
    ws = open(home);
  }

  @Test
  void nothingIsQueuedWithoutKeysUnlessPlaintextIsChosen() {
    assertThatThrownBy(() -> ws.review().enqueue(List.of(pair("1", "2", 0.5))))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no keys");
  }

  @Test
  void theQueueGoesMostUncertainFirstThenNotSureAndCountsProgress() {
    protect();
    ReviewQueue q = ws.review();
    q.enqueue(List.of(pair("1", "1", 0.75), pair("2", "2", 0.52), pair("3", "3", 0.3)));
    PairRef p2 = PairRef.of("ngo_seoul", "2", "church", "2");
    PairRef p3 = PairRef.of("ngo_seoul", "3", "church", "3");
    PairRef p1 = PairRef.of("ngo_seoul", "1", "church", "1");
    assertThat(pairOf(q, q.nextId().orElseThrow())).isEqualTo(p2);
    q.decide(p2, Decision.NOT_SURE, "alice");
    assertThat(pairOf(q, q.nextId().orElseThrow())).isEqualTo(p3);
    q.decide(p3, Decision.DIFFERENT, "alice");
    assertThat(pairOf(q, q.nextId().orElseThrow())).isEqualTo(p1);
    q.decide(p1, Decision.SAME, "bob");
    // only the pair marked "not sure" is left
    assertThat(pairOf(q, q.nextId().orElseThrow())).isEqualTo(p2);
    QueueStatus s = q.status();
    assertThat(s).isEqualTo(new QueueStatus(3, 1, 1, 1, 0));
    assertThat(s.decided()).isEqualTo(2);
    assertThat(s.remaining()).isEqualTo(1);
    q.decide(p2, Decision.SAME, "bob");
    assertThat(q.nextId()).isEmpty();
    assertThat(q.status().remaining()).isZero();
  }

  private static PairRef pairOf(ReviewQueue q, long id) {
    return q.open(id, "test").orElseThrow().pair();
  }

  @Test
  void theLatestDecisionCountsAndEveryDecisionIsKeptWithWhoAndWhen() throws Exception {
    protect();
    ReviewQueue q = ws.review();
    PairRef p = PairRef.of("a", "1", "b", "1");
    PairRef other = PairRef.of("a", "2", "b", "9");
    q.decide(p, Decision.SAME, "alice");
    q.decide(p, Decision.DIFFERENT, "bob");
    q.decide(other, Decision.NOT_SURE, "carol");
    assertThat(q.latestDecisions().get(p).decision()).isEqualTo(Decision.DIFFERENT);
    assertThat(q.latestDecisions().get(p).by()).isEqualTo("bob");
    assertThat(q.labels()).extracting(d -> d.pair()).containsExactly(p);
    assertThat(count("SELECT COUNT(*) FROM link_decision")).isEqualTo(3);
    assertThatThrownBy(() -> q.decide(p, Decision.SAME, " ")).isInstanceOf(BadInputException.class);
  }

  @Test
  void forgettingAPersonMakesTheirSideUnreadable() throws Exception {
    Protection p = protect();
    Path csv = dir.resolve("church.csv");
    Files.writeString(csv, "id,full_name,birth_date\n12," + NAME_B + ",1971-03-09\n");
    ws.importer().importList("church", csv, null, Map.of(), Progress.NONE);
    ReviewQueue q = ws.review();
    q.enqueue(List.of(pair("7", "12", 0.55)));
    long id = q.nextId().orElseThrow();
    long person = count("SELECT person_id FROM record WHERE source_record_id = '12'");
    assertThat(count("SELECT person_a FROM review_pair WHERE id = " + id)).isEqualTo(person);

    new Forgetting(p).forget(person);
    QueuedPair after = q.open(id, "test").orElseThrow();
    assertThat(after.fields()).extracting(FieldComparison::valueA).containsOnlyNulls();
    // the comparison is sealed under both keys: it goes with either person
    assertThat(after.fields()).extracting(FieldComparison::level).containsOnlyNulls();
    // the other side (a record not in the workspace: the workspace key) is intact
    assertThat(after.fields()).extracting(FieldComparison::valueB).containsExactly(NAME_A, BIRTH_A);
    // forgetting blanked the record's id in the list (docs/threat-model.md), so the workspace can
    // no longer tell that a new pair names it: what the linker's files hold is the user's plaintext
    assertThat(count("SELECT COUNT(*) FROM record WHERE source_record_id = '12'")).isZero();
    assertThat(p.audit().verify().ok()).isTrue();
    assertThat(new IntegrityCheck(p).run().problem()).isNull();
  }

  long count(String sql) throws Exception {
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
