package org.tumen.link.name;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tumen.link.date.DateStandardiser;
import org.tumen.link.place.Gazetteer;
import org.tumen.model.Progress;
import org.tumen.simulate.Scenario;
import org.tumen.simulate.Simulator;

/**
 * Throughput of the standardisers on simulated lists, one thread (a benchmark, not a test; the
 * command and figures are in docs/benchmarks.md). Usage: {@code StandardisationBenchmark PEOPLE
 * [DIR]}: simulates PEOPLE people (default scenario, seed 1) into DIR unless it already holds a
 * simulation, then standardises every name, birth date and birthplace five times.
 */
public final class StandardisationBenchmark {

  private static final int ROUNDS = 5;

  private StandardisationBenchmark() {}

  public static void main(String[] args) throws IOException {
    int people = Integer.parseInt(args[0]);
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("tumen-bench");
    if (!Files.exists(dir.resolve("truth.csv"))) {
      Simulator.simulate(Scenario.defaults(), people, 1L, dir, Progress.NONE);
    }
    List<String[]> rows = read(dir);
    NameStandardiser names = new NameStandardiser();
    DateStandardiser dates = new DateStandardiser(2024);
    Gazetteer places = new Gazetteer();
    System.out.printf("%d records from %d people%n", rows.size(), people);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      long[] wall = new long[4];
      long[] used = new long[4];
      wall[0] = System.nanoTime();
      used[0] = cpu.getCurrentThreadCpuTime();
      for (String[] r : rows) {
        StandardName n = r[2] == null ? names.parts(r[0], r[1]) : names.full(r[2]);
        sink += n.given().length();
      }
      wall[1] = System.nanoTime();
      used[1] = cpu.getCurrentThreadCpuTime();
      for (String[] r : rows) {
        sink += dates.parse(r[3]).isPresent() ? 1 : 0;
      }
      wall[2] = System.nanoTime();
      used[2] = cpu.getCurrentThreadCpuTime();
      for (String[] r : rows) {
        sink += places.canonical(r[4]).length();
      }
      wall[3] = System.nanoTime();
      used[3] = cpu.getCurrentThreadCpuTime();
      System.out.printf(
          "round %d, records per CPU second (per wall second):"
              + " names %,.0f (%,.0f)  dates %,.0f (%,.0f)  places %,.0f (%,.0f)%n",
          round,
          rate(rows, used[1] - used[0]),
          rate(rows, wall[1] - wall[0]),
          rate(rows, used[2] - used[1]),
          rate(rows, wall[2] - wall[1]),
          rate(rows, used[3] - used[2]),
          rate(rows, wall[3] - wall[2]));
    }
    System.out.println("(checksum " + sink + ")");
  }

  private static double rate(List<String[]> rows, long nanos) {
    return rows.size() / (nanos / 1e9);
  }

  /** Rows of {surname, given, full name, birth date, birthplace} from every list file. */
  private static List<String[]> read(Path dir) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.csv")) {
      for (Path f : files) {
        if (f.getFileName().toString().equals("truth.csv")) {
          continue;
        }
        try (Reader in = Files.newBufferedReader(f);
            CSVParser p = CSVFormat.DEFAULT.builder().setHeader().build().parse(in)) {
          boolean split = p.getHeaderNames().size() == 7;
          for (CSVRecord r : p) {
            rows.add(
                split
                    ? new String[] {r.get(1), r.get(2), null, r.get(4), r.get(5)}
                    : new String[] {null, null, r.get(1), r.get(3), r.get(4)});
          }
        }
      }
    }
    return rows;
  }
}
