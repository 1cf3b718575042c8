package org.tumen.report.publication;

import static org.tumen.report.publication.Markup.escape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tumen.report.text.Texts;

/**
 * A report as one self-contained XHTML page (inline CSS and SVG, no request to anything): findings
 * in plain language, the protected counts with the counting rule on each table, the estimate with
 * its interval, the law, quotes, and the methods appendix written from provenance. The same page is
 * the HTML report and, rendered by {@link org.tumen.report.pdf.PdfReport}, the PDF. Every number
 * comes from the {@link Publication}; none is typed here.
 */
public final class ReportPage {
  private final Publication p;
  private final Labels labels;
  private final Texts t;

  public ReportPage(Publication publication, Labels labels) {
    this.p = publication;
    this.labels = labels;
    this.t = labels.texts();
  }

  /** The page. */
  public String xhtml() {
    StringBuilder h = new StringBuilder(64_000);
    h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
        .append(t.language())
        .append("\"><head><meta charset=\"utf-8\"/>")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        .append("<title>")
        .append(escape(p.title()))
        .append("</title><style>")
        .append(css())
        .append("</style></head><body>");
    if (p.synthetic()) {
      h.append("<div class=\"synthetic-footer\">")
          .append(escape(t.get("synthetic.short")))
          .append("</div>");
    }
    h.append("<main>");
    if (p.synthetic()) {
      h.append("<p class=\"synthetic\">").append(escape(t.get("synthetic.banner"))).append("</p>");
    }
    h.append("<h1>").append(escape(p.title())).append("</h1>");
    h.append("<p class=\"meta\">")
        .append(escape(t.get("report.made", p.provenance().madeOn(), period())))
        .append("</p>");
    findings(h);
    counts(h);
    estimate(h);
    law(h);
    quotes(h);
    methods(h);
    h.append("<footer>").append(escape(t.get("report.footer"))).append("</footer>");
    h.append("</main></body></html>\n");
    return h.toString();
  }

  /** The period in words: all dates, or from … to …. */
  String period() {
    if (p.from().isEmpty() && p.to().isEmpty()) {
      return t.get("period.all");
    }
    return t.get("period.range", p.from().orElse("…"), p.to().orElse("…"));
  }

  /** The findings in plain language, each a sentence built from published numbers. */
  public List<String> findings() {
    List<String> out = new ArrayList<>();
    Optional<PublishedTable> victims = p.table("victims-total");
    Optional<PublishedTable> acts = p.table("acts-by-act-type");
    Optional<PublishedTable> sources = p.table("sources-total");
    if (!p.hasDocumentation()) {
      out.add(t.get("finding.none"));
    } else {
      if (victims.isPresent() && acts.isPresent() && sources.isPresent()) {
        out.add(
            t.get(
                "finding.totals",
                value(victims.get().total()),
                value(acts.get().total()),
                value(sources.get().total())));
      }
      acts.flatMap(ReportPage::largest)
          .ifPresent(r -> out.add(t.get("finding.most", labels.actType(r.key()), value(r.cell()))));
    }
    p.estimate()
        .ifPresent(
            e -> {
              if (e.estimate().isPresent()) {
                out.add(
                    t.get(
                        "finding.estimate",
                        t.number(e.estimate().get()),
                        pct(e.level()),
                        t.number(e.lower()),
                        t.number(e.upper()),
                        t.number(e.observed())));
              } else {
                out.add(t.get("finding.inestimable", e.inestimable()));
              }
            });
    long bound = p.law().stream().filter(l -> l.standing().equals("PARTY")).count();
    if (!p.law().isEmpty()) {
      List<String> states =
          p.law().stream()
              .filter(l -> l.standing().equals("PARTY"))
              .map(LawRow::state)
              .distinct()
              .sorted()
              .toList();
      out.add(
          t.get(
              "finding.law",
              p.law().stream().map(LawRow::provision).distinct().count(),
              states.isEmpty() ? "—" : String.join(", ", states),
              bound));
    }
    return out;
  }

