package org.tumen.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.CaptureTables;
import org.tumen.estimate.EstimateJson;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.coverage.SampleCoverage;
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
    description = {
      "Estimate the total population, seen and unseen, from overlapping lists",
      "(multiple systems estimation), with an interval and the reasons to doubt it."
    })
final class EstimateCommand implements Callable<Integer> {
  /** Lists up to which selection is bootstrapped by default (seconds at 5 lists, minutes at 6). */
  private static final int DEFAULT_BOOTSTRAP_LISTS = 5;

  private static final int DEFAULT_REPLICATES = 1000;

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
              + " errors and the draws widen the interval (docs/methods.md, \"Linkage errors\");"
              + " without it the log-linear estimate weighs them with the clusters.")
  Path draws;

  @Option(
      names = "--linkage-errors",
      paramLabel = "ERRORS.json",
      description =
          "With --clusters: the linkage's expected missed and false links (tumen link"
              + " --linkage-errors); the table is corrected for them. Default with --draws:"
              + " DRAWS.errors.json if it exists (docs/methods.md, \"Linkage errors\").")
  Path linkageErrors;

  @Option(
      names = "--method",
      paramLabel = "M",
      defaultValue = "loglinear",
      description = "loglinear, lcmcr, chao or all (default: ${DEFAULT-VALUE}).")
  String method;

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

  @Option(names = "--classes", paramLabel = "K", description = "LCMCR latent classes.")
  Integer classes;

  @Option(names = "--burnin", paramLabel = "B", description = "LCMCR burn-in sweeps.")
  Integer burnin;

  @Option(names = "--samples", paramLabel = "S", description = "LCMCR samples per chain.")
  Integer samples;

  @Option(names = "--thinning", paramLabel = "T", description = "LCMCR thinning.")
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
    String chosen = method.toLowerCase(Locale.ROOT);
    if (!List.of("loglinear", "lcmcr", "chao", "all").contains(chosen)) {
      throw new BadInputException(
          "--method", "unknown method '" + method + "': use loglinear, lcmcr, chao or all");
    }
    Criterion crit = criterion();
    if (draws != null) {
      if (clusters == null || table != null) {
        throw new BadInputException("--draws", "needs --clusters CLUSTERS.csv (not --table)");
      }
      if (model != null || !List.of("loglinear", "all").contains(chosen)) {
        throw new BadInputException(
            "--draws",
            "works with the log-linear model search only (not --model or --method " + chosen + ")");
      }
    }
    if (stratify != null) {
      if (linkageErrors != null) {
        throw new BadInputException(
            "--linkage-errors", "not with --stratify: the errors are not known per stratum");
      }
      return stratified(chosen, crit, out);
    }
    CaptureTable capture = readTable();
    LinkageErrorsOption errors =
        LinkageErrorsOption.of(linkageErrors, draws, clusters, capture, model);
    CaptureTable fitted = errors.table(capture);
    List<PopulationEstimate> results = new ArrayList<>();
    switch (chosen) {
      case "loglinear" -> results.add(logLinear(fitted, crit));
      case "lcmcr" -> results.add(Lcmcr.estimate(fitted, lcmcrOptions()));
      case "chao" ->
          results.addAll(SampleCoverage.estimate(fitted, SampleCoverage.DEFAULT_REPLICATES, seed));
      default -> {
        results.add(logLinear(fitted, crit));
        results.addAll(otherMethods(fitted, lcmcrOptions(), seed));
      }
    }
    results = errors.annotate(results, capture, crit, maxOrder, replicates(capture), seed);
    if (json) {
      // One object per DESIGN.md; an array for --method all and for chao's three estimators.
      boolean array = chosen.equals("all") || chosen.equals("chao");
      out.println(array ? EstimateJson.write(results) : EstimateJson.write(results.get(0)));
    } else {
      Report.print(out, capture, results);
      if (chosen.equals("all")) {
        out.println();
        out.println(Report.advice(results));
      }
    }
    out.flush();
    return 0;
  }

  /**
   * {@code --stratify}: one log-linear selection per stratum, summed, with the BCa interval of the
   * sum (Stratified). Strata whose clusters name no value form their own stratum, "unknown", so
   * that nobody observed is dropped from the total.
   */
  private int stratified(String chosen, Criterion crit, PrintWriter out) {
    if (!chosen.equals("loglinear")) {
      throw new BadInputException("--stratify", "works with --method loglinear only");
    }
    if (clusters == null || table != null) {
      throw new BadInputException("--stratify", "needs --clusters CLUSTERS.csv (not --table)");
    }
    Strata.By by = Strata.By.parse(stratify);
    BiFunction<String, String, String> stratumOf = Strata.of(by, inputs);
    Map<String, CaptureTable> strata = CaptureTables.fromClusters(clusters, stratumOf);
    int replicates = bootstrap != null && bootstrap > 0 ? bootstrap : DEFAULT_REPLICATES;
    PopulationEstimate total =
        draws == null
            ? Stratified.estimate(strata, crit, maxOrder, replicates, seed)
            : Stratified.estimateAcrossLinkages(
                strata,
                CaptureTables.fromDraws(draws, clusters, stratumOf),
                crit,
                maxOrder,
                replicates,
                seed);
    if (json) {
      out.println(EstimateJson.write(total));
    } else {
      CaptureTable all = CaptureTables.fromClusters(clusters);
      Report.print(out, all, List.of(total));
      out.println();
      out.printf(Locale.ROOT, "By %s:%n", stratify);
      Object byStratum = total.diagnostics().convergence().get("strata");
      if (byStratum instanceof Map<?, ?> m) {
        m.forEach((k, v) -> out.println("  " + stratumLine(String.valueOf(k), (Map<?, ?>) v)));
      }
    }
    out.flush();
    return 0;
  }

  private static String stratumLine(String stratum, Map<?, ?> s) {
    if (!(s.get("estimate") instanceof Number n)) {
      return String.format(
          Locale.ROOT, "%-14s no estimate (%s people observed)", stratum, s.get("observed"));
    }
    double upper = ((Number) s.get("upper")).doubleValue();
    return String.format(
        Locale.ROOT,
        "%-14s %,10.0f  (%,.0f – %s)  %,d observed  %s",
        stratum,
        n.doubleValue(),
        ((Number) s.get("lower")).doubleValue(),
        Double.isInfinite(upper) ? "unbounded" : String.format(Locale.ROOT, "%,.0f", upper),
        ((Number) s.get("observed")).longValue(),
        s.get("model"));
  }

  /**
   * Every method beside the default log-linear one, in the order {@code --method all} and the demo
   * show them: Chao's lower bound (a floor), LCMCR, then the three sample-coverage estimators.
   */
  static List<PopulationEstimate> otherMethods(
      CaptureTable capture, LcmcrOptions lcmcr, long seed) {
    List<PopulationEstimate> results = new ArrayList<>();
    if (capture.listCount() >= 3) {
      results.add(LogLinear.fit(capture, "Mth-chao"));
    }
    results.add(Lcmcr.estimate(capture, lcmcr));
    results.addAll(SampleCoverage.estimate(capture, SampleCoverage.DEFAULT_REPLICATES, seed));
    return results;
  }

  private PopulationEstimate logLinear(CaptureTable capture, Criterion crit) {
    if (model != null) {
      return LogLinear.fit(capture, model);
    }
    if (draws != null) {
      List<CaptureTable> drawn = CaptureTables.fromDraws(draws, clusters);
      return LogLinear.selectAcrossLinkages(
          capture, drawn, crit, maxOrder, replicates(capture), seed);
    }
    return LogLinear.select(capture, crit, maxOrder, replicates(capture), seed);
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

  private CaptureTable readTable() {
    if ((table == null) == (clusters == null)) {
      throw new BadInputException(
          "", "give exactly one of --table TABLE.csv or --clusters FILE.csv");
    }
    return table != null ? CaptureTables.readCsv(table) : CaptureTables.fromClusters(clusters);
  }

  /** The readable form of {@code tumen estimate}'s results, and the plain-language advice. */
  static final class Report {
    /** Ratio of the largest to the smallest estimate above which one number would mislead. */
    static final double DISAGREEMENT = 1.5;

    /** What Tumen reports when the methods agree (docs/methods.md, "Which method by default"). */
    static final String DEFAULT_REPORT =
        "the log-linear estimate with its selection-aware interval";

    private Report() {}

    static void print(PrintWriter out, CaptureTable table, List<PopulationEstimate> results) {
      out.printf(
          Locale.ROOT,
          "%d lists (%s); %,d people seen on at least one list.%n%n",
          table.listCount(),
          String.join(", ", table.lists()),
          table.observed());
      out.printf(
          Locale.ROOT,
          "%-10s %-28s %12s %27s %9s %4s %9s %9s%n",
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
          out.printf(Locale.ROOT, "%-10s %-28s %12s%n", e.method(), e.model(), "none");
          continue;
        }
        out.printf(
            Locale.ROOT,
            "%-10s %-28s %,12.0f %27s %9s %4s %9s %9s%n",
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

    /**
     * What to trust, in plain language: how far apart the methods' headline estimates are, what to
     * report, and where Chao's lower bound puts the floor.
     */
    static String advice(List<PopulationEstimate> results) {
      List<PopulationEstimate> numbers =
          results.stream().filter(PopulationEstimate::isEstimable).toList();
      List<PopulationEstimate> estimates = numbers.stream().filter(e -> !isLowerBound(e)).toList();
      if (estimates.isEmpty()) {
        return "No method gives an estimate for this table: the lists overlap too little or in"
            + " the wrong way. Report the people observed, not a total.";
      }
      double min = estimates.stream().mapToDouble(PopulationEstimate::estimate).min().orElseThrow();
      double max = estimates.stream().mapToDouble(PopulationEstimate::estimate).max().orElseThrow();
      double lowest = estimates.stream().mapToDouble(e -> e.interval().lower()).min().orElseThrow();
      double highest =
          estimates.stream().mapToDouble(e -> e.interval().upper()).max().orElseThrow();
      String range =
          Double.isInfinite(highest)
              ? String.format(Locale.ROOT, "%,.0f or more", lowest)
              : String.format(Locale.ROOT, "%,.0f to %,.0f", lowest, highest);
      StringBuilder text = new StringBuilder();
      double factor = max / min;
      if (estimates.size() > 1 && factor >= DISAGREEMENT) {
        text.append(
            String.format(
                Locale.ROOT,
                "The methods disagree by a factor of %.1f (%,.0f to %,.0f): they make different"
                    + " assumptions and this table cannot tell which holds. Report the range, %s,"
                    + " not one number.",
                factor,
                min,
                max,
                range));
      } else {
        text.append(
            String.format(
                Locale.ROOT,
                "The methods agree within %.0f%%. Report %s, with the range of the intervals,"
                    + " %s, if a reader may doubt the assumptions.",
                (factor - 1) * 100,
                DEFAULT_REPORT,
                range));
      }
      numbers.stream()
          .filter(Report::isLowerBound)
          .findFirst()
          .ifPresent(
              b ->
                  text.append(
                      String.format(
                          Locale.ROOT,
                          " Chao's lower bound is %,.0f: a total below it would need lists that"
                              + " favour the same people less than chance.",
                          b.estimate())));
      return text.toString();
    }

    /**
     * The estimate each method would put forward: not a lower bound, not SC-N0 (which assumes what
     * the selected log-linear model tests), and of sample coverage's N and N1 the one Chao et al.
     * (2001) recommend for the table's coverage (N at 55% or more, N1 below).
     */
    private static boolean isHeadline(PopulationEstimate e) {
      if (isLowerBound(e)) {
        return false;
      }
      if (!e.method().equals("chao")) {
        return true;
      }
      Object coverage = e.diagnostics().convergence().get("sampleCoverage");
      boolean high = coverage instanceof Number c && c.doubleValue() >= 0.55;
      return e.model().equals(high ? "SC-N" : "SC-N1");
    }

    private static boolean isLowerBound(PopulationEstimate e) {
      return e.method().equals("loglinear") && e.model().contains("-chao");
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
