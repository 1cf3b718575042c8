package org.tumen.report.disclosure;

import java.util.ArrayList;
import java.util.List;
import org.tumen.model.SpreadsheetSafe;

/**
 * Writes a {@link PublishedTable} by the package's convention, so that {@link PublicationCheck} can
 * read it back: CSV with a row of HXL hashtags and {@code x} for a suppressed count, and an HTML
 * table with {@code data-counting-rule}, {@code data-total} on the totals row and column and {@code
 * data-suppressed} on suppressed cells. Reports may write their own markup as long as it keeps
 * these markers; this is the reference.
 */
public final class TableMarkup {

  /** The mark of a suppressed count in CSV. */
  public static final String SUPPRESSED = "x";

  private TableMarkup() {}

  /**
   * The table as CSV: a header row, a row of HXL hashtags, the rows and the totals row.
   *
   * @param rowTag the HXL hashtag of the row labels ({@code #adm1+name}, {@code #date+month})
   * @param countTag the hashtag of the counts, with {@code +num} ({@code #affected+num})
   * @param totalWord the word for "Total" in the edition's language (a word of {@link
   *     TableReader#TOTAL_WORDS})
   */
  public static String csv(PublishedTable t, String rowTag, String countTag, String totalWord) {
    if (!countTag.contains("+num")) {
      throw new IllegalArgumentException("a count's hashtag carries +num: " + countTag);
    }
    StringBuilder b = new StringBuilder();
    List<String> header = new ArrayList<>();
    header.add(t.rowDimension());
    header.addAll(t.columnLabels());
    header.add(totalWord);
    line(b, header);
    List<String> tags = new ArrayList<>();
    tags.add(rowTag);
    for (int c = 0; c < t.columns(); c++) {
      tags.add(countTag);
    }
    tags.add(countTag + "+total");
    line(b, tags);
    for (int r = 0; r <= t.rows(); r++) {
      List<String> row = new ArrayList<>();
      row.add(r == t.rows() ? totalWord : t.rowLabels().get(r));
      for (int c = 0; c <= t.columns(); c++) {
        row.add(t.value(r, c).isPresent() ? Long.toString(t.value(r, c).getAsLong()) : SUPPRESSED);
      }
      line(b, row);
    }
    return b.toString();
  }

  /** The table as an HTML {@code <table>} element. */
  public static String html(PublishedTable t, String countingRule, String totalWord) {
    StringBuilder b = new StringBuilder();
    b.append("<table data-counting-rule=\"").append(escape(countingRule)).append("\">\n");
    b.append("<thead><tr><th scope=\"col\">").append(escape(t.rowDimension())).append("</th>");
    for (String c : t.columnLabels()) {
      b.append("<th scope=\"col\">").append(escape(c)).append("</th>");
    }
    b.append("<th scope=\"col\" data-total>")
        .append(escape(totalWord))
        .append("</th></tr></thead>\n");
    b.append("<tbody>\n");
    for (int r = 0; r <= t.rows(); r++) {
      boolean total = r == t.rows();
      b.append(total ? "<tr data-total>" : "<tr>").append("<th scope=\"row\">");
      b.append(escape(total ? totalWord : t.rowLabels().get(r))).append("</th>");
      for (int c = 0; c <= t.columns(); c++) {
        if (t.value(r, c).isPresent()) {
          b.append("<td>").append(t.value(r, c).getAsLong()).append("</td>");
        } else {
          b.append("<td data-suppressed title=\"suppressed\">x</td>");
        }
      }
      b.append("</tr>\n");
    }
    return b.append("</tbody>\n</table>\n").toString();
  }

  /** One CSV line; every cell through {@link SpreadsheetSafe}, so no label runs as a formula. */
  private static void line(StringBuilder b, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      String c = SpreadsheetSafe.cell(cells.get(i));
      if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
        b.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        b.append(c);
      }
    }
    b.append("\r\n");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
