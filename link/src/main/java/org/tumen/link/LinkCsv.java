package org.tumen.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tumen.model.SpreadsheetSafe;

/**
 * Writes a {@link LinkResult} in the CSV formats of DESIGN.md. The caller owns the writers.
 *
 * <p>Pairs and review files are for people to open in a spreadsheet, and their cells come from the
 * organisations (list names, record ids, names and notes in the review): each cell goes through
 * {@link SpreadsheetSafe}, so a value that a spreadsheet would run as a formula is written as text
 * (numbers stay numbers). Clusters and draws are read back by {@code tumen estimate} and are
 * written as they are.
 */
public final class LinkCsv {

  private LinkCsv() {}

  /** {@code source,record_id,cluster_id}: every record once; cluster ids count from 1. */
  public static void writeClusters(LinkResult result, Writer out) {
    try {
      CSVPrinter p = printer(out, "source", "record_id", "cluster_id");
      for (int i = 0; i < result.size(); i++) {
        p.printRecord(result.rs.sourceName(i), result.rs.recordIds[i], result.clusterOf(i) + 1);
      }
      p.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code source,record_id,draw_1,...,draw_K}: each record's cluster in every alternative
   * clustering ({@link Linker#withDraws}), numbered from 1 within each draw.
   */
  public static void writeDraws(LinkResult result, Writer out) {
    try {
      String[] header = new String[2 + result.drawCount()];
      header[0] = "source";
      header[1] = "record_id";
      for (int d = 0; d < result.drawCount(); d++) {
        header[2 + d] = "draw_" + (d + 1);
      }
      CSVPrinter p = printer(out, header);
      Object[] row = new Object[header.length];
      for (int i = 0; i < result.size(); i++) {
        row[0] = result.rs.sourceName(i);
        row[1] = result.rs.recordIds[i];
        for (int d = 0; d < result.drawCount(); d++) {
          row[2 + d] = result.drawnClusterOf(d, i) + 1;
        }
        p.printRecord(row);
      }
      p.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code source_a,record_id_a,source_b,record_id_b,match_probability,match_weight}. */
  public static void writePairs(LinkResult result, Writer out) {
    try {
      CSVPrinter p =
          printer(
              out,
              "source_a",
              "record_id_a",
              "source_b",
              "record_id_b",
              "match_probability",
              "match_weight");
      for (int i = 0; i < result.pairCount(); i++) {
        ScoredPair s = result.pair(i);
        printSafe(
            p,
            List.of(
                s.a().source(),
                s.a().id(),
                s.b().source(),
                s.b().id(),
                fmt(s.probability()),
                fmt(s.weight())));
      }
      p.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The pairs columns, then per compared field {@code <field>_a, <field>_b, <field>_level,
   * <field>_weight}: the values as written, the agreement level and the field's contribution to the
   * match weight. Most uncertain pairs first.
   */
  public static void writeReview(LinkResult result, Writer out) {
    try {
      List<String> header =
          new ArrayList<>(
              List.of(
                  "source_a",
                  "record_id_a",
                  "source_b",
                  "record_id_b",
                  "match_probability",
                  "match_weight"));
      for (int f = 0; f < result.rs.fields.size(); f++) {
        String name = result.rs.field(f).name();
        header.addAll(List.of(name + "_a", name + "_b", name + "_level", name + "_weight"));
      }
      CSVPrinter p = printer(out, header.toArray(String[]::new));
      for (ReviewPair r : result.review()) {
        List<Object> row = new ArrayList<>();
        ScoredPair s = r.pair();
        row.addAll(
            List.of(
                s.a().source(),
                s.a().id(),
                s.b().source(),
                s.b().id(),
                fmt(s.probability()),
                fmt(s.weight())));
        for (FieldEvidence e : r.evidence()) {
          row.addAll(List.of(e.valueA(), e.valueB(), e.level(), fmt(e.weight())));
        }
        printSafe(p, row);
      }
      p.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void printSafe(CSVPrinter p, List<?> row) throws IOException {
    for (Object cell : row) {
      p.print(SpreadsheetSafe.cell(cell));
    }
    p.println();
  }

  private static CSVPrinter printer(Writer out, String... header) throws IOException {
    String[] safe = new String[header.length];
    for (int i = 0; i < header.length; i++) {
      safe[i] = SpreadsheetSafe.cell(header[i]); // review headers carry the lists' column names
    }
    return new CSVPrinter(
        out, CSVFormat.DEFAULT.builder().setHeader(safe).setRecordSeparator('\n').get());
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%.6g", x);
  }
}
