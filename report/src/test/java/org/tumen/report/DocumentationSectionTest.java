package org.tumen.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentationSectionTest {

  private static RunSummary run() {
    return new RunSummary(
        "Demo", true, Map.of("a", 10L), 10, 9, List.of(), null, null, 20, List.of(), List.of());
  }

  private static DocumentationSummary doc() {
    long[] crossings = new long[12];
    crossings[0] = 40;
    crossings[11] = 35;
    crossings[6] = 9;
    long[] other = new long[12];
    other[3] = 12;
    return new DocumentationSummary(
        120,
        480,
        300,
        250,
        90,
        List.of(
            new DocumentationSummary.ActTypeRow(
                "forced-return",
                "forced return (refoulement)",
                60,
                58,
                41,
                List.of("1951 Refugee Convention art. 33 — CHN: party", "ICCPR art. 7 — <x>"))),
        Map.of("border crossings", crossings, "other events", other),
        7,
        new DocumentationSummary.Deduplication(0.9991, 0.9712, 1404));
  }

  @Test
  void theActsByTypeWithTheirProvisionsAndTheEventsByMonthAreInThePage() {
    String html = SummaryReport.html(run(), doc());
    assertThat(html)
        .contains("What happened: acts and the law they breach")
        .contains("120 interviews told 480 event records; de-duplicated, they are 300 events")
        .contains("<td>forced return (refoulement)</td><td class=\"n\">60</td>")
        .contains("<li>1951 Refugee Convention art. 33 — CHN: party</li>")
        .contains("ICCPR art. 7 — &lt;x&gt;") // escaped
        .contains("precision 0.999, recall 0.971 (1,404 pairs")
        .contains("Events by month")
        .contains("7 events whose month no witness knew");
    String chart = html.substring(html.indexOf("Events by month"));
    assertThat(chart).contains("<svg").contains("viewBox=\"0 0 640 300\"").contains("Jan");
  }

  @Test
  void withoutDocumentationThePageHasNoSuchSection() {
    assertThat(SummaryReport.html(run())).doesNotContain("What happened");
  }

  @Test
  void eventsByMonthNeedTwelveMonths() {
    assertThatThrownBy(
            () ->
                new DocumentationSummary(
                    1, 1, 1, 1, 1, List.of(), Map.of("x", new long[11]), 0, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