  private static Optional<PublishedTable.Row> largest(PublishedTable table) {
    return table.rows().stream()
        .filter(r -> !r.cell().isSuppressed())
        .max(java.util.Comparator.comparingLong(r -> r.cell().value().orElseThrow()));
  }

  /** A published cell in words: its number, or "suppressed". */
  public String value(PublishedTable.Cell c) {
    return c.value().map(t::number).orElse(t.get("cell.suppressed"));
  }

  private void findings(StringBuilder h) {
    h.append("<section aria-labelledby=\"findings\"><h2 id=\"findings\">")
        .append(escape(t.get("section.findings")))
        .append("</h2><ul class=\"findings\">");
    for (String f : findings()) {
      h.append("<li>").append(escape(f)).append("</li>");
    }
    h.append("</ul></section>");
  }

  private void counts(StringBuilder h) {
    h.append("<section aria-labelledby=\"counts\"><h2 id=\"counts\">")
        .append(escape(t.get("section.counts")))
        .append("</h2>");
    if (!p.hasDocumentation()) {
      h.append("<p>").append(escape(t.get("finding.none"))).append("</p></section>");
      return;
    }
    for (PublishedTable table : p.tables()) {
      if (!table.dimension().isEmpty()) {
        h.append(table(table, labels, true));
      }
    }
    h.append("</section>");
  }

  /** One protected table with its title, the counting rule, and a chart for periods. */
  public static String table(PublishedTable table, Labels labels, boolean chart) {
    Texts t = labels.texts();
    StringBuilder h = new StringBuilder(4096);
    String title =
        t.get(
            "table.title",
            t.get("unit." + table.unit()),
            t.get("dimension." + dimensionKey(table)));
    h.append("<h3 id=\"")
        .append(escape(table.id()))
        .append("\">")
        .append(escape(title))
        .append("</h3>");
    if (chart && table.dimension().startsWith("year")
        || chart && table.dimension().startsWith("quarter")) {
      h.append("<figure>")
          .append(PublicationCharts.bars(table, title))
          .append("<figcaption>")
          .append(escape(t.get("chart.bars")))
          .append("</figcaption></figure>");
    }
    h.append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
        .append(escape(title))
        .append("\"><table data-counting-rule=\"")
        .append(escape(table.rule()))
        .append("\"><caption>")
        .append(escape(t.get("table.rule", t.get("rule." + table.unit()))))
        .append("</caption><thead><tr><th scope=\"col\">")
        .append(escape(t.get("dimension." + dimensionKey(table))))
        .append("</th><th scope=\"col\" class=\"n\">")
        .append(escape(t.get("unit." + table.unit())))
        .append("</th></tr></thead><tbody>");
    for (PublishedTable.Row r : table.rows()) {
      h.append("<tr><th scope=\"row\">")
          .append(escape(labels.key(table.dimension(), r.key())))
          .append("</th>")
          .append(td(r.cell(), t))
          .append("</tr>");
    }
    h.append("<tr class=\"total\" data-total=\"\"><th scope=\"row\">")
        .append(escape(t.get("table.total")))
        .append("</th>")
        .append(td(table.total(), t))
        .append("</tr></tbody></table></div>");
    PublishedTable.Protection pr = table.protection();
    h.append("<p class=\"note\">")
        .append(
            escape(
                (pr.anySuppressed()
                        ? t.get(
                            "table.suppressed", pr.threshold(), pr.primary(), pr.complementary())
                        : t.get("table.safe", pr.threshold()))
                    + pr.coarsenedTo()
                        .map(l -> " " + t.get("table.coarsened", t.get("level." + l)))
                        .orElse("")))
        .append("</p>");
    return h.toString();
  }

  /** A count's cell; a suppressed one carries {@code data-suppressed} for the publication check. */
  private static String td(PublishedTable.Cell c, Texts t) {
    return c.isSuppressed()
        ? "<td class=\"n\" data-suppressed=\"\">" + escape(t.get("cell.suppressed")) + "</td>"
        : "<td class=\"n\">" + t.number(c.value().orElseThrow()) + "</td>";
  }

  /** {@code act type}, {@code year}, {@code place} … as a catalogue key. */
  static String dimensionKey(PublishedTable table) {
    String d = table.dimension();
    int paren = d.indexOf(" (");
    return (paren < 0 ? d : d.substring(0, paren)).replace(' ', '-');
  }

