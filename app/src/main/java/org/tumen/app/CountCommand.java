package org.tumen.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tumen.document.count.CountTable;
import org.tumen.document.count.Counter;
import org.tumen.document.count.Dimension;
import org.tumen.document.count.Period;
import org.tumen.document.count.Unit;
import org.tumen.document.event.EventDeduplicator;
import org.tumen.model.BadInputException;
import org.tumen.model.SpreadsheetSafe;
import org.tumen.model.documentation.CountingRecords;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.PlaceLevel;
import org.tumen.store.Workspace;
import org.tumen.store.session.WorkspaceSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tumen count}: tables of the stored documentation by act type, period, place and
 * perpetrator type, one per unit counted (docs/documentation.md, "Counting"). Reads only what is in
 * the clear (codes, dates, places, counts), so it needs no passphrase and opens no testimony.
 */
@Command(
    name = "count",
    mixinStandardHelpOptions = true,
    description = {
      "Count the stored documentation: victims, acts, events and sources, each in its own table,",
      "by act type, period, place and perpetrator type. Events told by several witnesses count",
      "once; each row says how many sources support it. Reads no testimony: no passphrase needed."
    })
final class CountCommand implements Callable<Integer> {

  @Mixin WorkspaceOptions workspace;
  @Spec CommandSpec spec;

  @Option(
      names = "--by",
      split = ",",
      defaultValue = "act-type",
      paramLabel = "DIMENSION",
      description =
          "Split rows by act-type, period, place, perpetrator (comma-separated, in that order of"
              + " columns; default: act-type).")
  List<String> by;

  @Option(
      names = "--unit",
      split = ",",
      defaultValue = "victims,acts,events,sources",
      paramLabel = "UNIT",
      description = "What to count: victims, acts, events, sources (default: all four).")
  List<String> units;

  @Option(
      names = "--period",
      paramLabel = "PERIOD",
      description = "With --by period: month, quarter or year (default: year).")
  String period = "year";

