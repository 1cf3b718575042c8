package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.Progress;
import org.tumen.simulate.Scenario;
import org.tumen.simulate.SimulationSummary;
import org.tumen.simulate.Simulator;

/** {@code tumen estimate --stratify} on simulated lists, with the true people as clusters. */
class EstimateStratifyTest {

  @TempDir static Path dir;
  static Path clusters;
  static List<String> inputs = new ArrayList<>();

  @BeforeAll
  static void simulate() throws Exception {
    SimulationSummary sim = Simulator.simulate(Scenario.defaults(), 6000, 11, dir, Progress.NONE);
    sim.lists().forEach(l -> inputs.add(l.file().toString()));
    // The truth as clusters: each true person is one cluster (list,rec_id,person_id).
    List<String> lines = new ArrayList<>(Files.readAllLines(sim.truth()));
    lines.set(0, "source,record_id,cluster_id");
    clusters = dir.resolve("clusters.csv");
    Files.write(clusters, lines);
  }

  private static String[] args(String... extra) {
    List<String> a = new ArrayList<>(List.of("estimate", "--clusters", clusters.toString()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void theTotalIsTheSumOfTheStrataAndEveryObservedPersonIsInOne() throws Exception {
    StringWriter out = new StringWriter();
    String[] a =
        args(
            "--stratify", "sex", "--method", "loglinear", "--bootstrap", "40", "--json", "--input");
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(inputs);
    int exit =
        Main.run(
            all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertThat(exit).isZero();
    JsonNode e = new ObjectMapper().readTree(out.toString());
    JsonNode strata = e.at("/diagnostics/convergence/strata");
    assertThat(strata.has("F") && strata.has("M")).isTrue();
    double sum = 0;
    long observed = 0;
    for (JsonNode s : strata) {
      sum += s.get("estimate").asDouble();
      observed += s.get("observed").asLong();
    }
    assertThat(e.get("estimate").asDouble())
        .isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(observed).isEqualTo(e.get("observed").asLong());
    long people =
        Files.lines(clusters)
            .skip(1)
            .map(l -> l.substring(l.lastIndexOf(',') + 1))
            .distinct()
            .count();
    assertThat(observed).isEqualTo(people);
  }

  /**
   * The default by strata: every method adds up its own strata, then the methods' totals are
   * averaged, so the total is not the sum of the strata's averages but lies between the methods'
   * totals, and everybody observed is in one stratum.
   */
  @Test
  void theCombinedDefaultAddsUpEachMethodsStrata() throws Exception {
    StringWriter out = new StringWriter();
    List<String> all =
        new ArrayList<>(
            List.of(args("--stratify", "sex", "--samples", "200", "--burnin", "500", "--json")));
    all.add("--input");
    all.addAll(inputs);
    int exit =
        Main.run(
            all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertThat(exit).isZero();
    JsonNode e = new ObjectMapper().readTree(out.toString());
    assertThat(e.get("method").asText()).isEqualTo("combined");
    JsonNode strata = e.at("/diagnostics/convergence/strata");
    assertThat(strata.has("F") && strata.has("M")).isTrue();
    long observed = 0;
    for (JsonNode s : strata) {
      observed += s.get("observed").asLong();
    }
    assertThat(observed).isEqualTo(e.get("observed").asLong());
    if (e.get("estimate").isNull()) {
      // a small stratum (here "unknown") in which some list shares no one with another: no total,
      // and the reason names the stratum
      assertThat(e.at("/diagnostics/inestimable").asText())
          .startsWith("stratum ")
          .contains("shares no one with any other list");
      assertThat(strata.get("F").get("estimate").isNumber()).isTrue();
      return;
    }
    double lowest = Double.POSITIVE_INFINITY;
    double highest = 0;
    for (JsonNode c : e.at("/diagnostics/convergence/components")) {
      lowest = Math.min(lowest, c.asDouble());
      highest = Math.max(highest, c.asDouble());
    }
    double total = e.get("estimate").asDouble();
    assertThat(total).isBetween(lowest - 1, highest + 1);
    assertThat(e.at("/interval/lower").asDouble()).isLessThan(total);
  }

  @Test
  void refusesAnUnknownFieldOrMissingListsInOneLine() {
    for (String[] a :
        List.of(
            args("--stratify", "age", "--input", inputs.get(0)),
            args("--stratify", "sex"),
            args("--stratify", "sex", "--method", "lcmcr", "--input", inputs.get(0)))) {
      StringWriter err = new StringWriter();
      int exit = Main.run(a, new PrintWriter(new StringWriter()), new PrintWriter(err));
      assertThat(exit).isEqualTo(Main.BAD_INPUT);
      assertThat(err.toString().lines()).hasSize(1);
      assertThat(err.toString()).startsWith("tumen: --stratify: ");
    }
  }
}
