package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Protection;

/**
 * {@code tumen import} in process: output, exit status, nothing stored on bad input, and protection
 * by default (keys made on the first import; plaintext only with {@code --unprotected}).
 */
class ImportCommandTest {

  static final Argon2Cost CHEAP = new Argon2Cost(64, 1, 1);

  @TempDir Path dir;
  Path pass;

  /** Most tests import into a workspace with keys (cheap Argon2id), as every real one has. */
  @BeforeEach
  void keys() throws Exception {
    pass = csv("pass.txt", "synthetic test passphrase\n");
    try (Workspace ws = Workspace.open(dir.resolve("ws"), Optional.empty())) {
      Protection.initialise(ws, "synthetic test passphrase".toCharArray(), CHEAP);
    }
  }

  record Run(int status, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  Path csv(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  Run importFile(String list, Path file, String... more) {
    return importInto(dir.resolve("ws"), list, file, concat("--passphrase-file", pass, more));
  }

  static String[] concat(String option, Path value, String... more) {
    String[] all = new String[more.length + 2];
    all[0] = option;
    all[1] = value.toString();
    System.arraycopy(more, 0, all, 2, more.length);
    return all;
  }

  Run importInto(Path ws, String list, Path file, String... more) {
    String[] base = {"import", "--workspace", ws.toString(), "--list", list};
    String[] args = new String[base.length + more.length + 1];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    args[args.length - 1] = file.toString();
    return run(args);
  }

  long records() {
    try (Workspace ws = Workspace.open(dir.resolve("ws"), Optional.empty())) {
      return ws.records().lists().stream().mapToLong(l -> l.records()).sum();
    }
  }

  @Test
  void importsAndReportsExtraColumns() throws Exception {
    Path f =
        csv(
            "church-a.csv",
            "rec_id,surname,given_name,sex,birth_date,birthplace,note,a,b\n"
                + "A1,Kim,Chol,M,1975-03-09,North Hamgyong,synthetic,1,2\n"
                + "A2,Ri,Yong Hui,F,1975,,synthetic,,\n");

    Run r = importFile("church-a", f);

    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .isEqualTo(
            "imported 2 records into list 'church-a' from church-a.csv (UTF-8)\n"
                + "kept 2 extra columns: a, b\n");
    assertThat(records()).isEqualTo(2);
  }

  @Test
  void aSecondImportOfTheSameFileSaysSo() throws Exception {
    Path f = csv("l.csv", "id,name\n1,x\n");
    importFile("l", f);

    Run again = importFile("l", f);

    assertThat(again.status()).isZero();
    assertThat(again.out()).startsWith("l.csv was already imported into list 'l' (1 record, ");
    assertThat(again.out()).endsWith("); nothing changed\n");
    assertThat(records()).isEqualTo(1);
  }

  @Test
  void mapNamesColumnsTheImporterDoesNotKnow() throws Exception {
    Path f = csv("m.csv", "code,who,phone\n1,x,000\n");

    Run r =
        importFile("m", f, "--map", "code=id", "--map", "who=full_name", "--map", "phone=ignore");

    assertThat(r.status()).isZero();
    assertThat(r.out()).doesNotContain("extra");
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Path f = csv("bad.csv", "id,name,birth_date\n1,x,1975-03-09\n2,y,1975-02-30\n");

    Run r = importFile("bad", f);

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "tumen: " + f + ":3:3: birth_date: not a real date: month 2 of 1975 has no day 30\n");
    assertThat(records()).isZero();
  }

  @Test
  void aProtectedWorkspaceSealsTheImportAndAuditsIt() throws Exception {
    Path f = csv("p.csv", "id,name,birth_date\n1,Kim Canary Chol,1975-03-09\n");

    Run r = importFile("p", f);

    assertThat(r.status()).as(r.err()).isZero();
    try (Workspace ws = Workspace.open(dir.resolve("ws"), Optional.empty())) {
      // Without the passphrase the workspace refuses to read (or add) identities.
      assertThatThrownBy(() -> ws.records().forEachRecord("p", rec -> {}))
          .isInstanceOf(BadInputException.class);
      Protection.unlock(ws, pass);
      List<List<String>> values = new ArrayList<>();
      ws.records().forEachRecord("p", rec -> values.add(rec.values()));
      assertThat(values).containsExactly(List.of("1", "Kim Canary Chol", "1975-03-09"));
    }
    assertThat(
            run(
                    "audit",
                    "show",
                    "--workspace",
                    dir.resolve("ws").toString(),
                    "--passphrase-file",
                    pass.toString())
                .out())
        .contains("import");
    byte[] db = Files.readAllBytes(dir.resolve("ws").resolve("tumen.mv.db"));
    assertThat(new String(db, StandardCharsets.ISO_8859_1)).doesNotContain("Canary");
  }

  @Test
  void aProtectedWorkspaceWithAWrongPassphraseStoresNothing() throws Exception {
    Path wrong = csv("wrong.txt", "not it\n");
    Run r =
        importInto(
            dir.resolve("ws"),
            "p",
            csv("p.csv", "id,name\n1,x\n"),
            "--passphrase-file",
            wrong.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("tumen: ").contains("passphrase");
    try (Workspace ws = Workspace.open(dir.resolve("ws"), Optional.empty())) {
      assertThat(ws.records().lists()).isEmpty();
    }
  }

  // Protection by default.

  @Test
  void theFirstImportIntoAFreshWorkspaceCreatesItsKeys() throws Exception {
    Path fresh = dir.resolve("fresh");
    Path f = csv("k.csv", "id,name\n1,Kim Canary Chol\n");

    Run r = importInto(fresh, "k", f, "--passphrase-file", pass.toString());

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out().lines())
        .containsExactly(
            "keys created in "
                + fresh.toAbsolutePath().resolve("keys.tumen")
                + " (Argon2id: 64 MiB, 3 passes, 4 lanes); identities in this workspace are now"
                + " sealed",
            "keep one offline copy of that file and the passphrase: backups hold no keys",
            "imported 1 record into list 'k' from k.csv (UTF-8)");
    // The same keys as 'tumen keys init' makes: the real Argon2id cost.
    assertThat(Files.readString(fresh.resolve("keys.tumen"))).contains("\"memoryKiB\" : 65536");
    byte[] db = Files.readAllBytes(fresh.resolve("tumen.mv.db"));
    assertThat(new String(db, StandardCharsets.ISO_8859_1)).doesNotContain("Canary");
    Run show =
        run("audit", "show", "--workspace", fresh.toString(), "--passphrase-file", pass.toString());
    assertThat(show.out().lines().skip(1))
        .extracting(l -> l.split("\t")[3])
        .containsExactly("keys-init", "authenticate-batches", "import", "unlock");
    // The next import unlocks those keys, and stores nothing under a wrong passphrase.
    Path wrong = csv("wrong.txt", "not it\n");
    Run again = importInto(fresh, "k2", f, "--passphrase-file", wrong.toString());
    assertThat(again.status()).isEqualTo(2);
    assertThat(again.err()).contains("wrong passphrase");
  }

  @Test
  void withoutAPassphraseAFreshWorkspaceRefusesInOneLine() throws Exception {
    // In process the environment cannot be cleared; ImportCommandIT checks this with the jar.
    assumeTrue(System.getenv("TUMEN_PASSPHRASE") == null && System.console() == null);
    Path fresh = dir.resolve("fresh");

    Run r = importInto(fresh, "k", csv("k.csv", "id,name\n1,x\n"));

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("tumen: " + fresh.toAbsolutePath() + ": this workspace has no keys yet: ")
        .contains("--passphrase-file", "TUMEN_PASSPHRASE", "tumen keys init", "--unprotected");
    assertThat(Files.exists(fresh.resolve("keys.tumen"))).isFalse();
    try (Workspace ws = Workspace.open(fresh, Optional.empty())) {
      assertThat(ws.records().lists()).isEmpty();
      assertThat(Protection.sealedBy(ws)).isEmpty();
    }
  }

  @Test
  void unprotectedIsExplicitLoudAndStaysPlaintext() throws Exception {
    Path plain = dir.resolve("plain");
    Path f = csv("u.csv", "id,name\n1,Kim Canary Chol\n");

    Run r = importInto(plain, "u", f, "--unprotected");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err())
        .isEqualTo("tumen: warning: --unprotected: identities are stored in plain text\n");
    // The control: without keys the name is in the database file.
    byte[] db = Files.readAllBytes(plain.resolve("tumen.mv.db"));
    assertThat(new String(db, StandardCharsets.ISO_8859_1)).contains("Canary");
    assertThat(Files.exists(plain.resolve("keys.tumen"))).isFalse();

    // Once plaintext, the workspace neither takes more without the flag nor gets keys.
    Path g = csv("v.csv", "id,name\n1,y\n");
    Run again = importInto(plain, "v", g, "--passphrase-file", pass.toString());
    assertThat(again.status()).isEqualTo(2);
    assertThat(again.err().lines()).hasSize(1);
    assertThat(again.err()).contains("plain text").contains("--unprotected");
    assertThat(Files.exists(plain.resolve("keys.tumen"))).isFalse();
    assertThat(importInto(plain, "v", g, "--unprotected").status()).isZero();
  }

  @Test
  void unprotectedIsRefusedWhereThereAreKeys() throws Exception {
    Run r = importFile("u", csv("u.csv", "id,name\n1,x\n"), "--unprotected");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "tumen: --unprotected: this workspace has keys, so its identities are always sealed\n");
    assertThat(records()).isZero();
  }

  @Test
  void anUnknownFormatIsBadUsage() throws Exception {
    Path f = csv("l.csv", "id,name\n1,x\n");
    Run r = importFile("l", f, "--format", "json");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("tumen: --format: use csv or xlsx\n");
  }

  @Test
  void aMissingListNameIsBadUsage() throws Exception {
    Path f = csv("l.csv", "id,name\n1,x\n");
    Run r = run("import", "--workspace", dir.resolve("ws").toString(), f.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--list");
  }
}
