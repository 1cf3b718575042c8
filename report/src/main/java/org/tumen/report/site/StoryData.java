package org.tumen.report.site;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tumen.model.SpreadsheetSafe;
import org.tumen.report.publication.EstimateView;
import org.tumen.report.publication.PublishedTable;
import org.tumen.report.story.StoryBody;

/**
 * A story's data as CSV with HXL hashtags on the second row (hxlstandard.org): every table and
 * estimate the story uses, as published — suppressed cells are blank with the status {@code
 * suppressed}, never their count. Cells go through {@link SpreadsheetSafe}.
 */
final class StoryData {
  private StoryData() {}

  static String csv(StoryBody.Rendered r) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
      p.printRecord("what", "table", "unit", "rows by", "key", "value", "lower", "upper", "status");
      p.printRecord(
          "#meta+type",
          "#meta+table+id",
          "#indicator+unit",
          "#meta+dimension",
          "#meta+key",
          "#affected+num",
          "#affected+num+min",
          "#affected+num+max",
          "#status");
      for (PublishedTable t : r.tables().values()) {
        for (PublishedTable.Row row : t.rows()) {
          cell(p, t, row.key(), row.cell());
        }
        cell(p, t, "total", t.total());
      }
      for (EstimateView e : r.estimates().values()) {
        p.printRecord(
            "estimate",
            "estimate-" + e.id(),
            "people",
            "",
            SpreadsheetSafe.cell(e.method() + " " + e.model()),
            e.estimate().map(x -> Long.toString(Math.round(x))).orElse(""),
            e.estimate().isPresent() ? round(e.lower()) : "",
            e.estimate().isPresent() ? round(e.upper()) : "",
            e.estimate().isPresent()
                ? String.format(Locale.ROOT, "%.0f%% interval", e.level() * 100)
                : "inestimable");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static String round(double v) {
    return Double.isInfinite(v) ? "unbounded" : Long.toString(Math.round(v));
  }

  private static void cell(CSVPrinter p, PublishedTable t, String key, PublishedTable.Cell c)
      throws IOException {
    p.printRecord(
        "count",
        t.id(),
        t.unit(),
        SpreadsheetSafe.cell(t.dimension()),
        SpreadsheetSafe.cell(key),
        c.value().map(String::valueOf).orElse(""),
        "",
        "",
        c.isSuppressed() ? "suppressed" : "published");
  }
}
