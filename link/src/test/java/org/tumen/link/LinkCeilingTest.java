package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.Progress;
import org.tumen.simulate.Scenario;
import org.tumen.simulate.SimulationSummary;
import org.tumen.simulate.Simulator;
import org.tumen.simulate.TrueNames;

/** The ceiling analysis harness ({@link LinkCeiling}) on a small simulated population. */
class LinkCeilingTest {

  @TempDir Path dir;

  @Test
  void ceilingBoundsTheModelAndNamesakesAreCountedFromTheTrueNames() throws IOException {
    int population = 4_000;
    SimulationSummary s =
        Simulator.simulate(
            Scenario.defaults(), population, 5, Files.createDirectories(dir), Progress.NONE);
    List<SourceTable> tables = new ArrayList<>();
    for (SimulationSummary.ListSummary l : s.lists()) {
      tables.add(SourceTable.read(l.file()));
    }
    Map<RecordRef, String> truth = LinkCeiling.readTruth(s.truth());
    LinkSpec spec = LinkSpec.infer(tables);
    LinkResult r = new Linker().link(tables, spec, Progress.NONE);
    int[] person = LinkCeiling.persons(r, truth);

    LinkCeiling.Ceiling c = LinkCeiling.ceiling(r, person, spec.threshold());
    assertThat(c.truePairs()).isEqualTo(Evaluation.of(r, truth).truePairs());
    assertThat(c.candidateTrue()).isLessThanOrEqualTo(c.truePairs());
    // The model's decision is part of the key: the best decision by group is at least as good.
    assertThat(c.ceilingF1()).isGreaterThanOrEqualTo(c.modelF1()).isLessThanOrEqualTo(1.0);
    assertThat(c.ceilingF1()).isGreaterThanOrEqualTo(c.majorityF1());
    assertThat(c.ceilingRecall())
        .isLessThanOrEqualTo((double) c.candidateTrue() / c.truePairs() + 1e-12);
    assertThat(c.modelF1()).isGreaterThan(0.8);
    assertThat(c.heldOutF1()).isBetween(0.5, c.ceilingF1());

    Map<String, String> keys = TrueNames.namesakeKeys(Scenario.defaults(), population, 5);
    assertThat(keys).hasSize(population).containsKeys(truth.values().toArray(String[]::new));
    LinkCeiling.Namesakes n = LinkCeiling.namesakes(r, truth, keys, spec.threshold());
    assertThat(n.listedPeople()).isEqualTo(Evaluation.of(r, truth).people());
    assertThat(n.falseNamesakes()).isLessThanOrEqualTo(n.falsePairs());
    assertThat(n.missedWithNamesake()).isLessThanOrEqualTo(n.missedPairs());
    assertThat(n.missedPairs())
        .isEqualTo(Evaluation.of(r, truth).truePairs() - Evaluation.of(r, truth).correctPairs());
    // Genuine namesakes exist at this size, and there are more of them in the whole population
    // than among the people some list holds.
    assertThat(n.populationWithNamesake()).isGreaterThan(0.0);
    assertThat((double) n.listedWithNamesake() / n.listedPeople())
        .isLessThan(n.populationWithNamesake());
  }
}
