package org.tumen.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tumen.estimate.Advice;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.EstimateJson;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.combined.Combined;
import org.tumen.estimate.dga.Dga;
import org.tumen.estimate.lcmcr.LcmcrOptions;
import org.tumen.estimate.loglinear.Criterion;
import org.tumen.estimate.loglinear.LogLinear;
import org.tumen.link.CaptureHistories;
import org.tumen.link.Evaluation;
import org.tumen.link.LinkCsv;
import org.tumen.link.LinkResult;
import org.tumen.link.LinkSpec;
import org.tumen.link.Linker;
import org.tumen.link.RecordRef;
import org.tumen.link.SourceTable;
import org.tumen.model.BadInputException;
import org.tumen.model.Progress;
import org.tumen.report.DocumentationSummary;
import org.tumen.report.RunSummary;
import org.tumen.report.SummaryReport;
import org.tumen.simulate.Scenario;
import org.tumen.simulate.SimulationSummary;
import org.tumen.simulate.Simulator;
import org.tumen.store.PrivateFiles;
import org.tumen.store.Workspace;
import org.tumen.store.linkage.WorkspaceLinkage;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.records.StoredList;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tumen demo}: the whole pipeline on synthetic data, through the real engines and a real
 * encrypted workspace. The simulation's truth is used only to score linkage and to draw the true
 * total on the chart, never to fill in a step.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole pipeline on synthetic data: simulate lists, import them into a fresh",
      "encrypted workspace, link, estimate and write an HTML summary. All data are synthetic."
    })
final class DemoCommand implements Callable<Integer> {

