package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.report.disclosure.DisclosureRules;
import org.tumen.report.disclosure.IdentityTerms;
import org.tumen.report.disclosure.PublicationCheck;
import org.tumen.store.Workspace;
import org.tumen.store.protect.AuditLog;
import org.tumen.store.protect.IdentityCheck;
import org.tumen.store.protect.Protection;
import org.tumen.store.protect.ReadAudit;
import org.tumen.store.records.StoredList;

/**
 * Runs the real program the way a newcomer does: {@code ./tumen demo} when the launcher's jar is
 * the one this build made (so the launcher does not rebuild), else {@code java -jar}.
 */
class DemoIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path dir;
  static Run run;

  record Run(int exit, String out, String err) {}

  static Run tumen(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("tumen.jar")).toAbsolutePath();
    Path root = Path.of(System.getProperty("tumen.root")).toAbsolutePath();
    List<String> command = new ArrayList<>();
    if (jar.equals(root.resolve("app/target/tumen.jar"))) {
      command.addAll(List.of("bash", root.resolve("tumen").toString()));
    } else {
      command.addAll(List.of("java", "-Xmx2g", "-jar", jar.toString()));
    }
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("TUMEN_PASSPHRASE");
    pb.environment().put("TUMEN_JAVA_OPTS", "-Xmx2g");
    Path stdout = Files.createTempFile("tumen-out", ".txt");
    Path stderr = Files.createTempFile("tumen-err", ".txt");
    pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("tumen " + String.join(" ", args) + " did not finish");
    }
    return new Run(
        p.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void runTheDemo(@TempDir Path tmp) throws Exception {
    dir = tmp.resolve("demo");
    run = tumen("demo", "--out", dir.toString(), "--population", "4000", "--seed", "3");
  }

  @Test
  void succeedsAndPrintsASixLineSummary() {
    assertThat(run.exit()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).startsWith("Simulated 4,000 people (synthetic)");
    assertThat(lines.get(3)).containsAnyOf("Estimated total:", "No estimate:");
    assertThat(lines.get(4)).startsWith("Documented ").contains("interviews (synthetic)");
    assertThat(lines.get(5)).startsWith("Summary: " + dir.resolve("summary.html"));
  }

  @Test
  void theSummaryTellsTheActsByTypeWithTheLawAndTheEventsByMonth() throws IOException {
    String html = Files.readString(dir.resolve("summary.html"));
    assertThat(html)
        .contains("What happened: acts and the law they breach")
        .contains("forced return (refoulement)")
        .contains("1951 Refugee Convention art. 33 — CHN: party")
        .contains("Events by month")
        .contains("Event de-duplication against the known truth");
    // the testimonies were imported sealed: their synthetic marker is in no byte of the workspace
    String marker = "Tumen 시뮬레이터가 만든 가상의 증언";
    assertThat(Files.readString(dir.resolve("lists/documentation/sources.csv"))).contains(marker);
    try (var files = Files.walk(dir.resolve("workspace"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
            .as(f + " holds testimony")
            .doesNotContain(
                new String(marker.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
      }
    }
  }

  @Test
  void writesAnHtmlSummaryWithAChartThatSaysTheDataAreSynthetic() throws IOException {
    String html = Files.readString(dir.resolve("summary.html"));
    assertThat(html).contains("Synthetic data").contains("<svg").contains("True total");
  }

  @Test
  void everyRecordOfTheTruthEndsInExactlyOneCluster() throws IOException {
    Set<String> truth = new HashSet<>();
    Files.readAllLines(dir.resolve("lists/truth.csv")).stream()
        .skip(1)
        .forEach(l -> truth.add(l.substring(0, l.lastIndexOf(','))));
    List<String> clustered =
        Files.readAllLines(dir.resolve("clusters.csv")).stream()
            .skip(1)
            .map(l -> l.substring(0, l.lastIndexOf(',')))
            .toList();
    assertThat(clustered).doesNotHaveDuplicates();
    assertThat(new HashSet<>(clustered)).isEqualTo(truth);
  }

  @Test
  void estimatesAreTheJsonOfDesignWithAnIntervalOrAReason() throws IOException {
    JsonNode all = JSON.readTree(dir.resolve("estimates.json").toFile());
    assertThat(all.isArray()).isTrue();
    assertThat(all.size()).isGreaterThanOrEqualTo(2);
    for (JsonNode e : all) {
      assertThat(e.has("method") && e.has("model") && e.has("observed")).isTrue();
      if (e.get("estimate").isNull()) {
        assertThat(e.at("/diagnostics/inestimable").asText()).isNotBlank();
      } else {
        assertThat(e.at("/interval/lower").asDouble())
            .isLessThanOrEqualTo(e.get("estimate").asDouble());
      }
    }
    // the headline carries the linkage's uncertainty: the combined default across 20 draws
    JsonNode head = all.get(0);
    assertThat(head.get("method").asText()).isEqualTo("combined");
    assertThat(head.at("/diagnostics/convergence/linkageDraws").asInt()).isEqualTo(20);
    assertThat(head.at("/diagnostics/convergence/linkageCorrection").isObject()).isTrue();
  }

  /**
   * The demo's headline is what a user gets from its files with the default commands: {@code tumen
   * estimate --clusters clusters.csv --draws draws.csv} (the errors file beside the draws), with
   * the demo's seed.
   */
  @Test
  void theHeadlineIsWhatTumenEstimateGivesFromTheDemosFiles() throws Exception {
    Run estimate =
        tumen(
            "estimate",
            "--clusters",
            dir.resolve("clusters.csv").toString(),
            "--draws",
            dir.resolve("draws.csv").toString(),
            "--seed",
            "3",
            "--json");
    assertThat(estimate.exit()).as(estimate.err()).isZero();
    JsonNode cli = JSON.readTree(estimate.out());
    JsonNode demo = JSON.readTree(dir.resolve("estimates.json").toFile()).get(0);
    assertThat(cli.get("estimate").asDouble()).isEqualTo(demo.get("estimate").asDouble());
    assertThat(cli.at("/interval/lower").asDouble())
        .isEqualTo(demo.at("/interval/lower").asDouble());
    assertThat(cli.at("/interval/upper").asDouble())
        .isEqualTo(demo.at("/interval/upper").asDouble());
    // and its interval holds the simulation's true total
    assertThat(4000.0)
        .isBetween(cli.at("/interval/lower").asDouble(), cli.at("/interval/upper").asDouble());
  }

  @Test
  void theWorkspaceHoldsNoPlaintextName() throws IOException {
    // Hangul surnames that the simulator writes on every Korean-script list.
    List<String> names = new ArrayList<>();
    for (String l : Files.readAllLines(dir.resolve("lists/church_a.csv")).subList(1, 30)) {
      String name = l.split(",", -1)[1];
      if (name.length() >= 3) {
        names.add(name);
      }
    }
    assertThat(names).isNotEmpty();
    try (var files = Files.walk(dir.resolve("workspace"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String n : names) {
          String needle =
              new String(n.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
          assertThat(bytes).as(f + " holds a name").doesNotContain(needle);
        }
      }
    }
  }

  @Test
  void publishesItsReportAndASiteMarkedSynthetic() throws IOException {
    assertThat(Files.readString(dir.resolve("report/report.html")))
        .contains("Synthetic data: every person");
    assertThat(dir.resolve("report/report.pdf")).isNotEmptyFile();
    // the publication check passed: the summary line names both, and the site was moved into place
    assertThat(run.out())
        .contains("; report: " + dir.resolve("report/report.html"))
        .contains("; site: " + dir.resolve("site/index.html"))
        .doesNotContain("not published");
    for (String language : List.of("en", "ko", "zh")) {
      Path story = dir.resolve("site").resolve(language).resolve("stories/demo.html");
      assertThat(story).isNotEmptyFile();
      assertThat(dir.resolve("site").resolve(language).resolve("index.html")).isNotEmptyFile();
      assertThat(Files.readString(story)).contains("<table data-counting-rule");
    }
    assertThat(Files.readString(dir.resolve("site/en/stories/demo.html")))
        .contains("Synthetic data: every person");
  }

  /**
   * The check again, from outside: the names of every list the demo simulated (read from its plain
   * CSV files, not the workspace) are in no byte of the report or the site, and no table in them
   * has an unprotected cell.
   */
  @Test
  void thePublicationCheckFindsNothingInTheReportAndTheSite() throws IOException {
    IdentityTerms.Builder terms = IdentityTerms.builder();
    int names = 0;
    try (var files = Files.list(dir.resolve("lists"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
        if (f.getFileName().toString().equals("truth.csv")) {
          continue;
        }
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
            CSVParser p = CSVFormat.RFC4180.builder().setHeader().get().parse(r)) {
          // id, then the name in one column (6 columns in all) or two (7)
          boolean split = p.getHeaderNames().size() == 7;
          for (CSVRecord rec : p) {
            String person = f.getFileName() + ":" + rec.get(0);
            if (split) {
              terms.name(person, rec.get(1), rec.get(2));
            } else {
              terms.name(person, rec.get(1));
            }
            names++;
          }
        }
      }
    }
    IdentityTerms built = terms.build();
    assertThat(names).isGreaterThan(1_000);
    for (String published : List.of("report", "site")) {
      assertThat(PublicationCheck.check(dir.resolve(published), built, DisclosureRules.defaults()))
          .as(published)
          .isEmpty();
    }
  }

  @Test
  void everyImportAndEveryReadOfTheListsIsInTheAuditTrail() throws IOException {
    Path workspace = dir.resolve("workspace");
    try (Workspace ws = Workspace.open(workspace, Optional.empty())) {
      Protection p = Protection.unlock(ws, dir.resolve("demo-passphrase.txt"));
      List<StoredList> lists = ws.records().lists();
      assertThat(lists).hasSizeGreaterThanOrEqualTo(2);
      List<AuditLog.Entry> entries = p.audit().entries();
      for (StoredList l : lists) {
        assertThat(entries)
            .filteredOn(e -> e.action().equals("import") && e.subject().equals(l.name()))
            .hasSize(1);
        // Linkage read each list once, and publishing once more (the names the publication check
        // looks for), each saying so before opening it.
        assertThat(entries)
            .filteredOn(e -> e.action().equals(ReadAudit.ACTION))
            .filteredOn(e -> e.subject().equals("list " + l.name()))
            .extracting(AuditLog.Entry::details)
            .containsExactly(
                "records=" + l.records() + " purpose=tumen demo: link the lists",
                "records=" + l.records() + " purpose=tumen demo: publish: disclosure check");
      }
      assertThat(p.audit().verify().ok()).isTrue();
      // Every value the imports sealed is accounted for by their entries.
      IdentityCheck.Result check = new IdentityCheck(p).run();
      assertThat(check.firstBroken()).isEmpty();
      assertThat(check.missing()).isZero();
      assertThat(check.accountedFor()).isEqualTo(check.opened());
    }
  }

  @Test
  void refusesToOverwriteAFolderItDidNotMake(@TempDir Path other) throws Exception {
    Files.writeString(other.resolve("thesis.txt"), "precious");
    Run refused = tumen("demo", "--out", other.toString(), "--population", "500");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err().strip())
        .startsWith("tumen: " + other)
        .contains("not made by 'tumen demo'");
    assertThat(Files.readString(other.resolve("thesis.txt"))).isEqualTo("precious");
  }
}
