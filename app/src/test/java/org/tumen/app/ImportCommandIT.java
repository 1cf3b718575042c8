package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Protection;

/**
 * Runs the real jar ({@code -Dtumen.jar}, set by failsafe) on broken files: exit status 2, one line
 * naming file, line and column, and an empty workspace afterwards; and on a workspace without keys
 * with no passphrase to make them. All data here is synthetic.
 */
class ImportCommandIT {

  @TempDir Path dir;
  Path pass;

  /** A workspace with keys (cheap Argon2id), as the first import would have made. */
  @BeforeEach
  void keys() throws Exception {
    pass = csv("pass.txt", "synthetic test passphrase\n");
    try (Workspace ws = Workspace.open(dir.resolve("ws"), Optional.empty())) {
      Protection.initialise(
          ws, "synthetic test passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
    }
  }

  record Run(int status, String out, String err) {}

  Run tumen(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(System.getProperty("tumen.jar"));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().remove("TUMEN_PASSPHRASE");
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  Run importFile(Path file) throws Exception {
    return tumen(
        "import",
        "--workspace",
        dir.resolve("ws").toString(),
        "--passphrase-file",
        pass.toString(),
        "--list",
        "l",
        file.toString());
  }

  Path file(String name, byte[] bytes) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return f;
  }

  Path csv(String name, String text) throws Exception {
    return file(name, text.getBytes(StandardCharsets.UTF_8));
  }

  void assertNothingStored() {
    try (Workspace ws = Workspace.open(dir.resolve("ws"), Optional.empty())) {
      assertThat(ws.records().lists()).isEmpty();
    }
  }

  void assertRefused(Path f, String where, String problem) throws Exception {
    Run r = importFile(f);
    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("tumen: " + f + where + ": " + problem + "\n");
    assertNothingStored();
  }

  @Test
  void badQuote() throws Exception {
    Path f = csv("quote.csv", "번호,성명,비고\n1,김철수,synthetic\n2,\"이영희\"x,synthetic\n");
    assertRefused(
        f,
        ":3:2",
        "stray characters after a closing quote: a quoted value must end with \" followed by the"
            + " delimiter or the end of the line (write \"\" for a quote inside a value)");
  }

  @Test
  void badDate() throws Exception {
    Path f =
        csv("date.csv", "rec_id,full_name,birth_date\nA1,Kim Chol,1975.3.9\nA2,Ri Ok,1975.2.30\n");
    assertRefused(f, ":3:3", "birth_date: not a real date: month 2 of 1975 has no day 30");
  }

  @Test
  void badEncoding() throws Exception {
    byte[] head = "id,name\n1,".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xFF;
    bytes[head.length + 1] = '\n';
    Path f = file("encoding.csv", bytes);
    assertRefused(
        f,
        ":2",
        "byte 10 of the file (byte 3 of the line, 0xFF) is neither UTF-8 nor EUC-KR/CP949 text;"
            + " save the file as UTF-8");
  }

  @Test
  void emptyFile() throws Exception {
    assertRefused(csv("empty.csv", ""), "", "the file is empty");
  }

  @Test
  void duplicateId() throws Exception {
    Path f = csv("dup.csv", "id,name\n1,a\n1,b\n");
    assertRefused(f, ":3:1", "duplicate record id: line 2 has the same id");
  }

  @Test
  void aWorkspaceWithoutKeysAndNoPassphraseStoresNothing() throws Exception {
    // No --passphrase-file, no TUMEN_PASSPHRASE, no terminal: no keys can be made, and no
    // identity is stored in plain text instead.
    Path fresh = dir.resolve("fresh");
    Path f = csv("good.csv", "id,name\n1,Kim Canary Chol\n");
    Run r = tumen("import", "--workspace", fresh.toString(), "--list", "l", f.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("tumen: " + fresh + ": this workspace has no keys yet: give a passphrase");
    assertThat(Files.exists(fresh.resolve("keys.tumen"))).isFalse();
    try (Workspace ws = Workspace.open(fresh, Optional.empty())) {
      assertThat(ws.records().lists()).isEmpty();
    }
  }

  @Test
  void aGoodFileAfterwardsImports() throws Exception {
    Path f = csv("good.csv", "编号,姓名,性别,出生日期,籍贯,备注\n1,金哲洙,男,1975年3月9日,咸镜北道,synthetic\n");
    Run r = importFile(f);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("imported 1 record into list 'l' from good.csv (UTF-8)\n");
  }
}
