package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Protection;

/** {@code tumen import} in process: output, exit status, and nothing stored on bad input. */
class ImportCommandTest {

  @TempDir Path dir;

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
    String[] base = {"import", "--workspace", dir.resolve("ws").toString(), "--list", list};
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
    Path pass = csv("pass.txt", "synthetic test passphrase\n");
    try (Workspace ws = Workspace.open(dir.resolve("ws"), Optional.empty())) {
      Protection.initialise(
          ws, "synthetic test passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
    }
    Path f = csv("p.csv", "id,name,birth_date\n1,Kim Canary Chol,1975-03-09\n");

    Run r = importFile("p", f, "--passphrase-file", pass.toString());

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
    try (Workspace ws = Workspace.open(dir.resolve("ws"), Optional.empty())) {
      Protection.initialise(
          ws, "synthetic test passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
    }
    Path wrong = csv("wrong.txt", "not it\n");
    Run r = importFile("p", csv("p.csv", "id,name\n1,x\n"), "--passphrase-file", wrong.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("tumen: ").contains("passphrase");
    try (Workspace ws = Workspace.open(dir.resolve("ws"), Optional.empty())) {
      assertThat(ws.records().lists()).isEmpty();
    }
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