  @Option(
      names = "--place-level",
      paramLabel = "LEVEL",
      description = "With --by place: country, region, district or subdistrict (default: region).")
  String placeLevel = "region";

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), csv or json.")
  String format = "text";

  @Override
  public Integer call() {
    List<Dimension> dimensions = dimensions();
    List<Unit> counted = units();
    if (!List.of("text", "csv", "json").contains(format)) {
      throw new BadInputException("--format", "not text, csv or json: " + format);
    }
    CountingRecords d;
    try (WorkspaceSession session =
        WorkspaceSession.openExistingToRead(workspace.workspace(), workspace.jdbcUrl())) {
      Workspace ws = session.workspace();
      d = ws.documentation().loadForCounting();
    }
    Gazetteer g = Gazetteer.standard();
    Counter counter = new Counter(d, new EventDeduplicator(g).deduplicate(d), g);
    List<CountTable> tables = new ArrayList<>();
    for (Unit u : counted) {
      tables.add(counter.table(u, dimensions));
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case "csv" -> csv(tables, out);
      case "json" -> json(tables, out);
      default -> text(tables, out);
    }
    out.flush();
    return 0;
  }

  private List<Dimension> dimensions() {
    List<Dimension> out = new ArrayList<>();
    for (String b : by) {
      out.add(
          switch (b.strip()) {
            case "act-type" -> Dimension.actType();
            case "period" -> Dimension.period(choice("--period", period, Period.class));
            case "place" -> Dimension.place(choice("--place-level", placeLevel, PlaceLevel.class));
            case "perpetrator" -> Dimension.perpetratorType();
            default ->
                throw new BadInputException(
                    "--by", "not act-type, period, place or perpetrator: " + b);
          });
    }
    return out;
  }

  private List<Unit> units() {
    List<Unit> out = new ArrayList<>();
    for (String u : units) {
      out.add(choice("--unit", u.strip(), Unit.class));
    }
    return out;
  }

  private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    throw new BadInputException(option, "not " + String.join(", ", names) + ": " + value);
  }

  private static String unit(CountTable t) {
    return t.unit().name().toLowerCase(Locale.ROOT);
  }

  private static void text(List<CountTable> tables, PrintWriter out) {
    for (CountTable t : tables) {
      out.println("# " + t.counts());
      if (!t.note().isEmpty()) {
        out.println("# " + t.note());
      }
      List<String> header = new ArrayList<>(t.dimensions());
      header.add(unit(t));
      header.add("sources");
      List<List<String>> lines = new ArrayList<>();
      for (CountTable.Row r : t.rows()) {
        lines.add(line(r));
      }
      List<String> total = new ArrayList<>();
      for (int i = 0; i < t.dimensions().size(); i++) {
        total.add(i == 0 ? "total" : "");
      }
      total.add(Long.toString(t.total().count()));
      total.add(Long.toString(t.total().sources()));
      if (t.dimensions().isEmpty()) {
        header.add(0, "");
        total.add(0, "total");
      }
      int[] widths = new int[header.size()];
      for (List<String> l : concat(header, lines, total)) {
        for (int i = 0; i < l.size(); i++) {
          widths[i] = Math.max(widths[i], l.get(i).length());
        }
      }
      print(header, widths, out);
      for (List<String> l : lines) {
        print(l, widths, out);
      }
      print(total, widths, out);
      out.println();
    }
  }

  private static List<String> line(CountTable.Row r) {
    List<String> l = new ArrayList<>(r.key());
    l.add(Long.toString(r.count()));
    l.add(Long.toString(r.sources()));
    return l;
  }

  private static List<List<String>> concat(
      List<String> header, List<List<String>> lines, List<String> total) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(lines);
    all.add(total);
    return all;
  }

  /** Labels left, the two counts right-aligned. */
  private static void print(List<String> l, int[] widths, PrintWriter out) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < l.size(); i++) {
      boolean number = i >= l.size() - 2;
      String cell = l.get(i);
      String pad = " ".repeat(widths[i] - cell.length());
      b.append(i == 0 ? "" : "  ").append(number ? pad + cell : cell + pad);
    }
    out.println(b.toString().stripTrailing());
  }

  /** One CSV for every table: unit, the dimensions, count, sources; the total's key is empty. */
  private void csv(List<CountTable> tables, PrintWriter out) {
    List<String> header = new ArrayList<>(List.of("unit"));
    if (!tables.isEmpty()) {
      header.addAll(tables.get(0).dimensions());
    }
    header.add("count");
    header.add("sources");
    try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      p.printRecord(header);
      for (CountTable t : tables) {
        for (CountTable.Row r : t.rows()) {
          p.printRecord(csvLine(t, r.key(), r));
        }
        List<String> blank = new ArrayList<>();
        for (int i = 0; i < t.dimensions().size(); i++) {
          blank.add(i == 0 ? "total" : "");
        }
        p.printRecord(csvLine(t, blank, t.total()));
      }
      p.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> csvLine(CountTable t, List<String> key, CountTable.Row r) {
    List<String> l = new ArrayList<>();
    l.add(unit(t));
    for (String k : key) {
      l.add(SpreadsheetSafe.cell(k));
    }
    l.add(Long.toString(r.count()));
    l.add(Long.toString(r.sources()));
    return l;
  }

  private static void json(List<CountTable> tables, PrintWriter out) {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode all = m.createArrayNode();
    for (CountTable t : tables) {
      ObjectNode o = all.addObject();
      o.put("unit", unit(t));
      o.put("counts", t.counts());
      o.put("note", t.note());
      ArrayNode dims = o.putArray("dimensions");
      t.dimensions().forEach(dims::add);
      ArrayNode rows = o.putArray("rows");
      for (CountTable.Row r : t.rows()) {
        ObjectNode row = rows.addObject();
        ArrayNode key = row.putArray("key");
        r.key().forEach(key::add);
        row.put("count", r.count());
        row.put("sources", r.sources());
      }
      ObjectNode total = o.putObject("total");
      total.put("count", t.total().count());
      total.put("sources", t.total().sources());
    }
    try {
      out.println(m.writeValueAsString(all));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
