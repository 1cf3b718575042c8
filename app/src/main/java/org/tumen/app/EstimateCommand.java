package org.tumen.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.tumen.estimate.Advice;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.CaptureTables;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.EstimateJson;
import org.tumen.estimate.Method;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.StratumEstimate;
import org.tumen.estimate.combined.AcrossLinkages;
import org.tumen.estimate.combined.Combined;
import org.tumen.estimate.combined.StratifiedCombined;
import org.tumen.estimate.coverage.SampleCoverage;
import org.tumen.estimate.dga.Dga;
import org.tumen.estimate.lcmcr.LatentClassProfile;
import org.tumen.estimate.lcmcr.Lcmcr;
import org.tumen.estimate.lcmcr.LcmcrOptions;
import org.tumen.estimate.loglinear.Criterion;
import org.tumen.estimate.loglinear.LogLinear;
import org.tumen.estimate.loglinear.Stratified;
import org.tumen.model.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tumen estimate}: how many people no list saw, from a capture table or linkage clusters.
 * Prints a readable table, or the estimate JSON of DESIGN.md with {@code --json}.
 */
@Command(
    name = "estimate",
    mixinStandardHelpOptions = true,
    defaultValueProvider = LcmcrDefaults.class,
    description = {
      "Estimate the total population, seen and unseen, from overlapping lists",
      "(multiple systems estimation), with an interval and the reasons to doubt it."
    })
final class EstimateCommand implements Callable<Integer> {
  /** Lists up to which selection is bootstrapped by default (seconds at 5 lists, minutes at 6). */
  private static final int DEFAULT_BOOTSTRAP_LISTS = 5;

  private static final int DEFAULT_REPLICATES = 1000;

  /** {@code --method all}: every method, which is not one of the registry's. */
  private static final String ALL = "all";

  @Spec CommandSpec spec;

  @Option(names = "--table", paramLabel = "TABLE.csv", description = "Capture table CSV.")
  Path table;

  @Option(
      names = "--clusters",
      paramLabel = "CLUSTERS.csv",
      description = "Linkage clusters (source,record_id,cluster_id); lists = sources, sorted.")
  Path clusters;

  @Option(
      names = "--draws",
      paramLabel = "DRAWS.csv",
      description =
          "With --clusters: clusterings drawn by tumen link --draws from the same run. With"
              + " DRAWS.errors.json beside them the table is corrected for the linkage's expected"
              + " errors and the draws widen the interval (docs/methods.md, \"Linkage errors\").")
  Path draws;

  @Option(
      names = "--errors",
      paramLabel = "ERRORS.json",
      description =
          "With --clusters: the linkage's expected missed and false links (tumen link"
              + " --errors); the table is corrected for them. Default with --draws:"
              + " DRAWS.errors.json if it exists (docs/methods.md, \"Linkage errors\").")
  Path linkageErrors;

  @Option(
      names = "--method",
      paramLabel = "M",
      description = {
        "combined, loglinear, lcmcr, latent, dga, chao or all (default: combined, the equal-weight",
        "average of log-linear model averaging, a log-linear heterogeneity model, LCMCR, sample",
        "coverage and, from four lists, the two-class latent-class model by likelihood (latent);",
        "loglinear with --model)."
      })
  String method;

  @Option(
      names = "--delta",
      paramLabel = "D",
      description =
          "dga's hyper-Dirichlet prior per cell of the full table (default: 2^-K for K lists).")
  Double delta;

  @Option(
      names = "--model",
      paramLabel = "M",
      description =
          "A log-linear model, e.g. Mt+[1,2] or Mth-chao; default: chosen by --criterion.")
  String model;

  @Option(
      names = "--criterion",
      paramLabel = "C",
      defaultValue = "aic",
      description = "aic or bic, for choosing the model (default: ${DEFAULT-VALUE}).")
  String criterion;

  @Option(
      names = "--max-order",
      paramLabel = "N",
      defaultValue = "2",
      description = "Highest interaction order searched: 1, 2, or 3 up to 5 lists (default: 2).")
  int maxOrder;

  @Option(
      names = "--bootstrap",
      paramLabel = "R",
      description =
          "Bootstrap replicates for the selection-aware BCa interval; 0 = profile interval of the"
              + " chosen model only (default: 1000 up to 5 lists, 0 above).")
  Integer bootstrap;

