package org.tumen.report;

import static org.tumen.report.SummaryReport.people;
import static org.tumen.report.publication.Markup.escape;

import java.util.Locale;

/** The summary's section on what was done to people: acts by type and the law, events by month. */
final class DocumentationSection {
  private DocumentationSection() {}

  static void write(StringBuilder h, DocumentationSummary d) {
    h.append("<h2>What happened: acts and the law they breach</h2>\n<p>")
        .append(
            escape(
                String.format(
                    Locale.ROOT,
                    "%,d interviews told %,d event records; de-duplicated, they are %,d events with"
                        + " %,d acts against %,d victims.",
                    d.sources(),
                    d.eventRecords(),
                    d.events(),
                    d.acts(),
                    d.victims())))
        .append(" An event told by several witnesses counts once; acts count one per victim,")
        .append(" act type and event.</p>\n<table class=\"figures\"><tbody>");
    if (d.deduplication() != null) {
      SummaryReport.row(
          h,
          "Event de-duplication against the known truth",
          String.format(
              Locale.ROOT,
              "precision %.3f, recall %.3f (%,d pairs of records of one event)",
              d.deduplication().precision(),
              d.deduplication().recall(),
              d.deduplication().truePairs()));
    }
    h.append("</tbody></table>\n<table><thead><tr><th>act type</th><th class=\"n\">acts</th>")
        .append("<th class=\"n\">victims</th><th class=\"n\">sources</th>")
        .append("<th>provisions breached (state: its standing when the act happened; where the")
        .append(" act records differ, how many had each)</th></tr></thead>")
        .append("<tbody>");
    for (DocumentationSummary.ActTypeRow r : d.actTypes()) {
      h.append("<tr><td>")
          .append(escape(r.label()))
          .append("</td><td class=\"n\">")
          .append(people(r.acts()))
          .append("</td><td class=\"n\">")
          .append(people(r.victims()))
          .append("</td><td class=\"n\">")
          .append(people(r.sources()))
          .append("</td><td><ul class=\"notes\">");
      r.provisions().forEach(p -> h.append("<li>").append(escape(p)).append("</li>"));
      h.append("</ul></td></tr>");
    }
    h.append("</tbody></table>\n<p>The provisions are derived from the act type, its dates and")
        .append(" the state of its perpetrators (docs/documentation.md, \"The legal derivation\"):")
        .append(
            " <em>party</em> means the state was bound on the act's dates, <em>signed only</em>")
        .append(" that it had signed but not ratified, <em>customary</em> a crime against humanity")
        .append(" found by the UN Commission of Inquiry; \"if …\" conditions are for the")
        .append(" documenter to judge.</p>\n");
    h.append("<h2>Events by month</h2>\n<figure>")
        .append(Charts.eventsByMonth(d.eventsByMonth()))
        .append("<figcaption>Events (after de-duplication) by the month of the year they began,")
        .append(" all years together")
        .append(
            d.eventsMonthUnknown() > 0
                ? "; "
                    + people(d.eventsMonthUnknown())
                    + " events whose month no witness knew are"
                    + " left out"
                : "")
        .append(
            ". Crossings rise in winter, when the Tumen river freezes.</figcaption></figure>\n");
  }
}
