package org.tumen.estimate.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.lcmcr.Lcmcr;
import org.tumen.estimate.lcmcr.LcmcrOptions;
import org.tumen.estimate.loglinear.Criterion;
import org.tumen.estimate.loglinear.LogLinear;
import org.tumen.simulate.CaptureHistories;
import org.tumen.simulate.Fate;
import org.tumen.simulate.ListSpec;
import org.tumen.simulate.Scenario;
import org.tumen.simulate.Simulator;

/**
 * The coverage study of docs/coverage-study.md: 240 synthetic scenarios from the simulator
 * (org.tumen.simulate: logit-normal heterogeneity plus a shared network covariate that makes lists
 * dependent), one capture table each with known N, every method run on it. Not part of the test
 * suite; run with
 *
 * <pre>
 * mvn -B -Dtumen.target=target-lcmcr -Dspotless.check.skip=true -pl estimate -am test \
 *     -Dtest=CoverageStudy -Dsurefire.failIfNoSpecifiedTests=false -Dtumen.coverageStudy=true
 * </pre>
 *
 * It writes {@code coverage-study.csv} (one row per scenario and method) and {@code
 * coverage-study-summary.md} into the build folder and prints the summary.
 */
@EnabledIfSystemProperty(named = "tumen.coverageStudy", matches = "true")
class CoverageStudy {
  private static final double[] HETEROGENEITY = {0, 0.5, 1.0, 1.5};
  private static final String[] DEPENDENCE = {"none", "positive", "negative"};
  private static final int[] POPULATIONS = {1_000, 3_000, 10_000};
  private static final int REPLICATES_PER_CELL = 6;
  private static final int BOOTSTRAP = 200;

  /** One scenario: its description and the table drawn from it. */
  record Case(
      int id,
      String group,
      int lists,
      double heterogeneity,
      String dependence,
      int population,
      CaptureTable table) {}

  /** One method's answer on one case. */
  record Row(Case c, String method, PopulationEstimate e, double seconds) {
    boolean estimable() {
      return e.isEstimable();
    }

    double relativeError() {
      return e.estimate() / c.population() - 1;
    }

    boolean covers() {
      return e.interval().lower() <= c.population() && c.population() <= e.interval().upper();
    }

    double relativeWidth() {
      return (e.interval().upper() - e.interval().lower()) / c.population();
    }
  }

  @Test
  void run() throws IOException {
    List<Case> cases = cases();
    String only = System.getProperty("tumen.coverageStudy.cases", "");
    if (!only.isBlank()) {
      // e.g. -Dtumen.coverageStudy.cases=1,150,240 to try a few scenarios
      List<Integer> ids = java.util.Arrays.stream(only.split(",")).map(Integer::valueOf).toList();
      cases = cases.stream().filter(c -> ids.contains(c.id())).toList();
    }
    List<Row> rows = new ArrayList<>();
    long start = System.nanoTime();
    for (Case c : cases) {
      rows.addAll(estimates(c));
      if (c.id() % 20 == 0) {
        System.out.printf(
            Locale.ROOT,
            "case %d/%d, %.0f s%n",
            c.id(),
            cases.size(),
            (System.nanoTime() - start) / 1e9);
      }
    }
    Path dir = Path.of(System.getProperty("tumen.coverageStudy.out", "target-lcmcr"));
    Files.createDirectories(dir);
    writeCsv(dir.resolve("coverage-study.csv"), rows);
    String summary = summary(rows, cases.size(), (System.nanoTime() - start) / 1e9);
    Files.writeString(dir.resolve("coverage-study-summary.md"), summary);
    System.out.println(summary);
  }

  static List<Case> cases() {
    Scenario base = Scenario.defaults();
    UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(20260601L);
    List<Case> cases = new ArrayList<>();
    int id = 0;
    for (int lists = 3; lists <= 5; lists++) {
      for (double h : HETEROGENEITY) {
        for (String dep : DEPENDENCE) {
          for (int r = 0; r < REPLICATES_PER_CELL; r++) {
            int population = POPULATIONS[r % POPULATIONS.length];
            double[] intercepts = new double[lists];
            for (int j = 0; j < lists; j++) {
              intercepts[j] = -2.2 + 1.4 * rng.nextDouble(); // p ≈ 0.10–0.31 at z = 0
            }
            Scenario s = open(base, lists, h, dep, intercepts);
            cases.add(new Case(++id, "open", lists, h, dep, population, table(s, population, id)));
          }
        }
      }
    }
    // The shipped scenario: lists that see only some fates, network dependence as documented.
    for (int lists = 3; lists <= 5; lists++) {
      for (int r = 0; r < 8; r++) {
        int population = new int[] {2_000, 5_000, 10_000, 20_000}[r % 4];
        cases.add(
            new Case(
                ++id,
                "shipped",
                lists,
                1.0,
                "network",
                population,
                table(base.firstLists(lists), population, id)));
      }
    }
    return cases;
  }

