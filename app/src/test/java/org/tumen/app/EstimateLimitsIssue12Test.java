package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, finding 10: {@code estimate} had no guard on the number of lists; 15 lists ran past 100
 * s, 25 and 30 threw OutOfMemoryError with a stack trace. Beyond each method's measured limit
 * (docs/benchmarks.md) it now refuses at once, with exit status 2 and one line saying why.
 */
class EstimateLimitsIssue12Test {

  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  static Run tumen(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  /** A capture table over {@code k} lists: each list alone, and each pair of neighbours. */
  Path table(int k) throws Exception {
    List<String> lines = new ArrayList<>();
    List<String> header = new ArrayList<>();
    for (int j = 1; j <= k; j++) {
      header.add("list" + j);
    }
    header.add("count");
    lines.add(String.join(",", header));
    for (int j = 0; j < k; j++) {
      for (int width = 1; width <= 2 && j + width <= k; width++) {
        StringBuilder row = new StringBuilder();
        for (int c = 0; c < k; c++) {
          row.append(c >= j && c < j + width ? "1," : "0,");
        }
        lines.add(row.append(7 + j).toString());
      }
    }
    Path f = dir.resolve("t" + k + ".csv");
    Files.write(f, lines);
    return f;
  }

  /** Clusters over {@code k} sources, one record each and one shared by the first two. */
  Path clusters(int k) throws Exception {
    List<String> lines = new ArrayList<>(List.of("source,record_id,cluster_id"));
    for (int j = 1; j <= k; j++) {
      lines.add("list" + j + ",1," + j);
    }
    lines.add("list2,2,1");
    Path f = dir.resolve("c" + k + ".csv");
    Files.write(f, lines);
    return f;
  }

  @Test
  void finding10TwentyFiveAndThirtyListsAreRefusedInOneLineWhereTheyCannotFinish()
      throws Exception {
    for (int k : new int[] {25, 30}) {
      for (String method : List.of("combined", "loglinear", "lcmcr", "chao", "all")) {
        if (k == 25 && method.equals("lcmcr")) {
          continue; // LCMCR finishes on 25 lists (docs/benchmarks.md)
        }
        Run r = tumen("estimate", "--table", table(k).toString(), "--method", method);
        assertThat(r.status()).as(k + " " + method + ": " + r.err()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains(k + " lists are more than").doesNotContain("Exception");
      }
    }
  }

  @Test
  void finding10SixteenListsAreRefusedForTheLogLinearSearchFromATableOrClusters() throws Exception {
    // The combined default runs the log-linear search among others: its limit is log-linear's.
    Run fromTable = tumen("estimate", "--table", table(16).toString());
    assertThat(fromTable.status()).isEqualTo(2);
    assertThat(fromTable.err())
        .startsWith("tumen: --method combined: 16 lists are more than loglinear can estimate")
        .contains("15 at most");
    Run loglinear = tumen("estimate", "--table", table(16).toString(), "--method", "loglinear");
    assertThat(loglinear.err())
        .startsWith("tumen: --method loglinear: 16 lists are more than loglinear can estimate");
    Run fromClusters = tumen("estimate", "--clusters", clusters(16).toString());
    assertThat(fromClusters.status()).isEqualTo(2);
    assertThat(fromClusters.err()).contains("16 lists are more than loglinear");
  }

  @Test
  void withinTheLimitsNothingIsRefused() throws Exception {
    for (String method : List.of("loglinear", "chao")) {
      Run r =
          tumen("estimate", "--table", table(4).toString(), "--method", method, "--bootstrap", "0");
      assertThat(r.status()).as(method + ": " + r.err()).isZero();
    }
    EstimateLimits.check("all", 15);
    EstimateLimits.check("combined", 15);
    EstimateLimits.check("chao", 22);
    EstimateLimits.check("lcmcr", 25);
  }
}
