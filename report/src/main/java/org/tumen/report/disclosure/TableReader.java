package org.tumen.report.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Reads published count tables back, by the convention of the package documentation, into {@link
 * PublishedTable}s for the attacker: HTML tables carrying {@code data-counting-rule}, and CSV files
 * with a row of HXL hashtags. A table that breaks the convention is an {@link Unreadable}.
 */
final class TableReader {

  /** A published table found in a file, or why it could not be read. */
  record Read(int line, String name, Optional<PublishedTable> table, String problem) {}

  /** Words that label a totals row, in the three languages of the editions. */
  static final Set<String> TOTAL_WORDS =
      Set.of("total", "totals", "all", "합계", "계", "총계", "전체", "合计", "合計", "总计", "總計", "总数", "全部");

  /** Cell texts that mean "suppressed" in a CSV table. */
  private static final Set<String> SUPPRESSED_MARKS = Set.of("x", "X", "..", "", "[c]");

  private TableReader() {}

  /** One raw table: a header, body rows (label + cells), which column and row are totals. */
  private record Raw(
      List<String> columnLabels,
      int totalColumn,
      List<String> rowLabels,
      List<List<String>> cells,
      List<List<Boolean>> suppressed,
      int totalRow) {}

  // ------------------------------------------------------------------ HTML

  static Read html(Element table, int line) {
    String name = table.attr("data-counting-rule");
    List<Element> rows = table.select("tr");
    if (rows.isEmpty()) {
      return problem(line, name, "a table with no rows");
    }
    Element header = rows.get(0);
    List<Element> headCells = header.select("> th, > td");
    List<String> columnLabels = new ArrayList<>();
    int totalColumn = -1;
    for (int c = 1; c < headCells.size(); c++) {
      Element h = headCells.get(c);
      if (isTotal(h)) {
        totalColumn = c - 1;
      }
      columnLabels.add(h.text());
    }
    List<String> rowLabels = new ArrayList<>();
    List<List<String>> cells = new ArrayList<>();
    List<List<Boolean>> suppressed = new ArrayList<>();
    int totalRow = -1;
    for (int r = 1; r < rows.size(); r++) {
      Element tr = rows.get(r);
      List<Element> tds = tr.select("> th, > td");
      if (tds.size() != headCells.size()) {
        return problem(
            line,
            name,
            "row " + r + " has " + tds.size() + " cells, the header " + headCells.size());
      }
      if (isTotal(tr) || (r == rows.size() - 1 && TOTAL_WORDS.contains(norm(tds.get(0).text())))) {
        totalRow = rowLabels.size();
      }
      rowLabels.add(tds.get(0).text());
      List<String> values = new ArrayList<>();
      List<Boolean> hidden = new ArrayList<>();
      for (int c = 1; c < tds.size(); c++) {
        Element td = tds.get(c);
        hidden.add(td.hasAttr("data-suppressed"));
        values.add(td.text());
      }
      cells.add(values);
      suppressed.add(hidden);
    }
    return build(
        line, name, new Raw(columnLabels, totalColumn, rowLabels, cells, suppressed, totalRow));
  }

  private static boolean isTotal(Element e) {
    return e.hasAttr("data-total") || e.hasClass("total");
  }

  // ------------------------------------------------------------------ CSV