  @Option(
      names = "--classes",
      paramLabel = "K",
      description = "LCMCR latent classes (default: ${DEFAULT-VALUE}).")
  Integer classes;

  @Option(
      names = "--burnin",
      paramLabel = "B",
      description = "LCMCR burn-in sweeps (default: ${DEFAULT-VALUE}).")
  Integer burnin;

  @Option(
      names = "--samples",
      paramLabel = "S",
      description = "LCMCR samples per chain (default: ${DEFAULT-VALUE}).")
  Integer samples;

  @Option(
      names = "--thinning",
      paramLabel = "T",
      description = "LCMCR thinning (default: ${DEFAULT-VALUE}).")
  Integer thinning;

  @Option(
      names = "--seed",
      paramLabel = "X",
      defaultValue = "1",
      description = "Random seed for the bootstrap and LCMCR (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the estimate JSON of DESIGN.md.")
  boolean json;

  @Option(
      names = "--stratify",
      paramLabel = "FIELD",
      description = {
        "With --clusters and --input: estimate each stratum (sex, province or birth-decade)",
        "separately with its own model, and add them up with a combined BCa interval."
      })
  String stratify;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      arity = "1..*",
      description = "The lists the clusters came from (for --stratify), as given to tumen link.")
  List<Path> inputs = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String name = chosenMethod();
    boolean all = name.equalsIgnoreCase(ALL);
    Method chosen =
        all
            ? null
            : Method.parse(name)
                .orElseThrow(
                    () ->
                        new BadInputException(
                            "--method",
                            "unknown method '" + name + "': use " + Method.names() + " or all"));
    if (chosen == Method.COMBINED && model != null) {
      throw new BadInputException("--model", "names a log-linear model: use --method loglinear");
    }
    if (delta != null && !(all || chosen == Method.DGA)) {
      throw new BadInputException("--delta", "works with --method dga (or all) only");
    }
    if (delta != null && !(delta > 0 && delta < Double.POSITIVE_INFINITY)) {
      throw new BadInputException("--delta", "must be a positive number, not " + delta);
    }
    Criterion crit = criterion();
    if (draws != null) {
      if (clusters == null || table != null) {
        throw new BadInputException("--draws", "needs --clusters CLUSTERS.csv (not --table)");
      }
      if (model != null || !(all || chosen == Method.LOGLINEAR || chosen == Method.COMBINED)) {
        throw new BadInputException(
            "--draws",
            "works with the combined default and the log-linear model search only (not --model"
                + " or --method "
                + method
                + ")");
      }
    }
    // Before the table is built: it alone has 2^K cells (issue 12, finding 10).
    EstimateLimits.check(all ? ALL : chosen.id(), EstimateLimits.lists(table, clusters));
    if (stratify != null) {
      return stratified(chosen, crit, out);
    }
    // --method all: the default first, then the others, with advice; chao gives three estimators.
    CaptureTables.Linkage linkage = readLinkage();
    CaptureTable capture = linkage != null ? linkage.table() : CaptureTables.readCsv(table);
    LinkageErrorsOption errors =
        LinkageErrorsOption.of(linkageErrors, draws, linkage, capture, model);
    CaptureTable fitted = errors.table(capture);
    String alone = capture.listOverlappingNoOther();
    if (alone != null && chosen == Method.COMBINED) {
      // The default gives no number for such a table; on the command line it is bad input.
      throw new BadInputException(
          String.valueOf(clusters != null ? clusters : table), Combined.noOverlap(alone));
    }
    List<PopulationEstimate> results = new ArrayList<>();
    if (all) {
      results.addAll(everyMethod(fitted, crit, linkage, errors));
    } else {
      switch (chosen) {
        case COMBINED -> {
          Combined.Result combined = combined(fitted, linkage, errors);
          results.add(combined.combined());
          results.addAll(combined.components());
        }
        case LOGLINEAR -> results.add(logLinear(fitted, crit, linkage));
        case LCMCR ->
            results.add(Lcmcr.estimate(fitted, lcmcrOptions(), TerminalProgress.forConsole()));
        case LATENT -> results.add(LatentClassProfile.estimate(fitted, seed));
        case DGA -> results.add(dga(fitted));
        case CHAO ->
            results.addAll(
                SampleCoverage.estimate(fitted, SampleCoverage.DEFAULT_REPLICATES, seed));
      }
    }
    results = errors.annotate(results, capture, crit, maxOrder, replicates(capture), seed);
    if (json) {
      // One object per DESIGN.md; an array for --method all and for chao's three estimators.
      boolean array = all || chosen == Method.CHAO;
      // The combined default prints one object too: its components are in its diagnostics.
      out.println(array ? EstimateJson.write(results) : EstimateJson.write(results.get(0)));
    } else {
      Report.print(out, capture, results);
      if (all) {
        out.println();
        out.println(Advice.of(results).text());
      }
    }
    out.flush();
    return 0;
  }

  /**
   * The method asked for, or the default: {@code combined}, except with a fixed {@code --model},
   * which names a log-linear model.
   */
  private String chosenMethod() {
    if (method != null) {
      return method;
    }
    return (model != null ? Method.LOGLINEAR : Method.COMBINED).id();
  }

  /**
   * The combined estimate of the table to fit (corrected for the linkage's errors when they are
   * known); with {@code --draws}, its interval widened by the same estimate on every drawn table
   * (AcrossLinkages).
   */
  private Combined.Result combined(
      CaptureTable fitted, CaptureTables.Linkage linkage, LinkageErrorsOption errors) {
    if (draws == null) {
      return Combined.estimate(fitted, maxOrder, lcmcrOptions(), seed);
    }
    return acrossDraws(
        fitted,
        linkage.table(),
        CaptureTables.fromDraws(draws, linkage),
        errors,
        LinkageErrorsFile.besideDraws(draws).getFileName().toString(),
        maxOrder,
        lcmcrOptions(),
        seed);
  }

  /**
   * The default with linkage draws, as {@code tumen estimate --clusters --draws} and {@code tumen
   * demo} both run it: the combined estimate of the table corrected for the linkage's expected
   * errors, its interval widened by the same estimate on every drawn table (AcrossLinkages).
   *
   * @param fitted the table to estimate from (corrected when {@code errors} corrects)
   * @param asLinked the clusters' table before any correction; when {@code errors} corrects, the
   *     interval also holds its estimate (AcrossLinkages)
   * @param errorsFile the name of the errors file the draws lack, for the warning when they do
   */
  static Combined.Result acrossDraws(
      CaptureTable fitted,
      CaptureTable asLinked,
      List<CaptureTable> drawn,
      LinkageErrorsOption errors,
      String errorsFile,
      int maxOrder,
      LcmcrOptions lcmcr,
      long seed) {
    if (errors.corrects()) {
      return AcrossLinkages.estimate(fitted, asLinked, drawn, maxOrder, lcmcr, seed);
    }
    Combined.Result across = AcrossLinkages.estimate(fitted, drawn, maxOrder, lcmcr, seed);
    // Draws of an older run, with no errors file beside them: the table is as linked.
    return new Combined.Result(
        LinkageErrorsOption.withWarning(
            across.combined(),
            "linkage errors: no "
                + errorsFile
                + " beside the draws, so the table is as linked, not corrected for the missed and"
                + " false links the linkage expects; run tumen link --draws again to write it"),
        across.components());
  }

  /**
   * {@code --stratify}: each stratum estimated on its own and added up: the combined default per
   * method (StratifiedCombined), or one log-linear selection per stratum with the BCa interval of
   * the sum (Stratified). Strata whose clusters name no value form their own stratum, "unknown", so
   * that nobody observed is dropped from the total. With linkage errors, every stratum's table is
   * corrected with the same rates.
   */
  private int stratified(Method chosen, Criterion crit, PrintWriter out) {
    if (chosen != Method.LOGLINEAR && chosen != Method.COMBINED) {
      throw new BadInputException(
          "--stratify", "works with the combined default and --method loglinear only");
    }
    if (clusters == null || table != null) {
      throw new BadInputException("--stratify", "needs --clusters CLUSTERS.csv (not --table)");
    }
    Strata.By by = Strata.By.parse(stratify);
    BiFunction<String, String, String> stratumOf = Strata.of(by, inputs, clusters);
    Map<String, CaptureTable> strata = CaptureTables.fromClusters(clusters, stratumOf);
    CaptureTables.Linkage linkage = CaptureTables.readLinkage(clusters);
    CaptureTable whole = linkage.table();
    PopulationEstimate total;
    if (chosen == Method.COMBINED) {
      LinkageErrorsOption errors =
          LinkageErrorsOption.of(linkageErrors, draws, linkage, whole, null);
      Map<String, CaptureTable> fitted = errors.tables(strata);
      total =
          draws == null
              ? StratifiedCombined.estimate(fitted, maxOrder, lcmcrOptions(), seed).combined()
              : AcrossLinkages.stratified(
                      fitted,
                      CaptureTables.fromDraws(draws, clusters, stratumOf),
                      maxOrder,
                      lcmcrOptions(),
                      seed)
                  .combined();
      total = errors.annotate(List.of(total), whole, crit, maxOrder, 0, seed).get(0);
    } else {
      if (linkageErrors != null) {
        throw new BadInputException(
            "--errors", "with --stratify works with the combined default, not --method loglinear");
      }
      int replicates = bootstrap != null && bootstrap > 0 ? bootstrap : DEFAULT_REPLICATES;
      total =
          draws == null
              ? Stratified.estimate(strata, crit, maxOrder, replicates, seed)
              : Stratified.estimateAcrossLinkages(
                  strata,
                  CaptureTables.fromDraws(draws, clusters, stratumOf),
                  crit,
                  maxOrder,
                  replicates,
                  seed);
    }
    if (json) {
      out.println(EstimateJson.write(total));
    } else {
      Report.print(out, whole, List.of(total));
      out.println();
      out.printf(Locale.ROOT, "By %s:%n", stratify);
      total.diagnostics().strata().forEach(s -> out.println("  " + stratumLine(s)));
    }
    out.flush();
    return 0;
  }

  private static String stratumLine(StratumEstimate s) {
    if (!s.isEstimable()) {
      return String.format(
          Locale.ROOT, "%-14s no estimate (%s people observed)", s.stratum(), s.observed());
    }
    double upper = s.interval().upper();
    return String.format(
        Locale.ROOT,
        "%-14s %,10.0f  (%,.0f – %s)  %,d observed  %s",
        s.stratum(),
        s.estimate(),
        s.interval().lower(),
        Double.isInfinite(upper) ? "unbounded" : String.format(Locale.ROOT, "%,.0f", upper),
        s.observed(),
        s.model());
  }

  /** {@code --method dga}: refused, not answered with null, where it cannot run at all. */
  private PopulationEstimate dga(CaptureTable capture) {
    if (!Dga.supports(capture.listCount())) {
      throw new BadInputException(
          "--method dga",
          "averages over decomposable graphs on 3 to 5 lists; the table has "
              + capture.listCount());
    }
    return delta == null ? Dga.estimate(capture) : Dga.estimate(capture, delta);
  }

  /**
   * {@code --method all}: every method once, the combined default first, then the selected
   * log-linear model, the other two log-linear estimates the default averages (its model average
   * and heterogeneity model, alternatives to the selected one), Chao's lower bound, LCMCR, dga and
   * the three sample-coverage estimators, each with its own method's standing (Advice).
   */
  private List<PopulationEstimate> everyMethod(
      CaptureTable capture,
      Criterion crit,
      CaptureTables.Linkage linkage,
      LinkageErrorsOption errors) {
    Combined.Result combined = combined(capture, linkage, errors);
    List<PopulationEstimate> results = new ArrayList<>();
    results.add(combined.combined());
    results.add(logLinear(capture, crit, linkage));
    for (PopulationEstimate c : combined.components()) {
      if (c.method() == Method.LOGLINEAR) {
        results.add(c);
      }
    }
    if (capture.listCount() >= 3) {
      results.add(LogLinear.fit(capture, "Mth-chao"));
    }
    // LCMCR's and the two-class model's one estimate is their headline; the default averaged them.
    for (PopulationEstimate c : combined.components()) {
      if (c.method() == Method.LCMCR || c.method() == Method.LATENT) {
        results.add(
            new PopulationEstimate(
                c.method(),
                c.model(),
                c.lists(),
                c.observed(),
                c.estimate(),
                c.interval(),
                c.diagnostics().withStanding(Diagnostics.Standing.HEADLINE)));
      }
    }
    // Outside 3 to 5 lists dga says why it gives no number, as LCMCR does below 3.
    results.add(delta == null ? Dga.estimate(capture) : Dga.estimate(capture, delta));
    // The same seed as the default's: its SC-N is the one averaged.
    results.addAll(SampleCoverage.estimate(capture, SampleCoverage.DEFAULT_REPLICATES, seed));
    return results;
  }

  private PopulationEstimate logLinear(
      CaptureTable capture, Criterion crit, CaptureTables.Linkage linkage) {
    if (model != null) {
      return LogLinear.fit(capture, model);
    }
    if (draws != null) {
      List<CaptureTable> drawn = CaptureTables.fromDraws(draws, linkage);
      return LogLinear.selectAcrossLinkages(
          capture, drawn, crit, maxOrder, replicates(capture), seed);
    }
    return LogLinear.select(
        capture, crit, maxOrder, replicates(capture), seed, TerminalProgress.forConsole());
  }

  private int replicates(CaptureTable capture) {
    int replicates =
        bootstrap != null
            ? bootstrap
            : capture.listCount() <= DEFAULT_BOOTSTRAP_LISTS ? DEFAULT_REPLICATES : 0;
    if (replicates < 0) {
      throw new BadInputException("--bootstrap", "must not be negative, not " + replicates);
    }
    return replicates;
  }

  private LcmcrOptions lcmcrOptions() {
    LcmcrOptions d = LcmcrOptions.defaults();
    try {
      return new LcmcrOptions(
          classes == null ? d.classes() : classes,
          burnin == null ? d.burnin() : burnin,
          samples == null ? d.samples() : samples,
          thinning == null ? d.thinning() : thinning,
          seed,
          d.chains());
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--classes/--burnin/--samples/--thinning", e.getMessage());
    }
  }

  private Criterion criterion() {
    return switch (criterion.toLowerCase(Locale.ROOT)) {
      case "aic" -> Criterion.AIC;
      case "bic" -> Criterion.BIC;
      default ->
          throw new BadInputException(
              "--criterion", "unknown criterion '" + criterion + "': use aic or bic");
    };
  }

  /** The clusters file read once, or null with {@code --table}. */
  private CaptureTables.Linkage readLinkage() {
    if ((table == null) == (clusters == null)) {
      throw new BadInputException(
          "", "give exactly one of --table TABLE.csv or --clusters FILE.csv");
    }
    return clusters != null ? CaptureTables.readLinkage(clusters) : null;
  }

  /** The readable form of {@code tumen estimate}'s results. */
  static final class Report {
    private Report() {}

    static void print(PrintWriter out, CaptureTable table, List<PopulationEstimate> results) {
      // As wide as the longest model (the combined one names its four components).
      int width = Math.max(28, results.stream().mapToInt(e -> e.model().length()).max().orElse(0));
      String row = "%-10s %-" + width + "s ";
      out.printf(
          Locale.ROOT,
          "%d lists (%s); %,d people seen on at least one list.%n%n",
          table.listCount(),
          String.join(", ", table.lists()),
          table.observed());
      out.printf(
          Locale.ROOT,
          row + "%12s %27s %9s %4s %9s %9s%n",
          "method",
          "model",
          "estimate",
          "95% interval",
          "deviance",
          "df",
          "AIC",
          "BIC");
      for (PopulationEstimate e : results) {
        var d = e.diagnostics();
        if (!e.isEstimable()) {
          out.printf(Locale.ROOT, row + "%12s%n", e.method(), e.model(), "none");
          continue;
        }
        out.printf(
            Locale.ROOT,
            row + "%,12.0f %27s %9s %4s %9s %9s%n",
            e.method(),
            e.model(),
            e.estimate(),
            interval(e),
            number(d.deviance(), "%.3f"),
            d.df() == null ? "" : d.df().toString(),
            number(d.aic(), "%.2f"),
            number(d.bic(), "%.2f"));
      }
      for (PopulationEstimate e : results) {
        String label = e.method() + " " + e.model();
        if (e.diagnostics().inestimable() != null) {
          out.println();
          out.println(label + ": no estimate — " + e.diagnostics().inestimable() + ".");
        }
        if (!e.diagnostics().warnings().isEmpty()) {
          out.println();
          out.println(label + ":");
          for (String w : e.diagnostics().warnings()) {
            out.println("  - " + w);
          }
        }
      }
    }

    private static String interval(PopulationEstimate e) {
      double upper = e.interval().upper();
      return String.format(
          Locale.ROOT,
          "%,.0f – %s",
          e.interval().lower(),
          Double.isInfinite(upper) ? "unbounded" : String.format(Locale.ROOT, "%,.0f", upper));
    }

    private static String number(Double v, String format) {
      return v == null ? "" : String.format(Locale.ROOT, format, v);
    }
  }
}
