package org.tumen.link.name;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tumen.model.Progress;
import org.tumen.model.documentation.Consent;
import org.tumen.model.documentation.ConsentGrant;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Reliability;
import org.tumen.model.documentation.Source;
import org.tumen.model.documentation.SourceKind;
import org.tumen.simulate.Scenario;
import org.tumen.simulate.Simulator;

/**
 * What the name variants of the search cost (a benchmark, not a test; command and figures in
 * docs/benchmarks.md): the simulator's names (default scenario, seed 1), each set in one synthetic
 * testimony sentence of its script (Hangul, Han or Latin), then {@link NameVariants#of} over all
 * the texts (done once per build of the search index) and 1,000 look-ups. Usage: {@code
 * NameVariantsBenchmark PEOPLE [DIR]}.
 */
public final class NameVariantsBenchmark {

  private NameVariantsBenchmark() {}

  public static void main(String[] args) throws IOException {
    int people = Integer.parseInt(args[0]);
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("tumen-bench");
    if (!Files.exists(dir.resolve("truth.csv"))) {
      Simulator.simulate(Scenario.defaults(), people, 1L, dir, Progress.NONE);
    }
    List<String> names = names(dir);
    List<Source> texts = new ArrayList<>();
    Consent consent =
        new Consent(List.of(ConsentGrant.of(ConsentUse.STORE, LocalDate.of(2004, 6, 1))));
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      String text =
          n.chars().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3)
              ? "합성 증언: " + n + "가 회령에서 강을 건넜다고 하였다."
              : n.chars().anyMatch(Character::isIdeographic)
                  ? "合成证词：" + n + "在会宁过江。"
                  : "Synthetic testimony: " + n + " crossed the river at Hoeryong.";
      texts.add(
          new Source(
              "s" + i,
              SourceKind.INTERVIEW,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              "NGO A",
              consent,
              Reliability.HIGH,
              Optional.of(text)));
    }
    Documentation d = new Documentation(texts, List.of(), List.of(), List.of());
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= 3; round++) {
      long w0 = System.nanoTime();
      long c0 = cpu.getCurrentThreadCpuTime();
      NameVariants v = NameVariants.of(d);
      long w1 = System.nanoTime();
      long c1 = cpu.getCurrentThreadCpuTime();
      long found = 0;
      for (int q = 0; q < 1000; q++) {
        found += v.variants(names.get((q * 7919) % names.size())).size();
      }
      long w2 = System.nanoTime();
      long c2 = cpu.getCurrentThreadCpuTime();
      System.out.printf(
          "round %d: %,d texts; of() %.2f s CPU (%.2f s wall); 1,000 look-ups %.1f ms CPU"
              + " (%.1f ms wall), %,d variants%n",
          round,
          texts.size(),
          (c1 - c0) / 1e9,
          (w1 - w0) / 1e9,
          (c2 - c1) / 1e6,
          (w2 - w1) / 1e6,
          found);
    }
  }

  /** The full names of every list file (surname and given name joined when split). */
  private static List<String> names(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.csv")) {
      for (Path f : files) {
        if (f.getFileName().toString().equals("truth.csv")) {
          continue;
        }
        try (Reader in = Files.newBufferedReader(f);
            CSVParser p = CSVFormat.DEFAULT.builder().setHeader().build().parse(in)) {
          boolean split = p.getHeaderNames().size() == 7;
          for (CSVRecord r : p) {
            String n = split ? join(r.get(1), r.get(2)) : r.get(1);
            if (!n.isBlank()) {
              out.add(n);
            }
          }
        }
      }
    }
    return out;
  }

  /** Hangul and Han names are written without a space, romanised ones with one. */
  private static String join(String surname, String given) {
    boolean cjk =
        !surname.isEmpty() && Character.isIdeographic(surname.codePointAt(0))
            || surname.chars().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
    return (cjk ? surname + given : surname + " " + given).strip();
  }
}
