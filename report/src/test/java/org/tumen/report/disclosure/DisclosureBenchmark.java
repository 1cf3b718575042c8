package org.tumen.report.disclosure;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tumen.model.PartialDate;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.place.PlaceLevel;
import org.tumen.report.disclosure.Coarsening.Axis;
import org.tumen.report.disclosure.Coarsening.Grain;
import org.tumen.report.disclosure.Coarsening.Item;
import org.tumen.report.disclosure.Coarsening.Level;

/**
 * Times disclosure control on tables of the simulated documentation ({@code SimulatedWitnesses} of
 * the document module's tests, loaded by name so that this module needs no test-jar); run by hand
 * (docs/benchmarks.md), never as a test. Arguments: the number of travelling groups (or {@code
 * stories} for the check of a story site alone), and a folder to write the tables and pages to.
 */
public final class DisclosureBenchmark {

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final DisclosureRules RULES = DisclosureRules.defaults();
  private static final Coarsening COARSENING = new Coarsening();

  private DisclosureBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    if (args[0].equals("stories")) {
      stories(out.resolve("site"));
      return;
    }
    int groups = Integer.parseInt(args[0]);
    Object sim =
        Class.forName("org.tumen.document.SimulatedWitnesses")
            .getConstructor(long.class, double.class)
            .newInstance(1L, 0.6);
    Object result = sim.getClass().getMethod("generate", int.class).invoke(sim, groups);
    Documentation d = (Documentation) result.getClass().getMethod("documentation").invoke(result);
    List<Item> items = new ArrayList<>();
    for (Act a : d.acts()) {
      items.add(new Item(Optional.of(a.where().place()), period(a), a.type().code()));
    }
    System.out.printf("%,d act records (synthetic)%n", items.size());
    System.out.println(
        "| table | cells | sensitive | primary | complementary | hidden cells | hidden count | wall | CPU |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    List<PublishedTable> written = new ArrayList<>();
    one(
        items,
        "act type x region",
        Axis.CATEGORY,
        Axis.PLACE,
        new Level(PlaceLevel.REGION, Grain.YEAR),
        written);
    one(
        items,
        "act type x district",
        Axis.CATEGORY,
        Axis.PLACE,
        new Level(PlaceLevel.DISTRICT, Grain.YEAR),
        written);
    one(
        items,
        "act type x year",
        Axis.CATEGORY,
        Axis.PERIOD,
        new Level(PlaceLevel.COUNTRY, Grain.YEAR),
        written);
    one(
        items,
        "act type x quarter",
        Axis.CATEGORY,
        Axis.PERIOD,
        new Level(PlaceLevel.COUNTRY, Grain.QUARTER),
        written);
    one(
        items,
        "act type x month",
        Axis.CATEGORY,
        Axis.PERIOD,
        new Level(PlaceLevel.COUNTRY, Grain.MONTH),
        written);
    one(
        items,
        "district x month",
        Axis.PLACE,
        Axis.PERIOD,
        new Level(PlaceLevel.DISTRICT, Grain.MONTH),
        written);
    List<Item> returns = items.stream().filter(i -> i.category().equals("forced-return")).toList();
    one(
        returns,
        "forced returns: district x month",
        Axis.PLACE,
        Axis.PERIOD,
        new Level(PlaceLevel.DISTRICT, Grain.MONTH),
        written);

    long w = System.nanoTime();
    long c = CPU.getCurrentThreadCpuTime();
    Coarsening.Choice choice = COARSENING.choose(returns, Axis.PLACE, Axis.PERIOD, RULES);
    System.out.printf(
        "%nchoose (forced returns, place x period, %d levels tried): %s, %d x %d, %.1f%% of the count hidden; %s%n",
        choice.tried().size(),
        choice.chosen().level(),
        choice.chosen().table().grid().rows(),
        choice.chosen().table().grid().columns(),
        100 * choice.chosen().table().suppressedShare(),
        since(w, c));
    for (Coarsening.Coarsened t : choice.tried()) {
      System.out.printf(
          "  %s: %d cells, %.1f%% hidden%n",
          t.level(), t.cells(), 100 * t.table().suppressedShare());
    }

    List<Level> levels =
        List.of(
            new Level(PlaceLevel.DISTRICT, Grain.QUARTER),
            new Level(PlaceLevel.REGION, Grain.QUARTER),
            new Level(PlaceLevel.REGION, Grain.YEAR));
    w = System.nanoTime();
    c = CPU.getCurrentThreadCpuTime();
    List<ProtectedTable> together =
        COARSENING.protectTogether(returns, Axis.PLACE, Axis.PERIOD, levels, RULES);
    String t1 = since(w, c);
    w = System.nanoTime();
    c = CPU.getCurrentThreadCpuTime();
    long weak =
        COARSENING.jointBounds(returns, Axis.PLACE, Axis.PERIOD, levels, together).stream()
            .filter(b -> b.width() < RULES.threshold())
            .count();
    System.out.printf(
        "%nprotectTogether (forced returns, %s): %s; joint audit: %d too narrow, %s%n",
        levels, t1, weak, since(w, c));
    for (int i = 0; i < levels.size(); i++) {
      ProtectedTable p = together.get(i);
      System.out.printf(
          "  %s: %d x %d, %d hidden cells, %.1f%% of the count hidden%n",
          levels.get(i),
          p.grid().rows(),
          p.grid().columns(),
          p.suppressedCells(),
          100 * p.suppressedShare());
    }

    for (int i = 0; i < written.size(); i++) {
      Files.writeString(
          out.resolve("table-" + i + ".csv"),
          TableMarkup.csv(written.get(i), "#x_row", "#affected+num", "Total"));
      Files.writeString(
          out.resolve("table-" + i + ".html"),
          "<html><body>\n"
              + TableMarkup.html(written.get(i), "act records", "Total")
              + "</body></html>\n");
    }
    IdentityTerms terms =
        IdentityTerms.builder().name("P-1", "리순희").name("P-2", "Pak Tong Gu").build();
    w = System.nanoTime();
    c = CPU.getCurrentThreadCpuTime();
    List<Finding> findings = PublicationCheck.check(out, terms, RULES);
    System.out.printf(
        "%nPublicationCheck of %d files (each table as CSV and HTML): %d findings, %s%n",
        2 * written.size(), findings.size(), since(w, c));
  }

