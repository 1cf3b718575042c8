package org.tumen.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How long {@code tumen report} (HTML and PDF) and {@code tumen publish} of 200 stories take
 * (docs/benchmarks.md): a synthetic workspace of ACTS acts ({@link PublicationFixture}), 200
 * generated stories in English, Korean and Chinese, each with an inline count, a total, a table or
 * a chart, the estimate and, one in four, the consented quote. Each command runs in process, after
 * one warm-up run, REPEATS times; wall and process CPU time. Run with the shaded jar on the class
 * path:
 *
 * <pre>
 * java -cp app/target/tumen.jar:app/target/test-classes org.tumen.app.PublicationBenchmark DIR [ACTS] [REPEATS]
 * </pre>
 */
final class PublicationBenchmark {
  private static final com.sun.management.OperatingSystemMXBean PROCESS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private PublicationBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int acts = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Files.createDirectories(dir);
    Path pass = PublicationFixture.create(dir, acts);
    Path stories = dir.resolve("stories");
    Files.createDirectories(stories);
    String[] langs = {"en", "ko", "zh"};
    String[] tables = {"acts-by-act-type", "acts-by-year", "acts-by-place"};
    for (int i = 0; i < 200; i++) {
      String table = tables[i % 3];
      String body =
          "Documented: {{count acts-by-act-type forced-return}} of {{total acts-by-act-type}}.\n\n"
              + (i % 2 == 0 ? "{{table " : "{{chart ")
              + table
              + "}}\n\n{{estimate-chart}}\n\n{{law forced-return}}\n"
              + (i % 4 == 0 ? "\n{{quote " + PublicationFixture.QUOTE + "}}\n" : "");
      PublishCommandTest.story(
          stories, "s" + i + ".md", langs[i % 3], "story-" + i, "Synthetic story " + i, body);
    }
    System.out.printf(Locale.ROOT, "workspace: %,d acts, 200 stories%n", acts);
    time(
        "report (HTML + PDF, en)",
        repeats,
        dir,
        pass,
        "report",
        "--out",
        dir.resolve("r").toString());
    time(
        "publish (200 stories)",
        repeats,
        dir,
        pass,
        "publish",
        "--out",
        dir.resolve("site").toString(),
        "--stories",
        stories.toString());
  }

  private static void time(String what, int repeats, Path dir, Path pass, String... args) {
    run(dir, pass, args); // warm-up
    for (int i = 0; i < repeats; i++) {
      long cpu = PROCESS.getProcessCpuTime();
      long t0 = System.nanoTime();
      run(dir, pass, args);
      System.out.printf(
          Locale.ROOT,
          "%s: wall %.2f s, CPU %.2f s%n",
          what,
          (System.nanoTime() - t0) / 1e9,
          (PROCESS.getProcessCpuTime() - cpu) / 1e9);
    }
  }

  private static void run(Path dir, Path pass, String... args) {
    CliRun.Run r = CliRun.inWorkspace(dir.resolve("ws"), pass, args);
    if (r.status() != 0) {
      throw new IllegalStateException(List.of(args) + ": " + r.err());
    }
  }
}