  /** Marks a folder as made by the demo, so that a second run may replace what the first wrote. */
  static final String MARKER = ".tumen-demo";

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Folder for the summary, the lists and the workspace (default: ${DEFAULT-VALUE}).",
      defaultValue = "tumen-demo")
  Path out;

  @Option(
      names = "--population",
      paramLabel = "N",
      description = "People in the synthetic population (default: ${DEFAULT-VALUE}).",
      defaultValue = "20000")
  int population;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  long seed;

  @Override
  public Integer call() throws IOException {
    if (population < 100 || population > 5_000_000) {
      throw new BadInputException("--population", "must lie between 100 and 5,000,000");
    }
    PrintWriter console = spec.commandLine().getOut();
    Instant start = Instant.now();
    Path dir = prepare(out.toAbsolutePath().normalize());
    Progress progress = TerminalProgress.forConsole();

    SimulationSummary sim =
        Simulator.simulate(Scenario.defaults(), population, seed, dir.resolve("lists"), progress);
    progress.finish();
    Path witnesses = simulateWitnesses(dir);

    Map<String, Long> listSizes = new LinkedHashMap<>();
    List<SourceTable> tables = new ArrayList<>();
    long clusters;
    Evaluation quality;
    List<PopulationEstimate> estimates = new ArrayList<>();
    DocumentationSummary documentation;
    try (WorkspaceSession session =
        WorkspaceSession.open(dir.resolve("workspace"), Optional.empty())) {
      Workspace ws = session.workspace();
      // Imports are audited inside their transactions once the keys are made.
      session.createKeys(passphrase(dir), Argon2Cost.RFC9106_SECOND);
      for (SimulationSummary.ListSummary list : sim.lists()) {
        long n =
            ws.importer().importList(list.name(), list.file(), null, Map.of(), progress).records();
        progress.finish();
      }
      documentation = DemoDocumentation.importAndCount(ws, witnesses);
      for (StoredList list : ws.records().lists()) {
        listSizes.put(list.name(), list.records());
        tables.add(table(ws, list));
      }

      LinkResult linked =
          new Linker().withDraws(LINKAGE_DRAWS).link(tables, LinkSpec.infer(tables), progress);
      progress.finish();
      tables.clear();
      clusters = linked.clusterCount();
      // written for the user to inspect; the estimate takes the capture histories directly
      try (Writer w =
          Files.newBufferedWriter(dir.resolve("clusters.csv"), StandardCharsets.UTF_8)) {
        LinkCsv.writeClusters(linked, w);
      }
      // Names and birth dates in clear (synthetic here): owner-only, like every review file.
      try (Writer w = PrivateFiles.newWriter(dir.resolve("review.csv"))) {
        LinkCsv.writeReview(linked, w);
      }
      Path drawsFile = dir.resolve("draws.csv");
      try (Writer w = Files.newBufferedWriter(drawsFile, StandardCharsets.UTF_8)) {
        LinkCsv.writeDraws(linked, w);
      }
      // as tumen link --draws: the expected errors beside the draws, so that tumen estimate
      // --clusters clusters.csv --draws draws.csv gives the demo's headline
      try (Writer w =
          Files.newBufferedWriter(
              LinkageErrorsFile.besideDraws(drawsFile), StandardCharsets.UTF_8)) {
        LinkageErrorsFile.write(linked, w);
      }
      ws.clusters().saveRun("tumen demo, seed " + seed, WorkspaceLinkage.assignments(linked));
      quality = Evaluation.of(linked, truth(sim.truth()));

      CaptureHistories histories = CaptureHistories.of(linked);
      CaptureTable capture = new CaptureTable(histories.lists(), histories.counts());
      List<CaptureTable> drawn = new ArrayList<>();
      for (int d = 0; d < histories.drawCount(); d++) {
        drawn.add(new CaptureTable(histories.lists(), histories.drawCounts(d)));
      }
      LinkageErrorsOption errors =
          LinkageErrorsOption.of(
              LinkageErrorsFile.rates(linked.linkageErrors(), capture.lists()), capture);
      estimates.addAll(estimate(capture, drawn, errors));
      Files.writeString(dir.resolve("estimates.json"), EstimateJson.write(estimates) + "\n");
    }

    RunSummary run =
        new RunSummary(
            "Tumen demo: North Koreans in China, 1997–2004 (synthetic)",
            true,
            listSizes,
            sim.records(),
            clusters,
            estimates,
            Advice.of(estimates),
            new RunSummary.LinkageQuality(
                quality.precision(), quality.recall(), quality.f1(), quality.people()),
            sim.population(),
            List.of(),
            METHOD);
    Path summary = dir.resolve("summary.html");
    Files.writeString(summary, SummaryReport.html(run, documentation), StandardCharsets.UTF_8);

    String published;
    try {
      publishSynthetic(dir);
      published =
          "; report: "
              + dir.resolve("report/report.html")
              + "; site: "
              + dir.resolve("site/index.html");
    } catch (BadInputException refused) {
      // The publication check refused: the demo still shows its pipeline and says why.
      published = "; not published: " + refused.getMessage();
    }

    PopulationEstimate best = estimates.get(0);
    console.printf(
        Locale.ROOT,
        "Simulated %,d people (synthetic); %d lists documented %,d of them in %,d records.%n",
        sim.population(),
        sim.lists().size(),
        sim.documented(),
        sim.records());
    console.printf(
        Locale.ROOT,
        "Imported %,d records into an encrypted workspace: %s%n",
        sim.records(),
        dir.resolve("workspace"));
    console.printf(
        Locale.ROOT,
        "Linked them into %,d people (true: %,d; pairwise precision %.3f, recall %.3f, F1 %.3f).%n",
        clusters,
        quality.people(),
        quality.precision(),
        quality.recall(),
        quality.f1());
    console.println(headline(best, sim.population()));
    printDocumentation(console, documentation);
    console.printf(
        Locale.ROOT,
        "Summary: %s%s (%d s)%n",
        summary,
        published,
        Duration.between(start, Instant.now()).toSeconds());
    return 0;
  }

  /** Interviews with synthetic witnesses of the same population, beside its lists. */
  private Path simulateWitnesses(Path dir) throws IOException {
    Path witnesses = dir.resolve("lists").resolve("documentation");
    DemoDocumentation.simulate(population, seed, witnesses);
    return witnesses;
  }

  private static void printDocumentation(PrintWriter console, DocumentationSummary d) {
    console.printf(
        Locale.ROOT,
        "Documented %,d interviews (synthetic): %,d event records are %,d events (de-duplication"
            + " precision %.3f, recall %.3f), %,d acts against %,d victims.%n",
        d.sources(),
        d.eventRecords(),
        d.events(),
        d.deduplication().precision(),
        d.deduplication().recall(),
        d.acts(),
        d.victims());
  }

  /**
   * Publishes the demo's workspace as {@code tumen report} and {@code tumen publish} would: the
   * report (HTML and PDF) in {@code report/} and a small site in {@code site/} with one story in
   * English, Korean and Chinese, built from whatever the workspace holds (documentation, a saved
   * estimate) and marked synthetic on every page, through disclosure control and the publication
   * check.
   *
   * @throws BadInputException when the publication check refuses (nothing is then written)
   */
  private static void publishSynthetic(Path dir) throws IOException {
    WorkspaceOptions o = new WorkspaceOptions();
    o.workspace = dir.resolve("workspace");
    Path pass = dir.resolve("demo-passphrase.txt");
    o.passphraseFile = Files.exists(pass) ? pass : null;
    ReportCommand.Options opts =
        ReportCommand.Options.of(
            "en", null, null, "region", 5, "Tumen demo (synthetic data)", o.workspace());
    try (WorkspaceSession session = WorkspaceSession.open(o.workspace(), Optional.empty())) {
      Workspace ws = session.workspace();
      ReportCommand.Loaded l = ReportCommand.load(session, o, false, "tumen demo: publish");
      var control = opts.control(5, l.identities());
      var p = Publications.gather(ws, l.documentation(), opts.scope(), control);
      Staging.publish(
          "--out", dir.resolve("report"), control, f -> ReportCommand.write(p, "en", f));
      StringBuilder body = new StringBuilder();
      body.append(p.hasDocumentation() ? "{{table acts-by-act-type}}\n\n" : "");
      body.append(p.estimate().isPresent() ? "{{estimate-chart}}\n" : "");
      if (body.length() == 0) {
        body.append(
            "This synthetic workspace holds no documentation of acts and no saved estimate yet.\n");
      }
      Path stories = dir.resolve("stories");
      Files.createDirectories(stories);
      for (String[] e :
          List.of(
              new String[] {"en", "What the synthetic lists show"},
              new String[] {"ko", "합성 명단이 보여 주는 것"},
              new String[] {"zh", "合成名单显示了什么"})) {
        Files.writeString(
            stories.resolve("demo." + e[0] + ".md"),
            "---\nid: demo\nlang: "
                + e[0]
                + "\nheadline: "
                + e[1]
                + "\ndateline: Seoul\ndate: "
                + opts.scope().day()
                + "\nauthor: Tumen demo (synthetic)\nsummary:\n- Synthetic data only.\n"
                + "report: demo\nreport-title: Tumen demo\ntop: true\n---\n"
                + body,
            StandardCharsets.UTF_8);
      }
      PublishCommand.publish(
          p,
          l.documentation(),
          org.tumen.report.story.StoryReader.readAll(stories),
          opts,
          control,
          dir.resolve("site"),
          "");
    }
  }

  /** Alternative clusterings drawn for the headline interval, as {@code tumen link --draws}. */
  private static final int LINKAGE_DRAWS = 20;

  private static final List<String> METHOD =
      List.of(
          "Lists simulated by Tumen's simulator (scenario: defaults; see docs/simulation.md).",
          "Each list imported into an encrypted workspace: names, birth dates and places are sealed"
              + " per person with AES-256-GCM under a passphrase-derived key.",
          "Records linked across lists and scripts with a Fellegi–Sunter model fitted by EM"
              + " (docs/linkage.md); each cluster is one person.",
          "Population estimated from the clusters' capture histories, corrected for the missed and"
              + " false links the linkage expects, by the combined default (its methods averaged;"
              + " docs/methods.md); its interval also holds the spread of the same estimate over "
              + LINKAGE_DRAWS
              + " clusterings drawn from the pair probabilities (docs/methods.md, \"Linkage"
              + " errors\"), as tumen estimate --clusters --draws gives it.");

  /**
   * The headline first, by the path of {@code tumen estimate --clusters --draws --seed SEED}: the
   * combined default on the corrected table across the draws; then its four components, Chao's
   * lower bound and dga as second opinions, all on the corrected table.
   */
  private List<PopulationEstimate> estimate(
      CaptureTable capture, List<CaptureTable> draws, LinkageErrorsOption errors) {
    CaptureTable fitted = errors.table(capture);
    Combined.Result combined =
        EstimateCommand.acrossDraws(
            fitted,
            capture,
            draws,
            errors,
            "draws.errors.json",
            2,
            LcmcrOptions.defaults().withSeed(seed),
            seed);
    List<PopulationEstimate> results = new ArrayList<>();
    results.add(combined.combined());
    results.addAll(combined.components());
    if (fitted.listCount() >= 3) {
      results.add(LogLinear.fit(fitted, "Mth-chao"));
    }
    results.add(Dga.estimate(fitted));
    return errors.annotate(results, capture, Criterion.AIC, 2, 0, seed);
  }

  private static String headline(PopulationEstimate e, int truth) {
    if (!e.isEstimable()) {
      return "No estimate: " + e.diagnostics().inestimable() + ".";
    }
    return String.format(
        Locale.ROOT,
        "Estimated total: %,.0f (%.0f%% interval %,.0f–%,.0f; %s %s%s); the simulation's true total"
            + " is %,d.",
        e.estimate(),
        e.interval().level() * 100,
        e.interval().lower(),
        e.interval().upper(),
        e.method(),
        e.model(),
        e.diagnostics().linkage() != null
            ? " over " + e.diagnostics().linkage().draws() + " linkage draws"
            : "",
        truth);
  }

  /**
   * Makes {@code dir} ready: created if missing, emptied of an earlier demo's output if it holds
   * one, refused if it holds anything else (the demo never deletes files it did not write).
   */
  private static Path prepare(Path dir) throws IOException {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new BadInputException(
            dir.toString(), "exists and is not a folder; choose another --out");
      }
      boolean empty;
      try (Stream<Path> s = Files.list(dir)) {
        empty = s.findAny().isEmpty();
      }
      if (!empty && !Files.exists(dir.resolve(MARKER))) {
        throw new BadInputException(
            dir.toString(), "is not empty and was not made by 'tumen demo'; choose another --out");
      }
      deleteContents(dir);
    }
    PrivateFiles.createDirectories(dir);
    Files.writeString(dir.resolve(MARKER), "made by tumen demo; synthetic data only\n");
    return dir;
  }

  private static void deleteContents(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }

  /**
   * The demo workspace's passphrase: {@code $TUMEN_PASSPHRASE} if set, else a random one written
   * beside the workspace (readable by its owner only) so the user can open the workspace later.
   */
  private static char[] passphrase(Path dir) throws IOException {
    String env = System.getenv("TUMEN_PASSPHRASE");
    if (env != null && !env.isBlank()) {
      return env.toCharArray();
    }
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String pass = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path file = dir.resolve("demo-passphrase.txt");
    PrivateFiles.writeString(file, pass + "\n");
    return pass.toCharArray();
  }

  private static SourceTable table(Workspace ws, StoredList list) {
    List<List<String>> rows = new ArrayList<>((int) list.records());
    ws.records()
        .forEachRecord(list.name(), "tumen demo: link the lists", r -> rows.add(r.values()));
    return new SourceTable(list.name(), list.headers(), rows);
  }

  private static Map<RecordRef, String> truth(Path truthCsv) {
    Map<RecordRef, String> personOf = new java.util.HashMap<>();
    try (Stream<String> lines = Files.lines(truthCsv, StandardCharsets.UTF_8)) {
      lines
          .skip(1)
          .forEach(
              line -> {
                String[] f = line.split(",", -1);
                personOf.put(new RecordRef(f[0], f[1]), f[2]);
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return personOf;
  }
}