  /**
   * The check of a site of 200 story pages (about 2,500 characters of English, Korean and Chinese
   * each, made of the vocabularies' words) against the names of 20,000 simulated persons' list
   * records.
   */
  private static void stories(Path site) throws Exception {
    Path lists = Files.createTempDirectory("disclosure-bench-lists");
    org.tumen.simulate.Simulator.simulate(
        org.tumen.simulate.Scenario.defaults(), 20_000, 3, lists, org.tumen.model.Progress.NONE);
    IdentityTerms.Builder b = IdentityTerms.builder();
    int names = 0;
    try (var files = Files.list(lists)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
        if (f.getFileName().toString().equals("truth.csv")) {
          continue;
        }
        try (var r = Files.newBufferedReader(f);
            var p = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().get().parse(r)) {
          boolean split = p.getHeaderNames().size() == 7;
          for (var rec : p) {
            if (split) {
              b.name(f.getFileName() + rec.get(0), rec.get(1), rec.get(2));
            } else {
              b.name(f.getFileName() + rec.get(0), rec.get(1));
            }
            names++;
          }
        }
      }
    }
    IdentityTerms terms = b.build();
    StringBuilder text = new StringBuilder();
    org.tumen.model.vocabulary.Vocabularies v = org.tumen.model.vocabulary.Vocabularies.standard();
    v.actTypes()
        .forEach(
            a ->
                text.append("<p>")
                    .append(a.labels().en())
                    .append(": ")
                    .append(a.labels().ko())
                    .append(" / ")
                    .append(a.labels().zh())
                    .append("</p>\n"));
    v.provisions()
        .forEach(
            p ->
                text.append("<p>")
                    .append(p.subject().ko())
                    .append(' ')
                    .append(p.subject().zh())
                    .append("</p>\n"));
    Files.createDirectories(site);
    for (int i = 0; i < 200; i++) {
      Files.writeString(
          site.resolve("story-" + i + ".html"),
          "<html><body><h1>Story " + i + " (synthetic)</h1>\n" + text + "</body></html>\n");
    }
    long w = System.nanoTime();
    long c = CPU.getCurrentThreadCpuTime();
    List<Finding> findings = PublicationCheck.check(site, terms, RULES);
    System.out.printf(
        "%nPublicationCheck of 200 pages of %,d characters against %,d names: %d findings, %s%n",
        text.length(), names, findings.size(), since(w, c));
  }

  private static void one(
      List<Item> items,
      String name,
      Axis rows,
      Axis columns,
      Level level,
      List<PublishedTable> written) {
    CountGrid g = COARSENING.grid(items, rows, columns, level);
    int sensitive = 0;
    for (int r = 0; r <= g.rows(); r++) {
      for (int c = 0; c <= g.columns(); c++) {
        if (RULES.isSensitive(g.value(r, c))) {
          sensitive++;
        }
      }
    }
    long w = System.nanoTime();
    long c = CPU.getCurrentThreadCpuTime();
    ProtectedTable p = CellSuppression.protect(g, RULES);
    String took = since(w, c);
    System.out.printf(
        "| %s | %d x %d | %d | %d | %d | %d (%.1f%%) | %d (%.1f%%) | %s |%n",
        name,
        g.rows(),
        g.columns(),
        sensitive,
        p.count(CellStatus.PRIMARY),
        p.count(CellStatus.COMPLEMENTARY),
        p.suppressedCells(),
        100.0 * p.suppressedCells() / Math.max(1, g.rows() * g.columns()),
        p.suppressedTotal(),
        100 * p.suppressedShare(),
        took.replace(", ", " | "));
    written.add(p.published());
  }

  /** The act's month if its dates fall in one month, its year if in one year, else nothing. */
  private static Optional<PartialDate> period(Act a) {
    LocalDate from = a.when().earliest();
    LocalDate to = a.when().latest();
    if (from.getYear() != to.getYear()) {
      return Optional.empty();
    }
    return Optional.of(
        from.getMonthValue() == to.getMonthValue()
            ? PartialDate.ofMonth(from.getYear(), from.getMonthValue())
            : PartialDate.ofYear(from.getYear()));
  }

  private static String since(long wall, long cpu) {
    return String.format(
        "%.2f s wall, %.2f s CPU",
        (System.nanoTime() - wall) / 1e9, (CPU.getCurrentThreadCpuTime() - cpu) / 1e9);
  }
}
