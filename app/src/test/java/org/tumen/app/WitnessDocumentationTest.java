package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tumen.app.CliRun.Run;
import org.tumen.document.event.EventClusters;
import org.tumen.document.event.EventDeduplicator;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Source;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.report.DocumentationSummary;
import org.tumen.simulate.Scenario;
import org.tumen.simulate.WitnessSimulator;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Protection;

/**
 * The simulated witnesses (issue 13, item 7): {@code tumen simulate} writes the tables {@code tumen
 * document import} reads, and event de-duplication is scored on them against the simulator's truth.
 * All data synthetic.
 */
class WitnessDocumentationTest {

  @TempDir Path dir;

  static Documentation read(Path d) {
    return new DocumentationImport(Vocabularies.standard(), Gazetteer.standard())
        .read(
            d.resolve("sources.csv"),
            d.resolve("people.csv"),
            d.resolve("acts.csv"),
            new DocumentationImport.Stored(Set.of(), Set.of(), java.util.Map.of()));
  }

  @Test
  void simulateWritesTablesThatTheImportReadsIntoASealedWorkspace() throws Exception {
    Path sim = dir.resolve("sim");
    Run s =
        CliRun.run(
            "simulate",
            "--population",
            "4000",
            "--seed",
            "3",
            "--out",
            sim.toString(),
            "--witness-groups",
            "150");
    assertThat(s.status()).as(s.err()).isZero();
    assertThat(s.out()).contains("witnesses (synthetic): 150 groups");
    Path docs = sim.resolve("documentation");
    assertThat(docs.resolve("README.txt")).content().contains("SYNTHETIC DATA");
    Documentation d = read(docs);
    assertThat(d.sources()).isNotEmpty();
    for (Source src : d.sources()) {
      assertThat(src.text().orElseThrow())
          .satisfiesAnyOf(
              t -> assertThat(t).startsWith("[합성 자료"), t -> assertThat(t).startsWith("[Synthetic"));
    }
    // the people are the population's, by the ids of truth.csv
    String truth = Files.readString(sim.resolve("truth.csv"));
    long known =
        Files.readAllLines(docs.resolve("people.csv")).stream()
            .skip(1)
            .filter(p -> truth.contains("," + p + "\n"))
            .count();
    assertThat(known).isPositive();
    // acts follow the journeys: forced returns by China's police, torture in the DPRK
    assertThat(d.acts()).anySatisfy(a -> assertThat(a.type().code()).isEqualTo("forced-return"));
    assertThat(d.events()).anySatisfy(e -> assertThat(e.chain()).isNotEmpty());

    Path ws = dir.resolve("ws");
    Path pass = dir.resolve("pass.txt");
    Files.writeString(pass, "synthetic test passphrase\n");
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection.initialise(w, "synthetic test passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
    }
    Run imported =
        CliRun.inWorkspace(
            ws,
            pass,
            "document",
            "import",
            "--sources",
            docs.resolve("sources.csv").toString(),
            "--people",
            docs.resolve("people.csv").toString(),
            docs.resolve("acts.csv").toString());
    assertThat(imported.status()).as(imported.err()).isZero();
    assertThat(imported.out())
        .startsWith(
            "imported " + d.sources().size() + " sources, " + d.events().size() + " events");
  }

  @Test
  void theSameSeedGivesTheSameBytes() throws Exception {
    WitnessSimulator.simulate(Scenario.defaults(), 2000, 9, 80, dir.resolve("a"));
    WitnessSimulator.simulate(Scenario.defaults(), 2000, 9, 80, dir.resolve("b"));
    for (String f : new String[] {"sources.csv", "people.csv", "acts.csv", "events-truth.csv"}) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void eventDeduplicationFindsTheSameEventWithPrecisionAndRecallAbove095(long seed)
      throws Exception {
    Path d = dir.resolve("w" + seed);
    WitnessSimulator.Summary sim =
        WitnessSimulator.simulate(Scenario.defaults(), 12_000, seed, 3000, d);
    Documentation doc = read(d);
    EventClusters clusters = new EventDeduplicator(Gazetteer.standard()).deduplicate(doc);
    DocumentationSummary.Deduplication q =
        DemoDocumentation.score(
            DemoDocumentation.trueEvents(d.resolve("events-truth.csv")), clusters);
    System.out.printf(
        "simulated witnesses, seed %d: %d interviews, %d event records of %d true events, %d true"
            + " pairs: precision %.4f, recall %.4f%n",
        seed,
        sim.sources(),
        sim.eventRecords(),
        sim.trueEvents(),
        q.truePairs(),
        q.precision(),
        q.recall());
    assertThat(q.truePairs()).isGreaterThan(500);
    assertThat(q.precision()).isGreaterThanOrEqualTo(0.95);
    assertThat(q.recall()).isGreaterThanOrEqualTo(0.95);
    // the baseline it must beat: without de-duplication no pair is found
    DocumentationSummary.Deduplication none =
        DemoDocumentation.score(
            DemoDocumentation.trueEvents(d.resolve("events-truth.csv")),
            EventClusters.none(doc.events().stream().map(e -> e.id()).toList()));
    assertThat(none.recall()).isZero();
  }
}
