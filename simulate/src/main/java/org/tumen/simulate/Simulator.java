package org.tumen.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.tumen.model.Progress;

/**
 * The simulator's way in: draws a synthetic population person by person, decides which lists record
 * each one, and writes the lists and the truth. People are streamed, never held: memory does not
 * grow with the population.
 *
 * <p>Reproducible: the same scenario, population and seed give the same bytes. The people come from
 * one random stream and each list captures and writes from streams of its own, so a list's file is
 * the same whichever other lists run with it ({@link Scenario#firstLists}).
 */
public final class Simulator {
  private static final int PROGRESS_STEP = 4096;
  private static final int BUFFER = 1 << 16;

  private Simulator() {}

  /**
   * Simulates {@code population} people and writes, into {@code outDir} (created if needed; files
   * of the same names are replaced): one CSV per list named after the list, {@code truth.csv} with
   * {@code list,rec_id,person_id} for every record, {@code scenario.json} and a README saying the
   * data are synthetic.
   */
  public static SimulationSummary simulate(
      Scenario scenario, int population, long seed, Path outDir, Progress progress)
      throws IOException {
    checkPopulation(population);
    Files.createDirectories(outDir);
    List<ListSpec> specs = scenario.lists();
    List<ListWriter> writers = new ArrayList<>(specs.size());
    Path truthFile = outDir.resolve("truth.csv");
    long documented = 0;
    progress.start("simulating people", population);
    try (CSVPrinter truth = new CSVPrinter(writer(truthFile), Csv.FORMAT)) {
      truth.printRecord("list", "rec_id", "person_id");
      try {
        for (int j = 0; j < specs.size(); j++) {
          ListSpec spec = specs.get(j);
          writers.add(
              new ListWriter(
                  spec,
                  scenario.maxInterviewDelayDays(),
                  writer(outDir.resolve(spec.name() + ".csv")),
                  truth,
                  RandomStreams.render(seed, j)));
        }
        PopulationGenerator people = new PopulationGenerator(scenario, seed);
        CaptureModel capture = new CaptureModel(scenario, seed);
        for (int i = 0; i < population; i++) {
          Person p = people.next();
          int mask = capture.draw(p);
          if (mask != 0) {
            documented++;
            for (int j = 0; j < writers.size(); j++) {
              if ((mask & (1 << j)) != 0) {
                writers.get(j).record(p);
              }
            }
          }
          if ((i + 1) % PROGRESS_STEP == 0) {
            progress.step(PROGRESS_STEP);
          }
        }
        progress.step(population % PROGRESS_STEP);
      } finally {
        closeAll(writers);
      }
    } finally {
      progress.finish();
    }
    List<SimulationSummary.ListSummary> lists = new ArrayList<>();
    for (int j = 0; j < writers.size(); j++) {
      ListWriter w = writers.get(j);
      lists.add(
          new SimulationSummary.ListSummary(
              specs.get(j).name(),
              outDir.resolve(specs.get(j).name() + ".csv"),
              w.records(),
              w.people()));
    }
    Path scenarioFile = outDir.resolve("scenario.json");
    scenario.write(scenarioFile);
    Path readme = outDir.resolve("README.txt");
    Files.writeString(readme, Readme.text(scenario, population, seed, documented, lists));
    return new SimulationSummary(population, documented, lists, truthFile, readme, scenarioFile);
  }

  /**
   * The true capture histories of {@code population} people, computed without writing anything.
   * They are exactly the histories in the truth file that {@link #simulate} writes with the same
   * scenario, population and seed (duplicates aside, which do not change a history).
   */
  public static CaptureHistories captureHistories(Scenario scenario, int population, long seed) {
    checkPopulation(population);
    PopulationGenerator people = new PopulationGenerator(scenario, seed);
    CaptureModel capture = new CaptureModel(scenario, seed);
    int[] masks = new int[Math.max(16, Math.min(population, 1 << 16))];
    int n = 0;
    for (int i = 0; i < population; i++) {
      int m = capture.draw(people.next());
      if (m != 0) {
        if (n == masks.length) {
          masks = Arrays.copyOf(masks, masks.length * 2);
        }
        masks[n++] = m;
      }
    }
    return new CaptureHistories(scenario.listNames(), population, Arrays.copyOf(masks, n));
  }

  private static void checkPopulation(int population) {
    if (population < 0) {
      throw new IllegalArgumentException("population must not be negative, was " + population);
    }
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), BUFFER);
  }

  private static void closeAll(List<ListWriter> writers) throws IOException {
    IOException first = null;
    for (ListWriter w : writers) {
      try {
        w.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
