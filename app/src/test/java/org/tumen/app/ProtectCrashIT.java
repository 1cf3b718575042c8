package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.Progress;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.AuditLog;
import org.tumen.store.protect.IdentityCheck;
import org.tumen.store.protect.IntegrityCheck;
import org.tumen.store.protect.Protection;

/**
 * kill -9 at random points of {@code tumen import} into a protected workspace and of {@code tumen
 * keys rotate}, each run by the shaded jar in a process of its own; after every kill the workspace
 * must open, its audit trail and every sealed value must verify, and every list must be there
 * entirely or not at all.
 *
 * <p>{@code -Dtumen.crash.kills=N} sets the number of kills (default 6, to keep the build fast; run
 * it with 50 or more, see docs/benchmarks.md: half during imports, half during rotations). Each
 * kill lands at a uniformly random time in [0, 1.2 x] the duration of an uninterrupted run, so
 * kills fall before, during and after the work. Synthetic data.
 */
class ProtectCrashIT {

  static final Argon2Cost CHEAP = new Argon2Cost(64, 1, 1);
  static final int ROWS = 3000;

  @TempDir Path dir;

  Path ws;
  Path pass;
  final Random random = new Random(Long.getLong("tumen.crash.seed", 20261129L));
  final Map<String, Integer> expected = new java.util.LinkedHashMap<>();

  @Test
  void killedImportsAndRotationsLeaveAWholeWorkspace() throws Exception {
    int kills = Integer.getInteger("tumen.crash.kills", 6);
    ws = dir.resolve("ws");
    pass = dir.resolve("pass");
    Files.writeString(pass, "synthetic crash passphrase\n");
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection p = Protection.initialise(w, "synthetic crash passphrase".toCharArray(), CHEAP);
      w.importer().importList("base", list("base", 8000), null, Map.of(), Progress.NONE);
    }
    expected.put("base", 8000);

    long importMillis = timed(importProcess("calibrate-import"));
    expected.put("calibrate-import", ROWS);
    long rotateMillis = timed(rotateProcess());
    int partialImports = 0;
    int completeImports = 0;
    int midRotation = 0;
    for (int k = 0; k < kills; k++) {
      boolean rotation = k % 2 == 1;
      String name = "list-" + k;
      ProcessBuilder pb = rotation ? rotateProcess() : importProcess(name);
      long at = (long) (random.nextDouble() * 1.2 * (rotation ? rotateMillis : importMillis));
      Process proc = pb.start();
      if (proc.waitFor(at, TimeUnit.MILLISECONDS)) {
        assertThat(proc.exitValue()).isZero();
      } else {
        proc.destroyForcibly(); // SIGKILL on Linux: kill -9
        proc.waitFor();
      }
      State s = check();
      if (!rotation) {
        if (s.lists().containsKey(name)) {
          expected.put(name, ROWS);
          completeImports++;
        } else {
          partialImports++;
        }
      } else if (s.stale() > 0) {
        midRotation++;
      }
      assertThat(s.lists()).as("after kill %d", k).isEqualTo(expected);
    }
    System.out.printf(
        "ProtectCrashIT: %d kills; imports killed before commit %d, completed %d;"
            + " rotations killed midway %d (import run %d ms, rotation run %d ms)%n",
        kills, partialImports, completeImports, midRotation, importMillis, rotateMillis);
    // The kills must really have interrupted work, not only idle processes.
    if (kills >= 20) {
      assertThat(partialImports).isPositive();
      assertThat(midRotation).isPositive();
    }
  }

  record State(Map<String, Integer> lists, long stale) {}

  /** Opens the workspace, verifies audit trail and every value, and counts each list's records. */
  State check() throws Exception {
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection p = Protection.unlock(w, pass);
      AuditLog.Verification v = p.audit().verify();
      assertThat(v.ok()).as(v.problem()).isTrue();
      IdentityCheck.Result ids = new IdentityCheck(p).run();
      assertThat(ids.firstBroken()).isEmpty();
      // Exactly the values the trail accounts for: the import's entry commits with its rows.
      assertThat(ids.missing()).isZero();
      // No record outside a batch, no batch changed, no orphan person (issue 12, finding 9).
      IntegrityCheck.Result integrity = new IntegrityCheck(p).run();
      assertThat(integrity.ok()).as(integrity.problem()).isTrue();
      Map<String, Integer> lists = new java.util.LinkedHashMap<>();
      long stale = 0;
      try (Connection c = w.dataSource().getConnection()) {
        try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT s.name, COUNT(r.id) FROM source s LEFT JOIN record r ON r.source_id ="
                        + " s.id GROUP BY s.name, s.id ORDER BY s.id");
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            lists.put(rs.getString(1), rs.getInt(2));
          }
        }
        try (PreparedStatement ps =
                c.prepareStatement("SELECT wrapped_key FROM person WHERE wrapped_key IS NOT NULL");
            ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            stale += p.keys().wrappedUnderPrimary(rs.getBytes(1)) ? 0 : 1;
          }
        }
      }
      return new State(lists, stale);
    }
  }

  long timed(ProcessBuilder pb) throws Exception {
    long t0 = System.nanoTime();
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(dir.resolve("last-process.err"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isZero();
    check();
    return (System.nanoTime() - t0) / 1_000_000;
  }

  ProcessBuilder importProcess(String name) throws Exception {
    Path file = list(name, ROWS);
    return java(
        "-jar",
        System.getProperty("tumen.jar"),
        "import",
        "--list",
        name,
        file.toString(),
        "--workspace",
        ws.toString(),
        "--passphrase-file",
        pass.toString());
  }

  ProcessBuilder rotateProcess() {
    return java(
        "-jar",
        System.getProperty("tumen.jar"),
        "keys",
        "rotate",
        "--workspace",
        ws.toString(),
        "--passphrase-file",
        pass.toString());
  }

  ProcessBuilder java(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(dir.resolve("last-process.err").toFile());
  }

  /** A synthetic list in the English one-name layout. */
  Path list(String name, int rows) throws Exception {
    StringBuilder sb = new StringBuilder("rec_id,full_name,sex,birth_date,birthplace,note\n");
    for (int i = 0; i < rows; i++) {
      sb.append(name)
          .append('-')
          .append(i)
          .append(",Kim Synth")
          .append((char) ('a' + i % 26))
          .append(i)
          .append(i % 2 == 0 ? ",F," : ",M,")
          .append(1950 + i % 50)
          .append("-03-09,North Hamgyong,synthetic\n");
    }
    Path f = dir.resolve(name + ".csv");
    Files.writeString(f, sb, StandardCharsets.UTF_8);
    return f;
  }
}
