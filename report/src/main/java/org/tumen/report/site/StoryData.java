package org.tumen.report.site;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tumen.model.SpreadsheetSafe;
import org.tumen.report.disclosure.TableMarkup;
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

  /**
   * One CSV per table the story uses, written by {@link TableMarkup} (the convention the
   * publication check reads back: suppressed counts are {@code x}), named {@code TABLE}.
   */
  static Map<String, String> tables(StoryBody.Rendered r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (PublishedTable t : r.tables().values()) {
      int m = t.rows().size();
      Long[][] values = new Long[m + 1][2];
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        PublishedTable.Row row = t.rows().get(i);
        keys.add(row.key());
        Long v = row.cell().value().orElse(null);
        values[i][0] = v;
        values[i][1] = v;
      }
      Long total = t.total().value().orElse(null);
      values[m][0] = total;
      values[m][1] = total;
      org.tumen.report.disclosure.PublishedTable p =
          new org.tumen.report.disclosure.PublishedTable(
              t.dimension().isEmpty() ? "all" : t.dimension(),
              t.unit(),
              keys,
              List.of(t.unit()),
              values);
      out.put(t.id(), TableMarkup.csv(p, rowTag(t.dimension()), "#affected+num", "total"));
    }
    return out;
  }

  private static String rowTag(String dimension) {
    if (dimension.startsWith("act type")) {
      return "#event+type+code";
    }
    if (dimension.startsWith("place")) {
      return "#loc+code";
    }
    if (dimension.isEmpty()) {
      return "#meta+all";
    }
    return "#date+period";
  }

  /** The estimates a story uses, with HXL hashtags; estimates are not counts and have no cells. */
  static String estimates(StoryBody.Rendered r) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
      p.printRecord("estimate", "method", "model", "people", "lower", "upper", "level", "observed");
      p.printRecord(
          "#meta+id",
          "#meta+method",
          "#meta+model",
          "#indicator+estimate",
          "#indicator+estimate+min",
          "#indicator+estimate+max",
          "#meta+level",
          "#indicator+observed");
      for (EstimateView e : r.estimates().values()) {
        p.printRecord(
            e.id(),
            SpreadsheetSafe.cell(e.method()),
            SpreadsheetSafe.cell(e.model()),
            e.estimate().map(x -> Long.toString(Math.round(x))).orElse("inestimable"),
            e.estimate().isPresent() ? round(e.lower()) : "",
            e.estimate().isPresent() ? round(e.upper()) : "",
            String.format(Locale.ROOT, "%.2f", e.level()),
            Long.toString(e.observed()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static String round(double v) {
    return Double.isInfinite(v) ? "unbounded" : Long.toString(Math.round(v));
  }
}
