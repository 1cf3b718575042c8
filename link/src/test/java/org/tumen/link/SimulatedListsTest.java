package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.Progress;
import org.tumen.simulate.Scenario;
import org.tumen.simulate.SimulationSummary;
import org.tumen.simulate.Simulator;

/**
 * Five simulated lists in mixed scripts (Hangul, Hanja, RR, McCune–Reischauer, DPRK, passport,
 * pinyin), 20,000 people. Issue 5 asks for pairwise F1 ≥ 0.93 and clusters within 3% of the true
 * number of people. On this seed (1) the linker reaches F1 0.932 and +1.3% (0.931 to 0.934 on seeds
 * 3, 7 and 11), but less on larger lists (docs/linkage.md says where it falls short); the F1 floor
 * asserted here is a little under the measured figure, to catch regressions.
 */
class SimulatedListsTest {

  @TempDir Path dir;

  static Linked link(Path dir, int population, long seed) throws IOException {
    SimulationSummary s =
        Simulator.simulate(Scenario.defaults(), population, seed, dir, Progress.NONE);
    List<SourceTable> tables = new ArrayList<>();
    for (SimulationSummary.ListSummary l : s.lists()) {
      tables.add(SourceTable.read(l.file()));
    }
    Map<RecordRef, String> truth = new HashMap<>();
    for (List<String> row : SourceTable.read(s.truth()).rows()) {
      truth.put(new RecordRef(row.get(0), row.get(1)), row.get(2));
    }
    LinkResult r = new Linker().link(tables, LinkSpec.infer(tables), Progress.NONE);
    Evaluation e = Evaluation.of(r, truth);
    System.out.printf(
        "simulated %d people: %d records, P %.4f R %.4f F1 %.4f clusters %d people %d"
            + " blocking recall %.4f%n",
        population,
        r.size(),
        e.precision(),
        e.recall(),
        e.f1(),
        e.clusters(),
        e.people(),
        e.blockingRecall());
    e.byNameForms()
        .forEach(
            (k, c) ->
                System.out.printf(
                    "  %-22s true %6d linked %6d P %.4f R %.4f F1 %.4f%n",
                    k, c.truePairs(), c.predictedPairs(), c.precision(), c.recall(), c.f1()));
    r.model().notes().forEach(n -> System.out.println("  " + n));
    r.model().fields().forEach(f -> System.out.println("  " + f));
    return new Linked(r, e);
  }

  record Linked(LinkResult result, Evaluation evaluation) {}

  @Test
  void twentyThousandPeople() throws IOException {
    Evaluation e = link(Files.createDirectories(dir.resolve("sim")), 20_000, 1).evaluation();
    assertThat(e.f1()).isGreaterThanOrEqualTo(0.925);
    assertThat(e.precision()).isGreaterThanOrEqualTo(0.94);
    assertThat(e.blockingRecall()).isGreaterThanOrEqualTo(0.975);
    assertThat(Math.abs(e.clusters() - e.people())).isLessThanOrEqualTo((int) (0.03 * e.people()));
  }
}
