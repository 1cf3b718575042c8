package org.tumen.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.tumen.model.Progress;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.WorkspaceKeys;
import org.tumen.store.session.WorkspaceSession;

/**
 * How long unlocking takes beyond the passphrase derivation (docs/benchmarks.md): a workspace with
 * the real Argon2id cost and one list of N synthetic records; each round times the key file's
 * unlock alone (Argon2id + keyset decryption) and then the session's whole unlock (that, plus the
 * audit trail's head check and the unlock entry). Not a test: {@code java -cp ...
 * org.tumen.web.UnlockBenchmark [records] [rounds]}.
 */
public final class UnlockBenchmark {

  private UnlockBenchmark() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path dir = Files.createTempDirectory("tumen-unlock");
    char[] pass = "synthetic benchmark passphrase".toCharArray();
    Path csv = dir.resolve("list.csv");
    StringBuilder sb = new StringBuilder("id,name,birth\n");
    for (int i = 0; i < records; i++) {
      sb.append(i)
          .append(",Synthetic Person ")
          .append(i)
          .append(',')
          .append(1950 + i % 50)
          .append('\n');
    }
    Files.writeString(csv, sb, StandardCharsets.UTF_8);
    boolean cheap = args.length > 2 && args[2].equals("cheap");
    try (WorkspaceSession s = WorkspaceSession.open(dir.resolve("ws"), Optional.empty())) {
      // "cheap": 64 KiB, one pass, so that the session's unlock is almost all beyond derivation.
      s.createKeys(pass.clone(), cheap ? new Argon2Cost(64, 1, 1) : Argon2Cost.RFC9106_SECOND);
      s.workspace().importer().importList("list", csv, null, Map.of(), Progress.NONE);
    }
    System.out.printf(
        "records=%d rounds=%d argon2=%s%n", records, rounds, cheap ? "cheap" : "RFC 9106");
    try (WorkspaceSession s = WorkspaceSession.open(dir.resolve("ws"), Optional.empty())) {
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        WorkspaceKeys.unlock(s.directory(), pass.clone());
        long t1 = System.nanoTime();
        s.unlock(pass.clone());
        long t2 = System.nanoTime();
        s.lock();
        long t3 = System.nanoTime();
        double keys = (t1 - t0) / 1e6;
        double whole = (t2 - t1) / 1e6;
        System.out.printf(
            "round %d: key file unlock %.0f ms; session unlock %.0f ms; beyond derivation %.0f ms;"
                + " lock %.0f ms%n",
            r + 1, keys, whole, whole - keys, (t3 - t2) / 1e6);
      }
    }
  }
}
