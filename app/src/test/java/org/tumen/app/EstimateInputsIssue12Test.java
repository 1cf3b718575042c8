package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Issue 12, finding 11: {@code estimate --clusters … --stratify … --input …} accepted clusters that
 * did not match the lists (records missing, unknown sources) and estimated anyway. Simulated lists,
 * the true people as clusters.
 */
class EstimateInputsIssue12Test {

  @TempDir static Path dir;
  static List<String> truth;
  static List<String> inputs = new ArrayList<>();

  @BeforeAll
  static void simulate() throws Exception {
    SimulationSummary sim = Simulator.simulate(Scenario.defaults(), 1500, 5, dir, Progress.NONE);
    sim.lists().forEach(l -> inputs.add(l.file().toString()));
    truth = new ArrayList<>(Files.readAllLines(sim.truth()));
    truth.set(0, "source,record_id,cluster_id");
  }

  record Run(int status, String out, String err) {}

  static Run estimate(List<String> clusterLines) throws Exception {
    Path clusters = Files.createTempFile(dir, "clusters", ".csv");
    Files.write(clusters, clusterLines);
    List<String> args =
        new ArrayList<>(
            List.of(
                "estimate",
                "--clusters",
                clusters.toString(),
                "--stratify",
                "sex",
                "--bootstrap",
                "20",
                "--input"));
    args.addAll(inputs);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void finding11ClustersOfTheListsAreAccepted() throws Exception {
    Run r = estimate(truth);
    assertThat(r.status()).as(r.err()).isZero();
  }

  @Test
  void finding11ClustersLackingARecordAreRefused() throws Exception {
    List<String> lacking = new ArrayList<>(truth);
    String dropped = lacking.remove(7);
    Run r = estimate(lacking);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    String[] c = dropped.split(",");
    assertThat(r.err())
        .contains("lacks record " + c[1] + " of " + c[0])
        .contains("must come from tumen link on the same --input lists");
  }

  @Test
  void finding11ClustersWithAnUnknownSourceOrRecordAreRefused() throws Exception {
    List<String> unknownSource = new ArrayList<>(truth);
    unknownSource.add("church_z,1,P-extra");
    Run r = estimate(unknownSource);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("names the source church_z, which no --input file is named after");

    List<String> unknownRecord = new ArrayList<>(truth);
    String source = truth.get(1).split(",")[0];
    unknownRecord.add(source + ",999999,P-extra");
    Run s = estimate(unknownRecord);
    assertThat(s.status()).isEqualTo(2);
    assertThat(s.err()).contains("holds record 999999 of " + source);
  }
}
