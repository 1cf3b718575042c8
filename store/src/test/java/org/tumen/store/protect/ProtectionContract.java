package org.tumen.store.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
import org.tumen.store.records.StoredRecord;

/**
 * The protection contract, run on H2 and on PostgreSQL: canaries never rest in plaintext (and are
 * found when protection is off), forgetting reaches older backups, backups and rows resist
 * tampering, rotation keeps every value readable. All names are synthetic ({@link Canaries}).
 */
abstract class ProtectionContract {

  @TempDir Path dir;
  Path home;
  Workspace ws;
  final Canaries canaries = new Canaries(20261129);

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

  Protection protect() {
    return Protection.of(ws, TestKeys.init(home));
  }

  Protection reopen() {
    ws.close();
    ws = open(home);
    return Protection.unlock(ws, TestKeys.PASSPHRASE.clone());
  }

  void importCanaries() throws Exception {
    ws.importer().importList("canary-ko", canaries.writeKorean(dir), null, Map.of(), Progress.NONE);
    ws.importer()
        .importList("canary-en", canaries.writeEnglish(dir), null, Map.of(), Progress.NONE);
  }

  void importCanaries(Protection p) throws Exception {
    importCanaries();
  }

  @Test
  void canariesAreNowhereWhenProtected() throws Exception {
    Protection p = protect();
    importCanaries(p);
    Path export = dir.resolve("export");
    new Export(p).write(export, false);
    Path backup = dir.resolve("before.tbk");
    new Backup(p).write(backup);
    // Read them all back, so that decrypted values have passed through memory and any log.
    assertThat(names()).containsAll(canaries.all());
    byte[] dump = dump();
    ws.close();
    List<String> hits = canaries.foundUnder(home, export, backup);
    hits.addAll(canaries.foundIn(dump));
    assertThat(hits).isEmpty();
    ws = open(home);
  }

  @Test
  void canariesAreFoundWhenProtectionIsOff() throws Exception {
    // The negative control: the same search must be able to fail. Plaintext must be chosen.
    ws.useCodec(new PlaintextCodec());
    importCanaries();
    byte[] dump = dump();
    ws.close();
    List<String> hits = canaries.foundUnder(home);
    hits.addAll(canaries.foundIn(dump));
    assertThat(hits).hasSizeGreaterThan(900);
    ws = open(home);
  }

  @Test
  void withoutKeysNoIdentityIsStoredUnlessPlaintextIsChosen() throws Exception {
    // Protection is the default: a workspace with no codec chosen takes no identity at all.
    assertThatThrownBy(this::importCanaries)
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no keys");
    assertThat(count("SELECT COUNT(*) FROM source")).isZero();
    assertThat(count("SELECT COUNT(*) FROM identity_field")).isZero();
    assertThat(Protection.sealedBy(ws)).isEmpty();
    // Choosing plaintext explicitly is what makes a plaintext workspace; it cannot get keys later.
    ws.useCodec(new PlaintextCodec());
    importCanaries();
    assertThat(Protection.sealedBy(ws)).contains(PlaintextCodec.ID);
    assertThatThrownBy(() -> Protection.initialise(ws, TestKeys.PASSPHRASE.clone(), TestKeys.CHEAP))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("sealed by 'plaintext'");
    assertThat(Protection.hasKeys(home)).isFalse();
  }

  @Test
  void aSealedWorkspaceWhoseKeyFileIsLostGetsNoNewKeys() throws Exception {
    Protection p = protect();
    importCanaries(p);
    Files.delete(WorkspaceKeys.file(home));
    Path anchor = home.resolve(AuditLog.ANCHOR_FILE);
    assertThatThrownBy(() -> Protection.initialise(ws, TestKeys.PASSPHRASE.clone(), TestKeys.CHEAP))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("key file keys.tumen is missing");
    assertThat(Protection.hasKeys(home)).isFalse();
    assertThat(Files.exists(anchor)).isTrue();
  }

  @Test
  void aWorkspaceSealedByAnEarlierDevelopmentBuildIsRefusedInOneLine() throws Exception {
    Protection p = protect();
    importCanaries(p);
    sql(
        "UPDATE workspace_setting SET setting_value = 'tink-aes256gcm-v1'"
            + " WHERE name = 'identity_codec'");
    assertThatThrownBy(
            () ->
                ws.importer()
                    .importList(
                        "another", canaries.writeKorean(dir), null, Map.of(), Progress.NONE))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("earlier development build ('tink-aes256gcm-v1')")
        .hasMessageNotContaining("\n");
  }

