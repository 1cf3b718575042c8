package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.Progress;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Protection;

/**
 * The protection commands end to end, in process: keys, audit, forget, backup, restore, export.
 * Real Argon2id cost (64 MiB) on every unlock, so each command takes about a second. Data is
 * synthetic.
 */
class ProtectCommandsTest {

  @TempDir Path dir;
  Path ws;
  Path pass;

  record Run(int status, String out, String err) {}

  Run tumen(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  Run inWorkspace(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--workspace", ws.toString(), "--passphrase-file", pass.toString()));
    return tumen(all.toArray(String[]::new));
  }

  /** Cheap Argon2id, given explicitly to the store: only the file's header carries it. */
  static final Argon2Cost CHEAP = new Argon2Cost(64, 1, 1);

  @BeforeEach
  void keys() throws Exception {
    ws = dir.resolve("ws");
    pass = dir.resolve("pass.txt");
    Files.writeString(pass, "synthetic test passphrase\n");
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection.initialise(w, "synthetic test passphrase".toCharArray(), CHEAP);
    }
  }

  @Test
  void keysInitUsesTheRealCost() throws Exception {
    ws = dir.resolve("fresh");
    Run r = inWorkspace("keys", "init");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("keys created");
    assertThat(Files.readString(ws.resolve("keys.tumen"))).contains("\"memoryKiB\" : 65536");
  }

  /** Imports a small synthetic list through the store, unlocked (as tumen import will be). */
  void importList() throws Exception {
    Path csv = dir.resolve("church-a.csv");
    Files.writeString(
        csv,
        "번호,성명,성별,생년월일,출생지,비고\n"
            + "K1,김합성,남,1975.3.9,함경북도,synthetic\n"
            + "K2,이가상,여,1980년 12월 1일,,synthetic\n"
            + "K3,박시험,여,1962,Ryanggang,synthetic\n",
        StandardCharsets.UTF_8);
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection p = Protection.unlock(w, pass);
      long n = w.importer().importList("church-a", csv, null, Map.of(), Progress.NONE).records();
    }
  }

  @Test
  void aSecondInitIsRefused() {
    Run r = inWorkspace("keys", "init");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("already has keys");
  }

  @Test
  void aWrongPassphraseIsExit2OneLineAndChangesNothing() throws Exception {
    byte[] keys = Files.readAllBytes(ws.resolve("keys.tumen"));
    Files.writeString(pass, "not the passphrase\n");
    Run r = inWorkspace("audit", "verify");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("tumen: ").contains("wrong passphrase");
    assertThat(Files.readAllBytes(ws.resolve("keys.tumen"))).isEqualTo(keys);
    Files.writeString(pass, "synthetic test passphrase\n");
    // The failed attempt appended nothing: init and this verify's unlock only.
    assertThat(inWorkspace("audit", "show").out().lines().skip(1))
        .extracting(l -> l.split("\t")[3])
        .containsExactly("keys-init", "authenticate-batches", "unlock");
  }

  @Test
  void aCorruptedKeysetIsExit2() throws Exception {
    Path keys = ws.resolve("keys.tumen");
    Files.writeString(
        keys, Files.readString(keys).replace("\"keyset\" : \"", "\"keyset\" : \"AAAA"));
    Run r = inWorkspace("audit", "verify");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("damaged").doesNotContain("Exception");
  }

  @Test
  void theWholeLifeOfAWorkspace() throws Exception {
    importList();
    Run verify = inWorkspace("audit", "verify");
    assertThat(verify.status()).as(verify.err()).isZero();
    assertThat(verify.out()).contains("audit trail whole").contains("identity values open");

    Run export = inWorkspace("export", "--out", dir.resolve("exp").toString());
    assertThat(export.status()).as(export.err()).isZero();
    assertThat(Files.readString(dir.resolve("exp/records.csv"))).doesNotContain("김합성");
    Run full = inWorkspace("export", "--out", dir.resolve("full").toString(), "--with-identities");
    assertThat(full.status()).isZero();
    assertThat(Files.readString(dir.resolve("full/identities.csv"))).contains("김합성");

    Path backup = dir.resolve("ws.tbk");
    assertThat(inWorkspace("backup", "--out", backup.toString()).status()).isZero();
    String person = firstPerson(dir.resolve("exp/persons.csv"));
    Run forget = inWorkspace("forget", person);
    assertThat(forget.status()).as(forget.err()).isZero();
    assertThat(forget.out()).contains("forgotten");
    assertThat(inWorkspace("forget", "999999999").status()).isEqualTo(2);

    Run restore = inWorkspace("restore", backup.toString());
    assertThat(restore.status()).as(restore.err()).isZero();
    Run after =
        inWorkspace("export", "--out", dir.resolve("after").toString(), "--with-identities");
    assertThat(after.status()).isZero();
    String ids = Files.readString(dir.resolve("after/identities.csv"));
    assertThat(ids).doesNotContain("김합성").contains("이가상");

    Run rotate = inWorkspace("keys", "rotate");
    assertThat(rotate.status()).as(rotate.err()).isZero();
    assertThat(rotate.out()).contains("re-wrapped");

    Path next = dir.resolve("next.txt");
    Files.writeString(next, "another synthetic passphrase\n");
    Run change = inWorkspace("keys", "change-passphrase", "--new-passphrase-file", next.toString());
    assertThat(change.status()).as(change.err()).isZero();
    assertThat(inWorkspace("audit", "verify").status()).isEqualTo(2);
    pass = next;
    Run show = inWorkspace("audit", "show");
    assertThat(show.out())
        .contains(
            "keys-init",
            "read-identities\tall\tpersons=3 purpose=tumen export --with-identities",
            "read-identities\tall\tpersons=3 purpose=check that every sealed value opens",
            "export-identities",
            "backup",
            "forget",
            "restore",
            "keys-rotate",
            "keys-change-passphrase");
    assertThat(inWorkspace("audit", "verify").status()).isZero();
  }

  @Test
  void auditVerifyNamesTheFirstBrokenEntry() throws Exception {
    importList();
    inWorkspace("backup", "--out", dir.resolve("b.tbk").toString());
    try (Workspace w = Workspace.open(ws, Optional.empty());
        Connection c = w.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE audit_entry SET actor = 'someone else' WHERE seq = 2");
    }
    Run r = inWorkspace("audit", "verify");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("entry 2").contains("altered");
  }

  @Test
  void auditVerifyNoticesDeletedIdentityValues() throws Exception {
    importList();
    assertThat(inWorkspace("audit", "verify").status()).isZero();
    try (Workspace w = Workspace.open(ws, Optional.empty());
        Connection c = w.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE record SET sealed_values = NULL WHERE id = (SELECT MIN(id) FROM record)");
    }
    Run r = inWorkspace("audit", "verify");
    assertThat(r.status()).as(r.out() + r.err() + inWorkspace("audit", "show").out()).isEqualTo(1);
    assertThat(r.err()).contains("missing");
  }

  @Test
  void aTruncatedBackupIsRefusedAndNothingChanges() throws Exception {
    importList();
    Path b = dir.resolve("b.tbk");
    inWorkspace("backup", "--out", b.toString());
    byte[] all = Files.readAllBytes(b);
    Files.write(b, java.util.Arrays.copyOf(all, all.length - 1));
    Run r = inWorkspace("restore", b.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("nothing was restored");
    assertThat(inWorkspace("audit", "verify").status()).isZero();
  }

  private static String firstPerson(Path personsCsv) throws Exception {
    return Files.readAllLines(personsCsv).get(1).split(",")[0];
  }
}
