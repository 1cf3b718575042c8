package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.app.LinkCommandTest.Run;

/**
 * The linkage's expected errors carried into the count, end to end: {@code tumen link --draws}
 * writes them beside the draws, {@code tumen estimate --clusters --draws} corrects the table for
 * them (simulated lists, synthetic).
 */
class LinkageErrorsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static Path clusters;
  private static Path draws;
  private static Path errors;
  private static List<String> lists;

  @BeforeAll
  static void simulateAndLink() {
    Path sim = dir.resolve("sim");
    assertThat(
            LinkCommandTest.run(
                    "simulate", "--population", "6000", "--seed", "4", "--out", sim.toString())
                .status())
        .isZero();
    lists =
        Stream.of("church_a", "church_b", "returnees", "seoul_ngo", "china_detention")
            .map(n -> sim.resolve(n + ".csv").toString())
            .toList();
    clusters = dir.resolve("clusters.csv");
    draws = dir.resolve("draws.csv");
    Run r =
        LinkCommandTest.run(
            args(
                List.of("link", "--input"),
                lists,
                List.of(
                    "--out",
                    clusters.toString(),
                    "--draws",
                    draws.toString(),
                    "--draw-count",
                    "6")));
    assertThat(r.status()).as(r.err()).isZero();
    errors = dir.resolve("draws.errors.json");
  }

  private static String[] args(List<String> a, List<String> b, List<String> c) {
    return Stream.of(a, b, c).flatMap(List::stream).toArray(String[]::new);
  }

  @Test
  void linkWritesTheExpectedErrorsBesideTheDraws() throws IOException {
    JsonNode e = JSON.readTree(errors.toFile());
    assertThat(e.get("format").asText()).isEqualTo("tumen-linkage-errors/2");
    assertThat(e.get("records").asLong()).isEqualTo(Files.readAllLines(clusters).size() - 1);
    assertThat(e.get("sources")).hasSize(5);
    // every pair of lists and every list with itself
    assertThat(e.get("pairs")).hasSize(15);
    double missed = 0;
    for (JsonNode p : e.get("pairs")) {
      assertThat(p.get("expected_false").asDouble())
          .isBetween(0.0, p.get("linked_pairs").asDouble());
      missed +=
          p.get("expected_missed_compared").asDouble()
              + p.get("expected_missed_outside_blocks").asDouble();
    }
    assertThat(missed).as("a linkage of dirty lists expects to miss some links").isPositive();
  }

  @Test
  void theEstimateComesFromTheCorrectedTable() throws IOException {
    Run plain =
        LinkCommandTest.run(
            "estimate",
            "--clusters",
            clusters.toString(),
            "--method",
            "loglinear",
            "--bootstrap",
            "100",
            "--json");
    // The log-linear search on both sides: --draws (below) takes only it, so like meets like.
    Run corrected =
        LinkCommandTest.run(
            "estimate",
            "--clusters",
            clusters.toString(),
            "--method",
            "loglinear",
            "--errors",
            errors.toString(),
            "--bootstrap",
            "100",
            "--json");
    assertThat(corrected.status()).as(corrected.err()).isZero();
    JsonNode p = JSON.readTree(plain.out());
    JsonNode c = JSON.readTree(corrected.out());
    JsonNode facts = c.at("/diagnostics/convergence/linkageCorrection");
    assertThat(facts.get("observedAsLinked").asLong()).isEqualTo(p.get("observed").asLong());
    assertThat(c.get("observed").asLong()).isEqualTo(facts.get("observedCorrected").asLong());
    assertThat(facts.get("estimateUncorrected").asDouble())
        .isCloseTo(p.get("estimate").asDouble(), org.assertj.core.api.Assertions.within(0.5));
    // more missed than false links expected: fewer people once corrected, and a lower estimate
    assertThat(facts.get("expectedMissedLinks").asDouble())
        .isGreaterThan(facts.get("expectedFalseLinks").asDouble());
    assertThat(c.get("observed").asLong()).isLessThan(p.get("observed").asLong());
    assertThat(c.get("estimate").asDouble()).isLessThan(p.get("estimate").asDouble());
    assertThat(c.at("/diagnostics/warnings").toString()).contains("linkage errors: the table");
  }

  @Test
  void withTheDrawsTheEstimateIsTheCorrectedTablesWithAWiderInterval() throws IOException {
    // the combined default (a short LCMCR run) and the log-linear search take the draws alike
    for (List<String> method :
        List.of(
            List.of("--samples", "200", "--burnin", "500"),
            List.of("--method", "loglinear", "--bootstrap", "100"))) {
      List<String> alone =
          new java.util.ArrayList<>(
              List.of("estimate", "--clusters", clusters.toString(), "--json"));
      alone.addAll(method);
      List<String> drawn = new java.util.ArrayList<>(alone);
      alone.addAll(List.of("--errors", errors.toString()));
      drawn.addAll(List.of("--draws", draws.toString()));
      Run plain = LinkCommandTest.run(alone.toArray(String[]::new));
      Run across = LinkCommandTest.run(drawn.toArray(String[]::new));
      assertThat(across.status()).as(across.err()).isZero();
      JsonNode a = JSON.readTree(plain.out());
      JsonNode d = JSON.readTree(across.out());
      assertThat(d.at("/diagnostics/convergence/linkageCorrection").isObject())
          .as("the errors file beside the draws is used by default")
          .isTrue();
      assertThat(d.get("method").asText()).isEqualTo(a.get("method").asText());
      assertThat(d.get("estimate").asDouble()).isEqualTo(a.get("estimate").asDouble());
      assertThat(d.at("/interval/lower").asDouble())
          .isLessThanOrEqualTo(a.at("/interval/lower").asDouble());
      assertThat(d.at("/interval/upper").asDouble())
          .isGreaterThanOrEqualTo(a.at("/interval/upper").asDouble());
      assertThat(d.at("/diagnostics/convergence/linkageDrawEstimates")).hasSize(6);
    }
  }

  @Test
  void anErrorsFileOfAnotherRunIsBadInput() throws IOException {
    Path other = dir.resolve("other-clusters.csv");
    List<String> rows = Files.readAllLines(clusters);
    Files.write(other, rows.subList(0, rows.size() - 1));
    Run r =
        LinkCommandTest.run(
            "estimate", "--clusters", other.toString(), "--errors", errors.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .startsWith("tumen: " + errors)
        .contains("must come from the run that wrote the clusters");
  }

  @Test
  void aClustersFileWithAnUnknownSourceIsBadInput() throws IOException {
    Path other = dir.resolve("unknown-source.csv");
    List<String> rows = new java.util.ArrayList<>(Files.readAllLines(clusters));
    rows.add("nowhere,x1,999999");
    Files.write(other, rows);
    Run r =
        LinkCommandTest.run(
            "estimate", "--clusters", other.toString(), "--errors", errors.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .startsWith("tumen: " + other)
        .contains("source 'nowhere' is not among the lists");
  }

  @Test
  void notAnErrorsFileOrNotWhereItFitsIsBadInput() throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.json"), "{\"format\": \"something else\"}");
    Run r =
        LinkCommandTest.run(
            "estimate", "--clusters", clusters.toString(), "--errors", junk.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").contains("not a linkage-errors file");

    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"format\": ");
    r =
        LinkCommandTest.run(
            "estimate", "--clusters", clusters.toString(), "--errors", broken.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").contains("cannot read as JSON");

    Path table = Files.writeString(dir.resolve("t.csv"), "a,b,count\n1,0,5\n0,1,4\n1,1,2\n");
    r = LinkCommandTest.run("estimate", "--table", table.toString(), "--errors", errors.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("tumen: --errors: needs --clusters CLUSTERS.csv (not --table)");
  }
}
