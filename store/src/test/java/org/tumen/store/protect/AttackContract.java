package org.tumen.store.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;
import org.tumen.model.Progress;
import org.tumen.store.Workspace;
import org.tumen.store.imports.ImportSummary;

/**
 * Issue 12: the attacks that found the workspace wanting, each a test named after its finding, on
 * H2 and PostgreSQL. The attacker holds the database (and the folder) but not the key file or the
 * passphrase, and uses plain SQL. All data is synthetic.
 */
abstract class AttackContract {

  /** The one-interview list of the issue (synthetic). */
  static final String ONE_INTERVIEW = "id,name,birth_date,sex\n1,리영철,1972-05-14,M\n";

  @TempDir Path dir;
  Path home;
  Workspace ws;

  abstract Workspace open(Path folder);

  /** Makes the next {@link #open} use a new, empty database (PostgreSQL: a new schema). */
  void newDatabase() {}

  @BeforeEach
  void openWorkspace() {
    home = dir.resolve("ws");
    ws = open(home);
  }

  @AfterEach
  void closeWorkspace() {
    ws.close();
  }

  Protection init() {
    return Protection.initialise(ws, TestKeys.PASSPHRASE.clone(), TestKeys.CHEAP);
  }

  Protection reopen() {
    ws.close();
    ws = open(home);
    return Protection.unlock(ws, TestKeys.PASSPHRASE.clone());
  }

  ImportSummary importText(String list, String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return ws.importer().importList(list, f, null, Map.of(), Progress.NONE);
  }

  @Test
  void finding1SmallListsCannotBeRecoveredFromTheDatabaseAlone() throws Exception {
    init();
    importText("interview-7", "kim-interview.csv", ONE_INTERVIEW);
    byte[] file = ONE_INTERVIEW.getBytes(StandardCharsets.UTF_8);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    assertThat(text("SELECT content_sha256 FROM import_batch")).isNotEqualTo(sha).hasSize(64);
    assertThat(text("SELECT file_name FROM import_batch")).isEmpty();
    assertThat(text("SELECT MAX(header) FROM list_column")).isEmpty();
    // Still idempotent, and the names and headers still read back, through the keys.
    assertThat(importText("interview-7", "kim-interview.csv", ONE_INTERVIEW).alreadyImported())
        .isTrue();
    assertThat(ws.records().list("interview-7").file()).isEqualTo("kim-interview.csv");
    assertThat(ws.records().list("interview-7").headers())
        .containsExactly("id", "name", "birth_date", "sex");
  }

  @Test
  void finding2TruncatingOrWipingTheAuditTrailIsDetected() throws Exception {
    Protection p = init();
    importText("a", "a.csv", ONE_INTERVIEW);
    p.audit().append("tester", "export-identities", "out", "values=1");
    p.audit().append("tester", "export-identities", "out", "values=1");
    long last = count("SELECT MAX(seq) FROM audit_entry");
    sql("DELETE FROM audit_entry WHERE seq > " + (last - 2));
    assertThatThrownBy(this::reopen)
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("audit trail is broken")
        .hasMessageContaining("missing");
    // Nothing was appended by the refused unlock.
    assertThat(count("SELECT MAX(seq) FROM audit_entry")).isEqualTo(last - 2);
    Protection looking = Protection.unlockWithoutAudit(ws, TestKeys.PASSPHRASE.clone());
    assertThat(looking.audit().verify().ok()).isFalse();
    // Wiping every entry and the anchor is no better.
    sql("DELETE FROM audit_entry");
    Files.delete(home.resolve(AuditLog.ANCHOR_FILE));
    assertThatThrownBy(this::reopen)
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("wiped");
    assertThat(looking.audit().verify().ok()).isFalse();
  }

  @Test
  void finding5RestoreIntoAnEmptyWorkspaceBringsBackTheBackupsAuditTrail() throws Exception {
    Protection p = init();
    importText("a", "a.csv", ONE_INTERVIEW);
    Path backup = dir.resolve("b.tbk");
    new Backup(p).write(backup);
    long entries = count("SELECT COUNT(*) FROM audit_entry");
    ws.close();
    // Disaster recovery: a new folder with the key file copied in, and the backup.
    Path fresh = dir.resolve("fresh");
    Files.createDirectories(fresh);
    Files.copy(home.resolve(WorkspaceKeys.FILE_NAME), fresh.resolve(WorkspaceKeys.FILE_NAME));
    home = fresh;
    newDatabase();
    ws = open(fresh);
    Protection q = Protection.unlock(ws, TestKeys.PASSPHRASE.clone());
    new Backup(q).restore(backup);
    assertThat(q.audit().entries())
        .extracting(AuditLog.Entry::action)
        .startsWith("keys-init", "authenticate-batches")
        .contains("import", "backup")
        .endsWith("restore");
    assertThat(q.audit().entries()).hasSize((int) entries + 1);
    assertThat(q.audit().verify().ok()).isTrue();
    assertThat(reopen().audit().verify().ok()).isTrue();
  }

