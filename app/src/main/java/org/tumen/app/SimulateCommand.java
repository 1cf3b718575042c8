package org.tumen.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tumen.model.BadInputException;
import org.tumen.simulate.Scenario;
import org.tumen.simulate.SimulationSummary;
import org.tumen.simulate.Simulator;
import org.tumen.simulate.WitnessSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tumen simulate}: a synthetic population, the lists that documented it, and the truth. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate people who crossed a border and K organisations' lists that",
      "documented some of them, each written as its organisation would, with errors.",
      "Writes one CSV per list, truth.csv (list,rec_id,person_id), scenario.json",
      "and a README. All data is synthetic. Default scenario: North Koreans in",
      "China, 1997-2004 (docs/simulation.md)."
    })
final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--population",
      paramLabel = "N",
      defaultValue = "20000",
      description = "People in the population, documented or not (default: ${DEFAULT-VALUE}).")
  int population;

  @Option(
      names = "--lists",
      paramLabel = "K",
      description = "Use the first K lists of the scenario, K >= 2 (default: all of them).")
  Integer lists;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed; the same seed gives the same files (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Folder to write into (created if needed; files of the same names are replaced).")
  Path out;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description = "Scenario JSON to use instead of the default one.")
  Path scenarioFile;

  @Option(
      names = "--write-scenario",
      paramLabel = "FILE",
      description =
          "Write the scenario (the default one, or --scenario with --lists) to FILE for editing.")
  Path writeScenario;

  @Option(
      names = "--witness-groups",
      paramLabel = "G",
      description = {
        "Travelling groups whose members are interviewed: their testimonies, events and acts",
        "go to DIR/documentation as the tables 'tumen document import' reads, with",
        "events-truth.csv (default: population / 20; 0 writes none)."
      })
  Integer witnessGroups;

  @Override
  public Integer call() throws IOException {
    if (population < 1) {
      throw new BadInputException("--population", "must be at least 1, was " + population);
    }
    int groups = witnessGroups == null ? population / 20 : witnessGroups;
    if (groups < 0) {
      throw new BadInputException("--witness-groups", "must not be negative, was " + groups);
    }
    Scenario scenario = scenarioFile == null ? Scenario.defaults() : Scenario.read(scenarioFile);
    int available = scenario.lists().size();
    int k = lists == null ? available : lists;
    if (k < 2 || k > available) {
      throw new BadInputException(
          "--lists",
          "must be between 2 and "
              + available
              + " (the lists in the scenario"
              + (available < 2 ? ", which needs at least two" : "")
              + "), was "
              + k);
    }
    scenario = scenario.firstLists(k);
    PrintWriter stdout = spec.commandLine().getOut();
    if (writeScenario != null) {
      scenario.write(writeScenario);
      stdout.println("wrote the scenario to " + writeScenario);
      if (out == null) {
        return 0;
      }
    }
    if (out == null) {
      throw new BadInputException("--out", "needed: the folder to write the lists into");
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new BadInputException("--out", out + " is a file, not a folder");
    }
    SimulationSummary s =
        Simulator.simulate(scenario, population, seed, out, TerminalProgress.forConsole());
    stdout.printf(
        "simulated %,d people (synthetic), %,d of them on at least one list; seed %d%n",
        s.population(), s.documented(), seed);
    for (SimulationSummary.ListSummary l : s.lists()) {
      stdout.printf("  %-24s %,9d records about %,9d people%n", l.name(), l.records(), l.people());
    }
    stdout.println("truth: " + s.truth());
    if (groups > 0) {
      WitnessSimulator.Summary w =
          WitnessSimulator.simulate(
              scenario, population, seed, groups, out.resolve("documentation"));
      stdout.printf(
          "witnesses (synthetic): %,d groups, %,d interviews, %,d event records of %,d true events,"
              + " %,d act rows: %s%n",
          w.groups(), w.sources(), w.eventRecords(), w.trueEvents(), w.actRows(), w.directory());
    }
    return 0;
  }
}
