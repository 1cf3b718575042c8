package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.app.LinkCommandTest.Run;

/**
 * Linkage uncertainty carried into the estimate, end to end: {@code tumen link --draws} then {@code
 * tumen estimate --clusters --draws}, on simulated lists (synthetic).
 */
class LinkageDrawsCommandTest {

  @TempDir static Path dir;
  private static Path clusters;
  private static Path draws;
  private static List<String> lists;

  @BeforeAll
  static void simulateAndLink() {
    Path sim = dir.resolve("sim");
    assertThat(
            LinkCommandTest.run(
                    "simulate", "--population", "8000", "--seed", "6", "--out", sim.toString())
                .status())
        .isZero();
    lists =
        List.of("church_a", "church_b", "returnees", "seoul_ngo", "china_detention").stream()
            .map(n -> sim.resolve(n + ".csv").toString())
            .toList();
    clusters = dir.resolve("clusters.csv");
    draws = dir.resolve("draws.csv");
    String[] args =
        concat(
            List.of("link", "--input"),
            lists,
            List.of(
                "--out", clusters.toString(), "--draws", draws.toString(), "--draw-count", "8"));
    Run r = LinkCommandTest.run(args);
    assertThat(r.status()).as(r.err()).isZero();
  }

  private static String[] concat(List<String> a, List<String> b, List<String> c) {
    return java.util.stream.Stream.of(a, b, c).flatMap(List::stream).toArray(String[]::new);
  }