  @Test
  void finding7NonIdentityDataChangedWithoutKeysIsDetected() throws Exception {
    Protection p = init();
    importText("church-a", "a.csv", "id,name,sex\nA1,Kim (synthetic),F\nA2,Lee (synthetic),M\n");
    importText("church-b", "b.csv", "id,name,sex\nB1,Park (synthetic),F\n");
    assertThat(new IntegrityCheck(p).run().ok()).isTrue();
    String[][] attacks = {
      {"UPDATE record SET sex = 'M' WHERE source_record_id = 'A1'", "church-a"},
      {
        "UPDATE record SET source_id = (SELECT id FROM source WHERE name = 'church-b')"
            + " WHERE source_record_id = 'A2'",
        "church-a"
      },
      {"DELETE FROM record WHERE source_record_id = 'B1'", "church-b"},
    };
    for (String[] attack : attacks) {
      Path copy = dir.resolve("before.tbk");
      Files.deleteIfExists(copy);
      new Backup(p).write(copy);
      sql(attack[0]);
      IntegrityCheck.Result r = new IntegrityCheck(p).run();
      assertThat(r.ok()).as(attack[0]).isFalse();
      assertThat(r.problem()).contains(attack[1]);
      new Backup(p).restore(copy);
      assertThat(new IntegrityCheck(p).run().ok()).isTrue();
    }
    // A phantom record in a batch of its own making, and a phantom person.
    sql(
        "INSERT INTO record (id, source_id, import_id, source_record_id, row_no, person_id)"
            + " VALUES (999999001, (SELECT MIN(id) FROM source), 999999002, 'X', 9, 999999003)");
    assertThat(new IntegrityCheck(p).run().problem()).contains("belongs to no import batch");
    sql("DELETE FROM record WHERE id = 999999001");
    sql("INSERT INTO person (id, created_at) VALUES (999999003, CURRENT_TIMESTAMP)");
    assertThat(new IntegrityCheck(p).run().problem()).contains("1 person").contains("999999003");
  }

  @Test
  void finding9AnImportIsAuditedInsideItsOwnTransaction() throws Exception {
    Protection p = init();
    long before = count("SELECT COUNT(*) FROM audit_entry");
    importText("a", "a.csv", ONE_INTERVIEW);
    // No separate call: the entry committed with the rows, and the anchor names it.
    assertThat(p.audit().entries().get((int) before).action()).isEqualTo("import");
    assertThat(p.audit().entries().get((int) before).details()).isEqualTo("records=1 values=6");
    assertThat(p.audit().verifyHead().ok()).isTrue();
    // An import that fails writes no entry.
    assertThatThrownBy(() -> importText("b", "b.csv", "id,name\n1,x\n1,y\n"))
        .isInstanceOf(BadInputException.class);
    assertThat(count("SELECT COUNT(*) FROM audit_entry")).isEqualTo(before + 1);
  }

  @Test
  void lowAForgetTombstoneKeepsNoSourceRecordId() throws Exception {
    Protection p = init();
    importText(
        "a", "a.csv", "id,name\nNK-1975-0031,Kim (synthetic)\nNK-1975-0032,Lee (synthetic)\n");
    long person = count("SELECT person_id FROM record WHERE source_record_id = 'NK-1975-0031'");
    new Forgetting(p).forget(person);
    assertThat(count("SELECT COUNT(*) FROM record WHERE source_record_id = 'NK-1975-0031'"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM record WHERE row_no = 2")).isZero();
    assertThat(new IntegrityCheck(p).run().ok()).isTrue();
    assertThat(p.audit().verify().ok()).isTrue();
  }

  long count(String sql) throws SQLException {
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  String text(String sql) throws SQLException {
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1).strip();
    }
  }

  void sql(String sql) throws SQLException {
    try (Connection c = ws.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }
}
