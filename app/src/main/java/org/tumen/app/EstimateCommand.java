package org.tumen.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.CaptureTables;
import org.tumen.estimate.EstimateJson;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.loglinear.Criterion;
import org.tumen.estimate.loglinear.LogLinear;
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

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String chosen = method.toLowerCase(Locale.ROOT);
    if (!List.of("loglinear", "lcmcr", "chao", "all").contains(chosen)) {
      throw new BadInputException(
          "--method", "unknown method '" + method + "': use loglinear, lcmcr, chao or all");
    }
    Criterion crit = criterion();
    CaptureTable capture = readTable();
    if (chosen.equals("lcmcr") || chosen.equals("chao")) {
      err.println("tumen: --method " + chosen + " is not built yet; use --method loglinear");
      return Main.FAILURE;
    }
    List<PopulationEstimate> results = new ArrayList<>();
    results.add(logLinear(capture, crit));
    if (chosen.equals("all")) {
      results.add(LogLinear.fit(capture, capture.listCount() >= 3 ? "Mth-chao" : "Mt"));
    }
    if (json) {
      out.println(
          chosen.equals("all") ? EstimateJson.write(results) : EstimateJson.write(results.get(0)));
    } else {
      Report.print(out, capture, results);
      if (chosen.equals("all")) {
        out.println();
        out.println(Report.advice(results));
        out.println("Not built yet, so not shown: lcmcr, chao.");
      }
    }
    out.flush();
    return 0;
  }

  private PopulationEstimate logLinear(CaptureTable capture, Criterion crit) {
    if (model != null) {
      return LogLinear.fit(capture, model);
    }
    int replicates =
        bootstrap != null
            ? bootstrap
            : capture.listCount() <= DEFAULT_BOOTSTRAP_LISTS ? DEFAULT_REPLICATES : 0;
    if (replicates < 0) {
      throw new BadInputException("--bootstrap", "must not be negative, not " + replicates);
    }
    return LogLinear.select(capture, crit, maxOrder, replicates, seed);
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
     * What to trust, in plain language: how far apart the estimable results are, and what to
     * report.
     */
    static String advice(List<PopulationEstimate> results) {
      List<PopulationEstimate> numbers =
          results.stream().filter(PopulationEstimate::isEstimable).toList();
      if (numbers.isEmpty()) {
        return "No method gives a number for this table: the lists overlap too little or in the"
            + " wrong way. Do not report an estimate; report the people observed.";
      }
      double min = numbers.stream().mapToDouble(PopulationEstimate::estimate).min().orElseThrow();
      double max = numbers.stream().mapToDouble(PopulationEstimate::estimate).max().orElseThrow();
      double lowest = numbers.stream().mapToDouble(e -> e.interval().lower()).min().orElseThrow();
      double highest = numbers.stream().mapToDouble(e -> e.interval().upper()).max().orElseThrow();
      String range = String.format(Locale.ROOT, "%,.0f to %,.0f", lowest, highest);
      double factor = max / min;
      if (numbers.size() > 1 && factor >= DISAGREEMENT) {
        return String.format(
            Locale.ROOT,
            "The methods disagree by a factor of %.1f (%,.0f to %,.0f): they make different"
                + " assumptions and the data cannot tell which holds. Report the range, %s,"
                + " not one number.",
            factor,
            min,
            max,
            Double.isInfinite(highest)
                ? String.format(Locale.ROOT, "%,.0f or more", lowest)
                : range);
      }
      return String.format(
          Locale.ROOT,
          "The methods agree within %.0f%%. The selection-aware log-linear interval is the one to"
              + " report; the union of the intervals, %s, is the honest range if in doubt.",
          (factor - 1) * 100,
          Double.isInfinite(highest) ? String.format(Locale.ROOT, "%,.0f or more", lowest) : range);
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