  @Test
  void anExportHasIdentitiesOnlyWhenAskedAndAudited() throws Exception {
    Protection p = protect();
    importCanaries(p);
    new Export(p).write(dir.resolve("plain"), false);
    assertThat(canaries.foundUnder(dir.resolve("plain"))).isEmpty();
    assertThat(reads(p)).isEmpty(); // a pseudonymised export opens nothing
    Export.Summary s = new Export(p).write(dir.resolve("full"), true);
    assertThat(s.identityValues()).isGreaterThan(1000);
    assertThat(canaries.foundUnder(dir.resolve("full"))).hasSize(1000);
    List<AuditLog.Entry> all = p.audit().entries();
    assertThat(all).extracting(AuditLog.Entry::action).contains("export", "export-identities");
    // The read is audited first, the export with its counts after.
    AuditLog.Entry read = reads(p).get(0);
    assertThat(reads(p)).hasSize(1);
    assertThat(read.subject()).isEqualTo("all");
    assertThat(read.details()).isEqualTo("persons=1000 purpose=tumen export --with-identities");
    assertThat(all.get(all.size() - 1).action()).isEqualTo("export-identities");
    assertThat(all.get(all.size() - 2)).isEqualTo(read);
    assertThat(p.audit().verify().ok()).isTrue();
  }

  // Every read of an identity is audited, before the first value is opened.

  @Test
  void readingAListIsOneAuditEntryWrittenBeforeTheFirstValueOpens() throws Exception {
    Protection p = protect();
    importCanaries(p);
    List<Integer> entriesAtFirstRecord = new ArrayList<>();
    List<String> read = new ArrayList<>();
    ws.records()
        .forEachRecord(
            "canary-ko",
            "test: link the lists",
            r -> {
              if (read.isEmpty()) {
                entriesAtFirstRecord.add(reads(p).size());
              }
              read.add(r.values().get(1));
            });
    assertThat(read).hasSize(500);
    assertThat(entriesAtFirstRecord).containsExactly(1);
    assertThat(reads(p)).hasSize(1);
    AuditLog.Entry e = reads(p).get(0);
    assertThat(e.subject()).isEqualTo("list canary-ko");
    assertThat(e.details()).isEqualTo("records=500 purpose=test: link the lists");
    assertThat(e.actor()).isEqualTo(Protection.actor());
    assertNoIdentityInTheTrail(p);
    assertThat(p.audit().verify().ok()).isTrue();
  }

  @Test
  void aReadCutShortStillLeavesItsEntry() throws Exception {
    Protection p = protect();
    importCanaries(p);
    assertThatThrownBy(
            () ->
                ws.records()
                    .forEachRecord(
                        "canary-en",
                        "test: a reader that dies",
                        r -> {
                          throw new IllegalStateException("killed after the first record");
                        }))
        .hasMessageContaining("killed");
    assertThat(reads(p)).extracting(AuditLog.Entry::subject).containsExactly("list canary-en");
    // Without a purpose the read is still audited, and says so.
    ws.records().forEachRecord("canary-en", r -> {});
    assertThat(reads(p).get(1).details()).isEqualTo("records=500 purpose=not given");
  }

  @Test
  void readsAfterUnlockingAreAuditedToo() throws Exception {
    Protection p = protect();
    importCanaries(p);
    Protection again = reopen();
    names();
    assertThat(reads(again))
        .extracting(AuditLog.Entry::subject)
        .containsExactly("list canary-ko", "list canary-en");
    assertThat(again.audit().verify().ok()).isTrue();
  }