  private void estimate(StringBuilder h) {
    h.append("<section aria-labelledby=\"estimate\"><h2 id=\"estimate\">")
        .append(escape(t.get("section.estimate")))
        .append("</h2>");
    if (p.estimate().isEmpty()) {
      h.append("<p>").append(escape(t.get("estimate.none"))).append("</p></section>");
      return;
    }
    h.append(estimateBlock(p.estimate().get(), labels));
    if (!p.otherEstimates().isEmpty()) {
      h.append("<h3>")
          .append(escape(t.get("estimate.others")))
          .append("</h3><div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
          .append(escape(t.get("estimate.others")))
          .append("\"><table><thead><tr><th scope=\"col\">")
          .append(escape(t.get("estimate.method")))
          .append("</th><th scope=\"col\">")
          .append(escape(t.get("estimate.model")))
          .append("</th><th scope=\"col\" class=\"n\">")
          .append(escape(t.get("estimate.value")))
          .append("</th><th scope=\"col\" class=\"n\">")
          .append(escape(t.get("estimate.interval")))
          .append("</th></tr></thead><tbody>");
      for (EstimateView e : p.otherEstimates()) {
        h.append("<tr><td>")
            .append(escape(e.method()))
            .append("</td><td class=\"model\">")
            .append(escape(e.model()))
            .append("</td><td class=\"n\">")
            .append(escape(e.estimate().map(t::number).orElse("—")))
            .append("</td><td class=\"n\">")
            .append(
                escape(
                    e.estimate().isPresent()
                        ? t.number(e.lower()) + " – " + t.number(e.upper())
                        : e.inestimable()))
            .append("</td></tr>");
      }
      h.append("</tbody></table></div>");
    }
    h.append("</section>");
  }

  /** The estimate in a sentence, its chart, and its notes. */
  public static String estimateBlock(EstimateView e, Labels labels) {
    Texts t = labels.texts();
    StringBuilder h = new StringBuilder(8192);
    if (e.estimate().isEmpty()) {
      h.append("<p>").append(escape(t.get("finding.inestimable", e.inestimable()))).append("</p>");
      return h.toString();
    }
    String sentence =
        t.get(
            "estimate.sentence",
            t.number(e.estimate().get()),
            pct(e.level()),
            t.number(e.lower()),
            t.number(e.upper()),
            e.method(),
            e.model(),
            t.number(e.observed()));
    h.append("<p class=\"big\">").append(escape(sentence)).append("</p><figure>");
    h.append(PublicationCharts.interval(e, sentence))
        .append("<figcaption>")
        .append(escape(t.get("chart.interval")))
        .append("</figcaption></figure>");
    if (!e.notes().isEmpty()) {
      h.append("<ul class=\"notes\">");
      e.notes().forEach(n -> h.append("<li>").append(escape(n)).append("</li>"));
      h.append("</ul>");
    }
    return h.toString();
  }

  private void law(StringBuilder h) {
    h.append("<section aria-labelledby=\"law\"><h2 id=\"law\">")
        .append(escape(t.get("section.law")))
        .append("</h2>");
    if (p.law().isEmpty()) {
      h.append("<p>").append(escape(t.get("law.none"))).append("</p></section>");
      return;
    }
    h.append("<p>").append(escape(t.get("law.intro"))).append("</p>");
    h.append(lawTable(p.law(), labels));
    h.append("</section>");
  }

  /** The provisions breached, per act type and state, and whether the state was bound. */
  public static String lawTable(List<LawRow> rows, Labels labels) {
    Texts t = labels.texts();
    StringBuilder h = new StringBuilder(8192);
    h.append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
        .append(escape(t.get("section.law")))
        .append("\"><table><thead><tr><th scope=\"col\">")
        .append(escape(t.get("law.act-type")))
        .append("</th><th scope=\"col\">")
        .append(escape(t.get("law.provision")))
        .append("</th><th scope=\"col\">")
        .append(escape(t.get("law.state")))
        .append("</th><th scope=\"col\">")
        .append(escape(t.get("law.bound")))
        .append("</th></tr></thead><tbody>");
    for (LawRow r : rows) {
      h.append("<tr><td>")
          .append(escape(labels.actType(r.actType())))
          .append("</td><td>")
          .append(escape(r.provision()))
          .append(
              r.condition().isEmpty()
                  ? ""
                  : " <em>(" + escape(labels.condition(r.condition())) + ")</em>")
          .append("</td><td>")
          .append(escape(r.state()))
          .append(" (")
          .append(escape(t.get("basis." + r.basis())))
          .append(")</td><td>")
          .append(escape(t.get("standing." + r.standing())))
          .append(r.uncertain() ? " " + escape(t.get("standing.changed")) : "")
          .append("</td></tr>");
    }
    h.append("</tbody></table></div>");
    return h.toString();
  }

  private void quotes(StringBuilder h) {
    if (p.quotes().isEmpty()) {
      return;
    }
    h.append("<section aria-labelledby=\"quotes\"><h2 id=\"quotes\">")
        .append(escape(t.get("section.quotes")))
        .append("</h2><p>")
        .append(escape(t.get("quotes.intro")))
        .append("</p>");
    for (PublishedQuote q : p.quotes()) {
      h.append(quote(q, t));
    }
    h.append("</section>");
  }

  /** A redacted quote with what may be said of its source. */
  public static String quote(PublishedQuote q, Texts t) {
    StringBuilder h = new StringBuilder(1024);
    h.append("<figure class=\"quote\"><blockquote");
    if (!q.language().isEmpty()) {
      h.append(" lang=\"").append(escape(q.language())).append("\"");
    }
    h.append("><p>")
        .append(escape(q.text()))
        .append("</p></blockquote><figcaption>")
        .append(escape(q.attribution()));
    if (q.redactions() > 0) {
      h.append(" · ").append(escape(t.get("quote.redacted", q.redactions())));
    }
    h.append("</figcaption></figure>");
    return h.toString();
  }

  private void methods(StringBuilder h) {
    Provenance pr = p.provenance();
    h.append("<section class=\"appendix\" aria-labelledby=\"methods\"><h2 id=\"methods\">")
        .append(escape(t.get("section.methods")))
        .append("</h2>");
    // Lists used
    h.append("<h3>").append(escape(t.get("methods.lists"))).append("</h3>");
    if (pr.lists().isEmpty()) {
      h.append("<p>").append(escape(t.get("methods.lists.none"))).append("</p>");
    } else {
      Map<String, String> rows = new LinkedHashMap<>();
      pr.lists().forEach((k, v) -> rows.put(k, t.number(v)));
      keyValues(h, rows, t.get("methods.lists"));
    }
    // Linkage
    h.append("<h3>").append(escape(t.get("methods.linkage"))).append("</h3>");
    if (pr.linkage().isEmpty()) {
      h.append("<p>").append(escape(t.get("methods.linkage.none"))).append("</p>");
    } else {
      h.append("<ul>");
      for (Provenance.LinkageRunView r : pr.linkage()) {
        h.append("<li>")
            .append(
                escape(
                    t.get(
                        "methods.linkage.run",
                        r.id(),
                        r.createdAt(),
                        t.number(r.records()),
                        t.number(r.clusters()),
                        r.description())))
            .append("</li>");
      }
      h.append("</ul>");
    }
    // Documentation and counting
    h.append("<h3>").append(escape(t.get("methods.documentation"))).append("</h3>");
    Map<String, String> doc = new LinkedHashMap<>();
    pr.documentation().forEach((k, v) -> doc.put(t.get("methods.stored." + k), t.number(v)));
    keyValues(h, doc, t.get("methods.documentation"));
    h.append("<p>").append(escape(t.get("methods.counting"))).append("</p>");
    // Disclosure control
    h.append("<h3>").append(escape(t.get("methods.disclosure"))).append("</h3><p>");
    h.append(escape(t.get("methods.disclosure.text"))).append("</p>");
    // Estimation
    h.append("<h3>").append(escape(t.get("methods.estimation"))).append("</h3>");
    if (p.estimate().isEmpty()) {
      h.append("<p>").append(escape(t.get("estimate.none"))).append("</p>");
    } else {
      EstimateView e = p.estimate().get();
      Map<String, String> rows = new LinkedHashMap<>();
      rows.put(t.get("estimate.id"), e.id());
      rows.put(t.get("estimate.stratum"), e.stratum());
      rows.put(t.get("estimate.lists"), String.join(", ", e.lists()));
      rows.put(t.get("estimate.method"), e.method());
      rows.put(t.get("estimate.model"), e.model());
      rows.put(t.get("estimate.observed"), t.number(e.observed()));
      rows.put(t.get("estimate.software"), e.softwareVersion());
      rows.put(t.get("estimate.saved"), e.createdAt().toString());
      keyValues(h, rows, t.get("methods.estimation"));
      if (!e.notes().isEmpty()) {
        h.append("<p>").append(escape(t.get("estimate.diagnostics"))).append("</p><ul>");
        e.notes().forEach(n -> h.append("<li>").append(escape(n)).append("</li>"));
        h.append("</ul>");
      }
    }
    // Software, vocabularies, date
    h.append("<h3>").append(escape(t.get("methods.software"))).append("</h3>");
    Map<String, String> sw = new LinkedHashMap<>();
    sw.put(t.get("methods.version"), pr.softwareVersion());
    sw.put(t.get("methods.date"), pr.madeOn().toString());
    pr.vocabularies()
        .forEach((k, v) -> sw.put(t.get("methods.vocabulary", k), Integer.toString(v)));
    keyValues(h, sw, t.get("methods.software"));
    h.append("</section>");
  }

  private static void keyValues(StringBuilder h, Map<String, String> rows, String label) {
    h.append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"")
        .append(escape(label))
        .append("\"><table class=\"kv\"><tbody>");
    rows.forEach(
        (k, v) ->
            h.append("<tr><th scope=\"row\">")
                .append(escape(k))
                .append("</th><td>")
                .append(escape(v))
                .append("</td></tr>"));
    h.append("</tbody></table></div>");
  }

