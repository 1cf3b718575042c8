package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.app.CliRun.Run;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Protection;

/**
 * Issue 12 through the command line: what an attacker with the workspace but not the keys did, and
 * the small things found on the way. Synthetic data; cheap Argon2id given to the store.
 */
class ProtectAttackCommandsTest {

  @TempDir Path dir;
  Path ws;
  Path pass;

  Run inWorkspace(String... args) {
    return CliRun.inWorkspace(ws, pass, args);
  }

  @BeforeEach
  void keys() throws Exception {
    ws = dir.resolve("ws");
    pass = dir.resolve("pass.txt");
    Files.writeString(pass, "synthetic test passphrase\n");
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection.initialise(w, "synthetic test passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
    }
  }

  void sql(String statement) throws Exception {
    try (Workspace w = Workspace.open(ws, Optional.empty());
        Connection c = w.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  Path csv(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void finding2AuditVerifyVerifiesBeforeItWrites() throws Exception {
    Path list = csv("a.csv", "id,name\n1,Kim (synthetic)\n");
    assertThat(inWorkspace("import", "--list", "a", list.toString()).status()).isZero();
    assertThat(inWorkspace("audit", "verify").status()).isZero();
    // Delete the last entries, as an insider hiding an export would.
    sql("DELETE FROM audit_entry WHERE seq >= (SELECT MAX(seq) - 1 FROM audit_entry)");
    Run r = inWorkspace("audit", "verify");
    assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).contains("audit trail broken").contains("missing");
    // Still broken the second time: verify wrote nothing that re-anchors the trail.
    assertThat(inWorkspace("audit", "verify").status()).isEqualTo(1);
    Run other = inWorkspace("export", "--out", dir.resolve("out").toString());
    assertThat(other.status()).isEqualTo(2);
    assertThat(other.err().lines()).hasSize(1);
    assertThat(other.err()).contains("audit trail is broken");
  }

  @Test
  void lowAuditShowPrintsNoControlCharacters() throws Exception {
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection p = Protection.unlock(w, pass);
      p.audit().append("tester", "backup", "evil\u001b[2J\nname\tx", "");
    }
    Run r = inWorkspace("audit", "show");
    assertThat(r.status()).isZero();
    assertThat(r.out()).doesNotContain("\u001b").contains("evil\\u001b[2J\\u000aname\\u0009x");
  }

  @Test
  void lowAPassphraseFilesByteOrderMarkIsNotPartOfThePassphrase() throws Exception {
    Files.write(pass, ("\uFEFFsynthetic test passphrase\r\n").getBytes(StandardCharsets.UTF_8));
    Run r = inWorkspace("audit", "verify");
    assertThat(r.status()).as(r.err()).isZero();
  }

  @Test
  void lowKeysAreNotCreatedBeforeTheInputFileIsChecked() {
    ws = dir.resolve("fresh");
    Run r = inWorkspace("import", "--list", "a", dir.resolve("no-such.csv").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("no such file");
    assertThat(ws.resolve("keys.tumen")).doesNotExist();
  }

  @Test
  void lowAnAbsurdMemoryCostInTheKeyFileIsOneLine() throws Exception {
    Path keys = ws.resolve("keys.tumen");
    Files.writeString(
        keys,
        Files.readString(keys).replaceFirst("\"memoryKiB\" : \\d+", "\"memoryKiB\" : 4000000"));
    Run r = inWorkspace("audit", "verify");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("key file is damaged");
  }
}
