package org.tumen.report.story;

import static org.tumen.report.publication.Markup.escape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.tumen.model.BadInputException;
import org.tumen.report.publication.EstimateView;
import org.tumen.report.publication.Labels;
import org.tumen.report.publication.LawRow;
import org.tumen.report.publication.PublishedQuote;
import org.tumen.report.publication.PublishedTable;
import org.tumen.report.publication.ReportPage;
import org.tumen.report.text.Texts;

/**
 * A story's body as HTML, its references resolved. Inline: {@code {{count TABLE KEY}}}, {@code
 * {{total TABLE}}}, {@code {{estimate [ID]}}}. On a line of their own: {@code {{table TABLE}}},
 * {@code {{chart TABLE}}}, {@code {{estimate-chart [ID]}}}, {@code {{quote ID}}}, {@code {{law
 * ACT-TYPE}}}. A reference to anything that does not exist, or to a quote no longer consented, is
 * bad input at the story's file and line. Raw HTML in the Markdown is shown as text, and images are
 * refused (a picture can identify; a remote one would be a request to a third party).
 */
public final class StoryBody {
  private static final Pattern REF =
      Pattern.compile("\\{\\{\\s*([a-z-]+)((?:\\s+[^}\\s]+)*)\\s*}}");
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\(");
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  /** The body's HTML, the tables and estimates it used (for the data download), the quotes. */
  public record Rendered(
      String html,
      Map<String, PublishedTable> tables,
      Map<String, EstimateView> estimates,
      List<PublishedQuote> quotes) {}

  private StoryBody() {}

  public static Rendered render(Story s, References refs, Labels labels) {
    Texts t = labels.texts();
    Map<String, String> blocks = new LinkedHashMap<>();
    Map<String, PublishedTable> tables = new LinkedHashMap<>();
    Map<String, EstimateView> estimates = new LinkedHashMap<>();
    List<PublishedQuote> quotes = new ArrayList<>();
    String[] lines = s.body().split("\n", -1);
    StringBuilder md = new StringBuilder(s.body().length() + 64);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = s.bodyLine() + i;
      String where = BadInputException.at(s.file().toString(), lineNo, 0);
      String line = lines[i];
      if (IMAGE.matcher(line).find()) {
        throw new BadInputException(
            where, "images are not published (a picture can identify someone); use {{chart …}}");
      }
      Matcher whole = REF.matcher(line.strip());
      if (whole.matches() && isBlock(whole.group(1))) {
        String token = "TUMENBLOCK" + blocks.size() + "X";
        blocks.put(
            token,
            block(
                whole.group(1),
                args(whole.group(2)),
                where,
                refs,
                labels,
                tables,
                estimates,
                quotes));
        md.append("\n").append(token).append("\n\n");
        continue;
      }
      Matcher m = REF.matcher(line);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = inline(m.group(1), args(m.group(2)), where, refs, t, tables, estimates);
        m.appendReplacement(out, Matcher.quoteReplacement(markdownText(value)));
      }
      m.appendTail(out);
      md.append(out).append("\n");
    }
    String html = RENDERER.render(PARSER.parse(md.toString()));
    for (Map.Entry<String, String> b : blocks.entrySet()) {
      html = html.replace("<p>" + b.getKey() + "</p>", b.getValue());
    }
    return new Rendered(html, tables, estimates, quotes);
  }

  private static boolean isBlock(String kind) {
    return List.of("table", "chart", "estimate-chart", "quote", "law").contains(kind);
  }

  private static List<String> args(String group) {
    String g = group == null ? "" : group.strip();
    return g.isEmpty() ? List.of() : List.of(g.split("\\s+"));
  }

  /** A value placed in Markdown: its punctuation cannot start emphasis or a link. */
  private static String markdownText(String v) {
    return v.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
  }

  private static String inline(
      String kind,
      List<String> a,
      String where,
      References refs,
      Texts t,
      Map<String, PublishedTable> tables,
      Map<String, EstimateView> estimates) {
    switch (kind) {
      case "count" -> {
        if (a.size() != 2) {
          throw new BadInputException(where, "{{count TABLE KEY}} takes a table and a row key");
        }
        PublishedTable table = table(a.get(0), where, refs);
        PublishedTable.Row row =
            table
                .row(a.get(1))
                .orElseThrow(
                    () ->
                        new BadInputException(
                            where, "count " + a.get(0) + " " + a.get(1) + " does not exist"));
        tables.put(table.id(), table);
        return row.cell().value().map(t::number).orElse(t.get("cell.suppressed"));
      }
      case "total" -> {
        if (a.size() != 1) {
          throw new BadInputException(where, "{{total TABLE}} takes a table");
        }
        PublishedTable table = table(a.get(0), where, refs);
        tables.put(table.id(), table);
        return table.total().value().map(t::number).orElse(t.get("cell.suppressed"));
      }
      case "estimate" -> {
        EstimateView e = estimate(a, where, refs);
        estimates.put(e.id(), e);
        return e.estimate()
            .map(
                x ->
                    t.get(
                        "story.estimate",
                        t.number(x),
                        String.format(java.util.Locale.ROOT, "%.0f%%", e.level() * 100),
                        t.number(e.lower()),
                        t.number(e.upper())))
            .orElse(t.get("finding.inestimable", e.inestimable()));
      }
      default -> throw new BadInputException(where, "unknown reference {{" + kind + "}}");
    }
  }

  private static String block(
      String kind,
      List<String> a,
      String where,
      References refs,
      Labels labels,
      Map<String, PublishedTable> tables,
      Map<String, EstimateView> estimates,
      List<PublishedQuote> quotes) {
    Texts t = labels.texts();
    switch (kind) {
      case "table", "chart" -> {
        if (a.size() != 1) {
          throw new BadInputException(where, "{{" + kind + " TABLE}} takes a table");
        }
        PublishedTable table = table(a.get(0), where, refs);
        tables.put(table.id(), table);
        return ReportPage.table(table, labels, kind.equals("chart"));
      }
      case "estimate-chart" -> {
        EstimateView e = estimate(a, where, refs);
        estimates.put(e.id(), e);
        return ReportPage.estimateBlock(e, labels);
      }
      case "quote" -> {
        if (a.size() != 1) {
          throw new BadInputException(where, "{{quote ID}} takes the id of a quote");
        }
        Optional<PublishedQuote> q = refs.publication().quote(a.get(0));
        if (q.isEmpty()) {
          String why =
              refs.quoteRefusal()
                  .apply(a.get(0))
                  .orElse("quote " + a.get(0) + " may not be published");
          throw new BadInputException(where, why);
        }
        quotes.add(q.get());
        return ReportPage.quote(q.get(), t);
      }
      case "law" -> {
        if (a.size() != 1) {
          throw new BadInputException(where, "{{law ACT-TYPE}} takes an act type");
        }
        List<LawRow> rows =
            refs.publication().law().stream().filter(r -> r.actType().equals(a.get(0))).toList();
        if (rows.isEmpty()) {
          throw new BadInputException(
              where, "law " + a.get(0) + " does not exist: no act of this type is documented");
        }
        return ReportPage.lawTable(rows, labels);
      }
      default -> throw new BadInputException(where, "unknown reference {{" + kind + "}}");
    }
  }

  private static PublishedTable table(String id, String where, References refs) {
    return refs.publication()
        .table(id)
        .orElseThrow(
            () ->
                new BadInputException(
                    where,
                    "table "
                        + id
                        + " does not exist (tables: "
                        + String.join(
                            ", ",
                            refs.publication().tables().stream().map(PublishedTable::id).toList())
                        + ")"));
  }

  private static EstimateView estimate(List<String> a, String where, References refs) {
    if (a.isEmpty()) {
      return refs.publication()
          .estimate()
          .orElseThrow(
              () -> new BadInputException(where, "estimate does not exist: none is saved"));
    }
    return refs.publication()
        .estimate(a.get(0))
        .orElseThrow(
            () -> new BadInputException(where, "estimate " + a.get(0) + " does not exist"));
  }

  static String plain(String s) {
    return escape(s);
  }
}