  /** Lists that can see everyone, with the given heterogeneity and list dependence. */
  static Scenario open(
      Scenario base, int lists, double heterogeneity, String dependence, double[] intercepts) {
    List<ListSpec> specs = new ArrayList<>();
    for (int j = 0; j < lists; j++) {
      ListSpec l = base.lists().get(j);
      // Dependence through the shared network covariate c: lists 1 and 2 both favour (positive)
      // or one favours and one avoids (negative) people in contact with the networks.
      double network =
          switch (dependence) {
            case "positive" -> j < 2 ? 1.5 : 0;
            case "negative" -> j == 0 ? 1.5 : j == 1 ? -1.5 : 0;
            default -> 0;
          };
      specs.add(
          new ListSpec(
              l.name(),
              l.description(),
              l.headers(),
              List.of(Fate.values()),
              new ListSpec.Capture(intercepts[j], heterogeneity, network),
              l.nameStyles(),
              l.dateStyles(),
              l.birthDates(),
              l.placeStyles(),
              l.errors()));
    }
    return new Scenario(
        base.name(),
        base.description(),
        base.crossingYears(),
        base.crossingMonths(),
        base.femaleShare(),
        base.ageAtCrossing(),
        base.provinces(),
        base.femaleFates(),
        base.maleFates(),
        base.networkContact(),
        base.singleSyllableGivenNames(),
        base.pureKoreanGivenNames(),
        base.maxInterviewDelayDays(),
        specs);
  }

  static CaptureTable table(Scenario s, int population, long seed) {
    CaptureHistories h = Simulator.captureHistories(s, population, seed);
    long[] counts = h.patternCounts();
    counts[0] = 0;
    return new CaptureTable(h.lists(), counts);
  }

  static List<Row> estimates(Case c) {
    List<Row> rows = new ArrayList<>();
    CaptureTable t = c.table();
    long seed = c.id();
    rows.add(timed(c, "lcmcr", () -> Lcmcr.estimate(t, LcmcrOptions.defaults().withSeed(seed))));
    long t0 = System.nanoTime();
    List<PopulationEstimate> sc = SampleCoverage.estimate(t, BOOTSTRAP, seed);
    double scSeconds = (System.nanoTime() - t0) / 1e9 / sc.size();
    for (PopulationEstimate e : sc) {
      rows.add(new Row(c, "chao " + e.model(), e, scSeconds));
    }
    rows.add(
        timed(c, "loglinear AIC profile", () -> LogLinear.select(t, Criterion.AIC, 2, 0, seed)));
    rows.add(
        timed(c, "loglinear BIC profile", () -> LogLinear.select(t, Criterion.BIC, 2, 0, seed)));
    if (c.lists() <= 4) {
      // Selection-repeating BCa costs 200 exhaustive searches: ~16 s a table at 5 lists on this
      // machine, too slow for 80 tables here, so the study runs it on 3 and 4 lists only.
      rows.add(
          timed(
              c,
              "loglinear AIC BCa-" + BOOTSTRAP,
              () -> LogLinear.select(t, Criterion.AIC, 2, BOOTSTRAP, seed)));
    }
    return rows;
  }

  private static Row timed(
      Case c, String method, java.util.function.Supplier<PopulationEstimate> f) {
    long t0 = System.nanoTime();
    PopulationEstimate e = f.get();
    return new Row(c, method, e, (System.nanoTime() - t0) / 1e9);
  }