  static String pct(double level) {
    return String.format(Locale.ROOT, "%.0f%%", level * 100);
  }

  private String css() {
    String fonts =
        t.language().equals("zh")
            ? "'DroidSansFallbackFull','NanumGothic'"
            : "'NanumGothic','DroidSansFallbackFull'";
    return String.join(
        "",
        "@page{size:A4;margin:18mm 16mm 20mm 16mm;@bottom-center{content:element(footer)}}",
        "body{font-family:system-ui,-apple-system,'Segoe UI',",
        fonts,
        ",sans-serif;font-size:11pt;line-height:1.5;color:#1c2530;margin:0;background:#fff}",
        "main{max-width:820px;margin:0 auto;padding:16px}",
        "h1{font-size:1.7em;margin:.2em 0 .3em}h2{font-size:1.3em;margin-top:1.6em;border-bottom:1px solid #ccd}",
        "h3{font-size:1.05em;margin-top:1.2em}",
        ".meta,figcaption,.note,footer{color:#4a5563;font-size:.9em}",
        ".synthetic{background:#fff4d6;border:1px solid #b7791f;padding:8px 12px}",
        ".synthetic-footer{position:running(footer);font-size:8pt;color:#7a4a00;text-align:center}",
        ".big{font-size:1.2em}",
        "table{border-collapse:collapse;width:100%;margin:.4em 0}",
        "th,td{padding:3px 8px;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:top}",
        "caption{text-align:left;color:#4a5563;font-size:.9em;padding:4px 0}",
        ".n{text-align:right;white-space:nowrap}tr.total th,tr.total td{font-weight:bold}",
        ".scroll{overflow-x:auto}",
        "figure{margin:1em 0}figure svg{max-width:100%;height:auto}",
        ".model{word-break:break-all;font-family:monospace;font-size:.9em}",
        "blockquote{margin:0;padding:.2em 1em;border-left:4px solid #1f5a96;background:#f3f6f9}",
        "footer{margin-top:2em}",
        "@media screen{.synthetic-footer{display:none}}");
  }
}