  @Test
  void everyRecordIsInEveryDrawOnce() throws IOException {
    List<String> rows = Files.readAllLines(draws);
    List<String> clustered = Files.readAllLines(clusters);
    assertThat(rows.get(0))
        .isEqualTo("source,record_id,draw_1,draw_2,draw_3,draw_4,draw_5,draw_6,draw_7,draw_8");
    assertThat(rows).hasSameSizeAs(clustered);
    Set<String> records = new HashSet<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      assertThat(f).hasSize(10);
      assertThat(records.add(f[0] + "," + f[1])).isTrue();
    }
    for (String row : clustered.subList(1, clustered.size())) {
      String[] f = row.split(",");
      assertThat(records).contains(f[0] + "," + f[1]);
    }
  }

  /** The draws alone, without the linkage-errors file beside them (LinkageErrorsCommandTest). */
  @Test
  void theIntervalWidensForTheLinkage() throws IOException {
    Path draws = Files.copy(LinkageDrawsCommandTest.draws, dir.resolve("draws-alone.csv"));
    Run plain =
        LinkCommandTest.run(
            "estimate",
            "--clusters",
            clusters.toString(),
            "--method",
            "loglinear",
            "--bootstrap",
            "200",
            "--json");
    Run drawn =
        LinkCommandTest.run(
            "estimate",
            "--clusters",
            clusters.toString(),
            "--draws",
            draws.toString(),
            "--method",
            "loglinear",
            "--bootstrap",
            "200",
            "--json");
    assertThat(drawn.status()).as(drawn.err()).isZero();
    JsonNode p = new ObjectMapper().readTree(plain.out());
    JsonNode d = new ObjectMapper().readTree(drawn.out());
    JsonNode facts = d.get("diagnostics").get("convergence");
    assertThat(facts.get("estimateFromClusters").asDouble())
        .isEqualTo(p.get("estimate").asDouble());
    assertThat(facts.get("intervalFromClusters").get(0).asDouble())
        .isEqualTo(p.get("interval").get("lower").asDouble());
    // the combined interval is wider, in ratio, than the one of the clusters alone
    double plainWidth =
        Math.log(
            p.get("interval").get("upper").asDouble() / p.get("interval").get("lower").asDouble());
    double drawnWidth =
        Math.log(
            d.get("interval").get("upper").asDouble() / d.get("interval").get("lower").asDouble());
    assertThat(drawnWidth).isGreaterThanOrEqualTo(plainWidth);
    double lower = d.get("interval").get("lower").asDouble();
    double upper = d.get("interval").get("upper").asDouble();
    // the interval holds the clusters' estimate, the draws' estimate, and the geometric mean
    double fromDraws = facts.get("estimateFromDraws").asDouble();
    assertThat(p.get("estimate").asDouble()).isBetween(lower, upper);
    assertThat(fromDraws).isBetween(lower, upper);
    assertThat(d.get("estimate").asDouble())
        .isCloseTo(Math.sqrt(fromDraws * p.get("estimate").asDouble()), within(1e-6));
    JsonNode estimates = facts.get("linkageDrawEstimates");
    assertThat(estimates).hasSize(8);
    Set<Double> distinct = new HashSet<>();
    estimates.forEach(e -> distinct.add(e.asDouble()));
    assertThat(distinct).as("the draws differ").hasSizeGreaterThan(1);
  }

  @Test
  void strataCarryTheLinkageToo() throws IOException {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "estimate",
                "--clusters",
                clusters.toString(),
                "--stratify",
                "sex",
                "--method",
                "loglinear",
                "--bootstrap",
                "100",
                "--json"));
    Run plain = LinkCommandTest.run(concat(args, List.of("--input"), lists));
    args.addAll(List.of("--draws", draws.toString()));
    Run drawn = LinkCommandTest.run(concat(args, List.of("--input"), lists));
    assertThat(drawn.status()).as(drawn.err()).isZero();
    JsonNode p = new ObjectMapper().readTree(plain.out());
    JsonNode d = new ObjectMapper().readTree(drawn.out());
    // seed 6 is one where every stratum, the "unknown" sex too, has an estimable model
    assertThat(p.get("estimate").isNumber()).as(plain.out()).isTrue();
    JsonNode facts = d.get("diagnostics").get("convergence");
    assertThat(facts.get("estimateFromClusters").asDouble())
        .isEqualTo(p.get("estimate").asDouble());
    assertThat(facts.get("strata").size())
        .isEqualTo(p.at("/diagnostics/convergence/strata").size());
    assertThat(d.get("interval").get("lower").asDouble())
        .isLessThanOrEqualTo(p.get("interval").get("lower").asDouble());
  }

  /**
   * The default with draws of an older run (no errors file beside them): the combined estimate of
   * the table as linked, its interval widened by the same estimate on every drawn table, and a
   * warning that the table was not corrected.
   */
  @Test
  void theCombinedDefaultWidensForTheDrawsAndSaysTheTableIsAsLinked() throws IOException {
    Path draws = Files.copy(LinkageDrawsCommandTest.draws, dir.resolve("draws-old-run.csv"));
    List<String> common =
        List.of(
            "estimate", "--clusters", clusters.toString(), "--samples", "200", "--burnin", "500");
    Run plain = LinkCommandTest.run(concat(common, List.of("--json"), List.of()));
    Run drawn =
        LinkCommandTest.run(
            concat(common, List.of("--draws", draws.toString(), "--json"), List.of()));
    assertThat(drawn.status()).as(drawn.err()).isZero();
    JsonNode p = new ObjectMapper().readTree(plain.out());
    JsonNode d = new ObjectMapper().readTree(drawn.out());
    assertThat(d.get("method").asText()).isEqualTo("combined");
    assertThat(d.get("estimate").asDouble()).isEqualTo(p.get("estimate").asDouble());
    assertThat(d.at("/interval/lower").asDouble())
        .isLessThanOrEqualTo(p.at("/interval/lower").asDouble());
    assertThat(d.at("/interval/upper").asDouble())
        .isGreaterThanOrEqualTo(p.at("/interval/upper").asDouble());
    assertThat(d.at("/diagnostics/convergence/linkageDrawEstimates").size()).isEqualTo(8);
    assertThat(d.at("/diagnostics/warnings").toString()).contains("the table is as linked");
  }

  @Test
  void drawsNeedTheClustersTheyCameFrom() throws IOException {
    Path table = Files.writeString(dir.resolve("t.csv"), "a,b,count\n1,0,5\n0,1,4\n1,1,2\n");
    Run r =
        LinkCommandTest.run("estimate", "--table", table.toString(), "--draws", draws.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("tumen: --draws: needs --clusters CLUSTERS.csv (not --table)");

    Path other =
        Files.writeString(
            dir.resolve("other.csv"), "source,record_id,draw_1\nx,1,1\ny,1,1\ny,2,2\n");
    r =
        LinkCommandTest.run(
            "estimate", "--clusters", clusters.toString(), "--draws", other.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .contains(other.toString())
        .contains("the draws must come from the run that wrote the clusters");

    r =
        LinkCommandTest.run(
            "estimate",
            "--clusters",
            clusters.toString(),
            "--draws",
            draws.toString(),
            "--method",
            "lcmcr");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("log-linear model search only");
  }

  @Test
  void drawCountOutOfRange() {
    String[] args =
        concat(
            List.of("link", "--input"),
            lists,
            List.of(
                "--out",
                dir.resolve("o.csv").toString(),
                "--draws",
                dir.resolve("d.csv").toString(),
                "--draw-count",
                "1"));
    Run r = LinkCommandTest.run(args);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("tumen: --draw-count: must be between 2 and 1000");
    Path out = dir.resolve("o2.csv");
    r =
        LinkCommandTest.run(
            concat(
                List.of("link", "--input"),
                lists,
                List.of("--out", out.toString(), "--draw-count", "5")));
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("tumen: --draw-count: needs --draws DRAWS.csv to write them to");
    assertThat(out).as("nothing written on bad input").doesNotExist();
  }
}