  private static void writeCsv(Path file, List<Row> rows) throws IOException {
    StringBuilder sb =
        new StringBuilder(
            "case,group,lists,heterogeneity,dependence,population,observed,method,model,estimate,"
                + "lower,upper,covers,seconds,inestimable\n");
    for (Row r : rows) {
      Case c = r.c();
      PopulationEstimate e = r.e();
      sb.append(
          String.format(
              Locale.ROOT,
              "%d,%s,%d,%.1f,%s,%d,%d,%s,\"%s\",%s,%s,%s,%s,%.3f,\"%s\"%n",
              c.id(),
              c.group(),
              c.lists(),
              c.heterogeneity(),
              c.dependence(),
              c.population(),
              e.observed(),
              r.method(),
              e.model().replace("\"", "'"),
              e.isEstimable() ? String.format(Locale.ROOT, "%.1f", e.estimate()) : "",
              e.isEstimable() ? String.format(Locale.ROOT, "%.1f", e.interval().lower()) : "",
              e.isEstimable() ? String.format(Locale.ROOT, "%.1f", e.interval().upper()) : "",
              e.isEstimable() ? Boolean.toString(r.covers()) : "",
              r.seconds(),
              e.isEstimable() ? "" : e.diagnostics().inestimable().replace("\"", "'")));
    }
    Files.writeString(file, sb.toString());
  }

  static String summary(List<Row> rows, int cases, double seconds) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT, "%d scenarios, %d method runs, %.0f s%n%n", cases, rows.size(), seconds));
    sb.append(table("All scenarios", rows, r -> true));
    long lcmcr = rows.stream().filter(r -> r.method().equals("lcmcr")).count();
    long unmixed =
        rows.stream()
            .filter(r -> r.method().equals("lcmcr"))
            .filter(
                r -> r.e().diagnostics().warnings().stream().anyMatch(w -> w.startsWith("R-hat")))
            .count();
    sb.append(
        String.format(
            Locale.ROOT,
            "LCMCR runs whose R-hat exceeded 1.1 (and said so): %d of %d.%n%n",
            unmixed,
            lcmcr));
    sb.append(
        table(
            "Open lists, no heterogeneity, independent",
            rows,
            r ->
                r.c().group().equals("open")
                    && r.c().heterogeneity() == 0
                    && r.c().dependence().equals("none")));
    for (double h : HETEROGENEITY) {
      sb.append(
          table(
              String.format(Locale.ROOT, "Open lists, heterogeneity %.1f", h),
              rows,
              r -> r.c().group().equals("open") && r.c().heterogeneity() == h));
    }
    for (String d : DEPENDENCE) {
      sb.append(
          table(
              "Open lists, dependence " + d,
              rows,
              r -> r.c().group().equals("open") && r.c().dependence().equals(d)));
    }
    for (int k = 3; k <= 5; k++) {
      int lists = k;
      sb.append(
          table(
              "Open lists, " + k + " lists",
              rows,
              r -> r.c().group().equals("open") && r.c().lists() == lists));
    }
    sb.append(
        table(
            "Shipped scenario (lists see only some fates)",
            rows,
            r -> r.c().group().equals("shipped")));
    return sb.toString();
  }

  private static String table(String title, List<Row> rows, Predicate<Row> filter) {
    Map<String, List<Row>> byMethod = new LinkedHashMap<>();
    for (Row r : rows) {
      if (filter.test(r)) {
        byMethod.computeIfAbsent(r.method(), m -> new ArrayList<>()).add(r);
      }
    }
    StringBuilder sb = new StringBuilder("### " + title + "\n\n");
    sb.append(
        "| method | runs | estimable | coverage of 95% interval | median rel. bias |"
            + " mean rel. bias | median rel. width | mean s |\n");
    sb.append("|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, List<Row>> m : byMethod.entrySet()) {
      List<Row> all = m.getValue();
      List<Row> ok = all.stream().filter(Row::estimable).toList();
      double coverage = ok.stream().filter(Row::covers).count() / (double) Math.max(1, ok.size());
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.1f%% | %+.1f%% | %+.1f%% | %.1f%% | %.2f |%n",
              m.getKey(),
              all.size(),
              ok.size(),
              100 * coverage,
              100 * median(ok, Row::relativeError),
              100 * ok.stream().mapToDouble(Row::relativeError).average().orElse(Double.NaN),
              100 * median(ok, Row::relativeWidth),
              all.stream().mapToDouble(Row::seconds).average().orElse(Double.NaN)));
    }
    return sb.append('\n').toString();
  }

  private static double median(List<Row> rows, Function<Row, Double> f) {
    double[] x = rows.stream().mapToDouble(f::apply).filter(Double::isFinite).sorted().toArray();
    if (x.length == 0) {
      return Double.NaN;
    }
    return x.length % 2 == 1 ? x[x.length / 2] : (x[x.length / 2 - 1] + x[x.length / 2]) / 2;
  }
}