  @Test
  void readingOnePersonOrRecordNamesIt() throws Exception {
    Protection p = protect();
    importCanaries(p);
    long person = personOf("canary-ko", 7);
    int before = reads(p).size();
    p.reads().beforeOne("person", person, "web: show this witness\nforged line");
    p.reads().beforeOne("record", 42, "");
    List<AuditLog.Entry> after = reads(p).subList(before, reads(p).size());
    assertThat(after)
        .extracting(AuditLog.Entry::subject)
        .containsExactly("person " + person, "record 42");
    assertThat(after)
        .extracting(AuditLog.Entry::details)
        .containsExactly("purpose=web: show this witness forged line", "purpose=not given");
    assertThatThrownBy(() -> p.reads().beforeOne("identity_field", 1, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checkingEveryValueIsAuditedBeforeItOpens() throws Exception {
    Protection p = protect();
    importCanaries(p);
    // One document per record, and each list's file name and headers (issue 12, finding 1).
    long meta = count("SELECT COUNT(*) FROM identity_field");
    assertThat(new IdentityCheck(p).run().opened()).isEqualTo(1000 + meta);
    assertThat(meta).isGreaterThanOrEqualTo(2 + 4);
    assertThat(reads(p)).hasSize(1);
    assertThat(reads(p).get(0).subject()).isEqualTo("all");
    assertThat(reads(p).get(0).details()).startsWith("persons=1000 purpose=check");
    // A value that does not open stops the check; its read entry was already there.
    long a = personOf("canary-en", 0);
    byte[] v = sealed(a);
    v[v.length - 1] ^= 1;
    setSealed(a, v);
    int before = reads(p).size();
    assertThat(new IdentityCheck(p).run().firstBroken()).isPresent();
    assertThat(reads(p)).hasSize(before + 1);
    // So does an export with identities that dies on it: the read is in the trail, the export
    // entry (written with its counts at the end) is not.
    assertThatThrownBy(() -> new Export(p).write(dir.resolve("dies"), true))
        .isInstanceOf(IllegalStateException.class);
    assertThat(reads(p)).hasSize(before + 2);
    assertThat(p.audit().entries())
        .extracting(AuditLog.Entry::action)
        .doesNotContain("export-identities");
  }

  private static List<AuditLog.Entry> reads(Protection p) {
    return p.audit().entries().stream().filter(e -> e.action().equals(ReadAudit.ACTION)).toList();
  }

  private void assertNoIdentityInTheTrail(Protection p) {
    StringBuilder trail = new StringBuilder();
    for (AuditLog.Entry e : p.audit().entries()) {
      trail.append(e.subject()).append('\t').append(e.details()).append('\n');
    }
    for (String name : canaries.all()) {
      assertThat(trail.toString()).doesNotContain(name);
    }
  }

  @Test
  void forgettingReachesABackupTakenBefore() throws Exception {
    Protection p = protect();
    importCanaries(p);
    Path backup = dir.resolve("before.tbk");
    new Backup(p).write(backup);
    long victim = personOf("canary-ko", 0);
    byte[] wrapped = bytes("SELECT wrapped_key FROM person WHERE id = " + victim);
    long otherValues = count(SEALED + " AND person_id <> " + victim);

    Forgetting.Result r = new Forgetting(p).forget(victim);
    assertThat(r.valuesDeleted()).isPositive();
    assertThat(count(SEALED + " AND person_id = " + victim)).isZero();
    assertThat(count("SELECT COUNT(*) FROM person WHERE forgotten_at IS NOT NULL")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(1000); // the tombstone counts

    // Even with the workspace key, the old wrapped key no longer opens.
    Protection again = reopen();
    assertThatThrownBy(() -> again.keys().unwrapDataKey(victim, wrapped))
        .hasMessageContaining("destroyed");
    assertThatThrownBy(() -> again.codec().sealerFor(victim, wrapped))
        .isInstanceOf(IllegalStateException.class);

    // Restoring the backup taken before brings back everyone else, and not the forgotten.
    new Backup(again).restore(backup);
    assertThat(count(SEALED + " AND person_id = " + victim)).isZero();
    assertThat(count(SEALED + " AND person_id <> " + victim)).isEqualTo(otherValues);
    assertThat(names()).hasSize(999).doesNotContain(canaries.hangul.get(0));
    assertThat(again.audit().verify().ok()).isTrue();
    IdentityCheck.Result check = new IdentityCheck(again).run();
    assertThat(check.firstBroken()).isEmpty();
    assertThat(check.missing()).isZero();
  }

  @Test
  void aBackupRestoresExactlyAndADamagedOneChangesNothing() throws Exception {
    Protection p = protect();
    importCanaries(p);
    Path backup = dir.resolve("b.tbk");
    Backup.Summary s = new Backup(p).write(backup);
    assertThat(s.rowsPerTable()).isNotEmpty();
    List<String> before = names();
    byte[] good = Files.readAllBytes(backup);

    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 100);
    byte[] altered = good.clone();
    altered[altered.length / 2] ^= 1;
    for (byte[] bad : List.of(truncated, altered)) {
      Path f = dir.resolve("bad.tbk");
      Files.write(f, bad);
      long audit = count("SELECT COUNT(*) FROM audit_entry");
      assertThatThrownBy(() -> new Backup(p).restore(f))
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining("nothing was restored");
      assertThat(count("SELECT COUNT(*) FROM audit_entry")).isEqualTo(audit);
      assertThat(names()).isEqualTo(before);
    }
    // A backup made under other keys is refused too.
    Path other = dir.resolve("other");
    WorkspaceKeys otherKeys = TestKeys.init(other);
    assertThatThrownBy(() -> new Backup(Protection.of(ws, otherKeys)).restore(backup))
        .isInstanceOf(BadInputException.class);
    Protection.of(ws, p.keys()); // p's keys, and the audit of reads, again

    new Backup(p).restore(backup);
    assertThat(names()).isEqualTo(before);
    assertThat(p.audit().verify().ok()).isTrue();
    // Ids handed out after the restore never collide with restored ones.
    Path more = Files.createDirectories(dir.resolve("more"));
    ws.importer().importList("more", canaries.writeEnglish(more), null, Map.of(), Progress.NONE);
    assertThat(count("SELECT COUNT(*) FROM person")).isEqualTo(1500);
  }

  @Test
  void rotationRewrapsEveryKeyAndKeepsEveryValue() throws Exception {
    Protection p = protect();
    importCanaries(p);
    List<String> before = names();
    KeyRotation.Result r = new KeyRotation(p).rotate(Progress.NONE);
    assertThat(r.resumed()).isFalse();
    assertThat(r.rewrapped()).isEqualTo(1000);
    Protection again = reopen();
    assertThat(names()).isEqualTo(before);
    int underPrimary = 0;
    try (Connection c = ws.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT wrapped_key FROM person")) {
      while (rs.next()) {
        underPrimary += again.keys().wrappedUnderPrimary(rs.getBytes(1)) ? 1 : 0;
      }
    }
    assertThat(underPrimary).isEqualTo(1000);
    assertThat(again.audit().entries()).extracting(AuditLog.Entry::action).contains("keys-rotate");
  }

  @Test
  void tamperedIdentityRowsAreDetected() throws Exception {
    Protection p = protect();
    importCanaries(p);
    assertThat(new IdentityCheck(p).run().firstBroken()).isEmpty();
    long a = personOf("canary-ko", 3);
    long b = personOf("canary-ko", 4);
    byte[] va = sealed(a);
    byte[] vb = sealed(b);

    byte[] flipped = va.clone();
    flipped[flipped.length - 1] ^= 1;
    setSealed(a, flipped);
    assertThat(broken(p)).isEqualTo(a);

    // Swap two persons' values (a reordering of rows' contents).
    setSealed(a, vb);
    setSealed(b, va);
    assertThat(broken(p)).isIn(a, b);
    setSealed(a, va);
    setSealed(b, vb);
    assertThat(new IdentityCheck(p).run().firstBroken()).isEmpty();

    // Delete one value: the counts in the audit trail no longer add up.
    assertThat(new IdentityCheck(p).run().missing()).isZero();
    setSealed(b, null);
    assertThat(new IdentityCheck(p).run().missing()).isEqualTo(1);

    // Insert a copy of a's document as a value of another field of a's record.
    sql(
        "INSERT INTO identity_field (owner_id, field, owner_table, person_id, sealed)"
            + " SELECT id, 'note_copy', 'record', person_id, sealed_values FROM record"
            + " WHERE person_id = "
            + a);
    assertThat(broken(p)).isEqualTo(a);
  }

  /** Counts the records whose identity document is still there; add conditions with AND. */
  private static final String SEALED =
      "SELECT COUNT(*) FROM record WHERE sealed_values IS NOT NULL";

  private long broken(Protection p) {
    return new IdentityCheck(p).run().firstBroken().orElseThrow().personId();
  }

  private byte[] sealed(long person) throws SQLException {
    return bytes("SELECT sealed_values FROM record WHERE person_id = " + person);
  }

  private void setSealed(long person, byte[] value) throws SQLException {
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE record SET sealed_values = ? WHERE person_id = ?")) {
      ps.setBytes(1, value);
      ps.setLong(2, person);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  List<String> names() {
    List<String> out = new ArrayList<>();
    for (String list : List.of("canary-ko", "canary-en")) {
      ws.records().forEachRecord(list, r -> addName(out, r));
    }
    return out;
  }

  private static void addName(List<String> out, StoredRecord r) {
    if (!r.forgotten()) {
      out.add(r.values().get(1));
    }
  }

  long personOf(String list, int index) {
    List<Long> ids = new ArrayList<>();
    ws.records().forEachRecord(list, r -> ids.add(r.personId()));
    return ids.get(index);
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

  void sql(String sql) throws SQLException {
    try (Connection c = ws.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }
}
