package org.tumen.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.Progress;

class SimulatorTest {
  private static final int N = 20_000;
  private static final long SEED = 2026;

  @TempDir static Path dir;
  static SimulationSummary summary;

  @BeforeAll
  static void simulate() throws IOException {
    summary = Simulator.simulate(Scenario.defaults(), N, SEED, dir.resolve("a"), Progress.NONE);
  }

  static List<CSVRecord> read(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.parse(r).getRecords();
    }
  }

  @Test
  void sameSeedSameBytesDifferentSeedDifferentBytes() throws IOException {
    Path again = dir.resolve("again");
    Simulator.simulate(Scenario.defaults(), N, SEED, again, Progress.NONE);
    try (Stream<Path> files = Files.list(dir.resolve("a"))) {
      for (Path f : files.toList()) {
        assertThat(Files.readAllBytes(again.resolve(f.getFileName())))
            .as(f.getFileName().toString())
            .isEqualTo(Files.readAllBytes(f));
      }
    }
    Path other = dir.resolve("other");
    Simulator.simulate(Scenario.defaults(), N, SEED + 1, other, Progress.NONE);
    assertThat(Files.readAllBytes(other.resolve("church_a.csv")))
        .isNotEqualTo(Files.readAllBytes(dir.resolve("a/church_a.csv")));
  }

  @Test
  void everyRecordIsInTheTruthExactlyOnceAndIdsAreUniqueWithinAList() throws IOException {
    Set<String> records = new HashSet<>();
    for (SimulationSummary.ListSummary l : summary.lists()) {
      List<CSVRecord> rows = read(l.file());
      assertThat(rows.get(0).toList())
          .isEqualTo(
              Scenario.defaults().lists().stream()
                  .filter(s -> s.name().equals(l.name()))
                  .findFirst()
                  .get()
                  .headers()
                  .columns());
      Set<String> ids = new HashSet<>();
      for (CSVRecord row : rows.subList(1, rows.size())) {
        assertThat(ids.add(row.get(0))).as("duplicate rec_id " + row.get(0)).isTrue();
        records.add(l.name() + "/" + row.get(0));
        assertThat(row.get(row.size() - 1)).contains("synthetic");
      }
      assertThat(ids).hasSize((int) l.records());
    }
    List<CSVRecord> truth = read(summary.truth());
    assertThat(truth.get(0).toList()).containsExactly("list", "rec_id", "person_id");
    List<String> truthKeys = new ArrayList<>();
    for (CSVRecord row : truth.subList(1, truth.size())) {
      truthKeys.add(row.get(0) + "/" + row.get(1));
    }
    assertThat(truthKeys).doesNotHaveDuplicates();
    assertThat(new HashSet<>(truthKeys)).isEqualTo(records);
  }

  @Test
  void truthHasTheCaptureHistoriesOfTheInMemorySimulation() throws IOException {
    List<String> lists = Scenario.defaults().listNames();
    Map<String, Integer> maskByPerson = new HashMap<>();
    for (CSVRecord row : read(summary.truth()).subList(1, (int) summary.records() + 1)) {
      maskByPerson.merge(row.get(2), 1 << lists.indexOf(row.get(0)), (a, b) -> a | b);
    }
    CaptureHistories h = Simulator.captureHistories(Scenario.defaults(), N, SEED);
    assertThat(summary.documented()).isEqualTo(h.observed()).isEqualTo(maskByPerson.size());
    long[] fromTruth = new long[1 << lists.size()];
    maskByPerson.values().forEach(m -> fromTruth[m]++);
    fromTruth[0] = N - maskByPerson.size();
    assertThat(fromTruth).isEqualTo(h.patternCounts());
  }

  @Test
  void listSizesAreWithinTheirExpectedRange() {
    Scenario s = Scenario.defaults();
    for (int j = 0; j < s.lists().size(); j++) {
      SimulationSummary.ListSummary l = summary.lists().get(j);
      double q = CaptureModel.marginal(s, j);
      double sd = Math.sqrt(N * q * (1 - q));
      assertThat((double) l.people()).isBetween(N * q - 4 * sd, N * q + 4 * sd);
      // Duplicates: Binomial(people, d) extra records.
      double d = s.lists().get(j).errors().duplicate();
      double extraSd = Math.sqrt(l.people() * d * (1 - d));
      assertThat((double) (l.records() - l.people()))
          .isBetween(l.people() * d - 4 * extraSd, l.people() * d + 4 * extraSd);
    }
  }

  @Test
  void aListsFileIsTheSameWhateverListsFollowIt() throws IOException {
    Path two = dir.resolve("two");
    Simulator.simulate(Scenario.defaults().firstLists(2), N, SEED, two, Progress.NONE);
    for (String name : List.of("church_a.csv", "church_b.csv")) {
      assertThat(Files.readAllBytes(two.resolve(name)))
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(name)));
    }
    assertThat(two.resolve("returnees.csv")).doesNotExist();
  }

  @Test
  void readmeAndScenarioSayWhatTheDataAre() throws IOException {
    assertThat(Files.readString(summary.readme()))
        .contains("SYNTHETIC DATA")
        .contains("seed " + SEED)
        .contains("church_a.csv");
    assertThat(Scenario.read(summary.scenario())).isEqualTo(Scenario.defaults());
  }

  @Test
  void progressCountsEveryPerson() throws IOException {
    AtomicLong done = new AtomicLong();
    AtomicLong total = new AtomicLong();
    Progress p =
        new Progress() {
          @Override
          public void start(String task, long t) {
            total.set(t);
          }

          @Override
          public void step(long d) {
            done.addAndGet(d);
          }

          @Override
          public void finish() {}
        };
    Simulator.simulate(Scenario.defaults(), 5000, 1, dir.resolve("progress"), p);
    assertThat(total.get()).isEqualTo(5000);
    assertThat(done.get()).isEqualTo(5000);
  }
}