  /**
   * A CSV file's records (first the header, then the HXL hashtags, then the rows), or empty when
   * the second record is not a row of hashtags (then it is no published table).
   */
  static Optional<Read> csv(List<List<String>> records, String name) {
    if (records.size() < 2 || !isHashtagRow(records.get(1))) {
      return Optional.empty();
    }
    List<String> header = records.get(0);
    List<String> tags = records.get(1);
    List<Integer> countColumns = new ArrayList<>();
    int totalColumn = -1;
    List<String> columnLabels = new ArrayList<>();
    for (int c = 1; c < tags.size(); c++) {
      String tag = tags.get(c).toLowerCase(Locale.ROOT).replace(" ", "");
      if (tag.contains("+num")) {
        if (tag.contains("+total")) {
          totalColumn = countColumns.size();
        }
        countColumns.add(c);
        columnLabels.add(c < header.size() ? header.get(c) : "");
      }
    }
    if (countColumns.isEmpty()) {
      return Optional.empty();
    }
    List<String> rowLabels = new ArrayList<>();
    List<List<String>> cells = new ArrayList<>();
    List<List<Boolean>> suppressed = new ArrayList<>();
    int totalRow = -1;
    for (int r = 2; r < records.size(); r++) {
      List<String> rec = records.get(r);
      if (rec.size() == 1 && rec.get(0).isBlank()) {
        continue;
      }
      String label = rec.isEmpty() ? "" : rec.get(0);
      if (r == records.size() - 1 && TOTAL_WORDS.contains(norm(label))) {
        totalRow = rowLabels.size();
      }
      rowLabels.add(label);
      List<String> values = new ArrayList<>();
      List<Boolean> hidden = new ArrayList<>();
      for (int c : countColumns) {
        String v = c < rec.size() ? rec.get(c).strip() : "";
        boolean mark = SUPPRESSED_MARKS.contains(v);
        hidden.add(mark);
        values.add(mark ? "" : v);
      }
      cells.add(values);
      suppressed.add(hidden);
    }
    return Optional.of(
        build(1, name, new Raw(columnLabels, totalColumn, rowLabels, cells, suppressed, totalRow)));
  }

  private static boolean isHashtagRow(List<String> rec) {
    boolean any = false;
    for (String s : rec) {
      String t = s.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (!t.startsWith("#")) {
        return false;
      }
      any = true;
    }
    return any;
  }

  // ------------------------------------------------------------------ both

  private static Read build(int line, String name, Raw raw) {
    int m = raw.rowLabels().size() - (raw.totalRow() >= 0 ? 1 : 0);
    int n = raw.columnLabels().size() - (raw.totalColumn() >= 0 ? 1 : 0);
    if (m < 1 || n < 1) {
      return problem(line, name, "a table with no counts");
    }
    Long[][] values = new Long[m + 1][n + 1];
    boolean[][] absent = new boolean[m + 1][n + 1];
    List<String> rowLabels = new ArrayList<>();
    List<String> columnLabels = new ArrayList<>();
    for (int c = 0; c < raw.columnLabels().size(); c++) {
      if (c != raw.totalColumn()) {
        columnLabels.add(raw.columnLabels().get(c));
      }
    }
    for (int r = 0; r <= m; r++) {
      for (int c = 0; c <= n; c++) {
        absent[r][c] = (r == m && raw.totalRow() < 0) || (c == n && raw.totalColumn() < 0);
      }
    }
    int gridRow = 0;
    for (int r = 0; r < raw.rowLabels().size(); r++) {
      int to = r == raw.totalRow() ? m : gridRow++;
      if (r != raw.totalRow()) {
        rowLabels.add(raw.rowLabels().get(r));
      }
      int gridColumn = 0;
      for (int c = 0; c < raw.columnLabels().size(); c++) {
        int tc = c == raw.totalColumn() ? n : gridColumn++;
        if (raw.suppressed().get(r).get(c)) {
          continue;
        }
        String text = raw.cells().get(r).get(c);
        Long v = count(text);
        if (v == null) {
          return problem(
              line,
              name,
              "row "
                  + raw.rowLabels().get(r)
                  + ", column "
                  + raw.columnLabels().get(c)
                  + ": not a count and not marked suppressed");
        }
        values[to][tc] = v;
      }
    }
    return new Read(
        line,
        name,
        Optional.of(
            PublishedTable.withAbsentTotals(
                "row", "column", rowLabels, columnLabels, values, absent)),
        "");
  }

  /** A count as tables print it: digits with thousands separators, or null. */
  static Long count(String text) {
    String t =
        text.strip().replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
    if (t.isEmpty() || t.length() > 15 || !t.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Long.parseLong(t);
  }

  private static String norm(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }

  private static Read problem(int line, String name, String why) {
    return new Read(line, name, Optional.empty(), why);
  }
}
