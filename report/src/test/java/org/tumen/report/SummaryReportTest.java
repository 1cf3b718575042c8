package org.tumen.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.Advice;
import org.tumen.estimate.Diagnostics;
import org.tumen.estimate.Interval;
import org.tumen.estimate.Method;
import org.tumen.estimate.PopulationEstimate;

class SummaryReportTest {

  private static final List<String> LISTS = List.of("a", "b", "c");

  private static PopulationEstimate estimate(String model, double n, double lo, double hi) {
    return new PopulationEstimate(
        Method.LOGLINEAR,
        model,
        LISTS,
        900,
        n,
        new Interval(0.95, lo, hi),
        new Diagnostics(1.0, 2, 3.0, 4.0, Map.of(), List.of("note <b>"), null));
  }

  private static RunSummary run(List<PopulationEstimate> estimates, List<String> notBuilt) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    sizes.put("church_a", 400L);
    sizes.put("<script>", 300L);
    return new RunSummary(
        "Demo",
        true,
        sizes,
        700,
        650,
        estimates,
        Advice.of(estimates),
        null,
        1200,
        notBuilt,
        List.of());
  }

  @Test
  void headlineShowsTheFirstEstimateWithItsIntervalAndMethod() {
    String html =
        SummaryReport.html(
            run(
                List.of(estimate("Mt+[1,2]", 1234.4, 1100, 1400), estimate("Mt", 999, 950, 1050)),
                List.of()));
    assertThat(html)
        .contains("About <strong>1,234</strong> people")
        .contains("95% interval 1,100 to 1,400")
        .contains("loglinear, Mt+[1,2]")
        .contains("The methods agree within 24%") // 1,234 and 999: both headlines, 1.24 apart
        .contains("Synthetic data");
  }

  @Test
  void everyValueFromDataIsEscaped() {
    String html = SummaryReport.html(run(List.of(estimate("Mt", 999, 950, 1050)), List.of()));
    assertThat(html)
        .doesNotContain("<script>")
        .contains("&lt;script&gt;")
        .contains("<li>note &lt;b&gt;</li>");
  }

  @Test
  void chartsAreScalableSvgWithIntegerSizeAndViewBox() {
    String html = SummaryReport.html(run(List.of(estimate("Mt", 999, 950, 1050)), List.of()));
    assertThat(html).containsPattern("<svg[^>]*width=\"720\"[^>]*height=\"104\"");
    assertThat(html).containsPattern("<svg[^>]*viewBox=\"0 0 640 280\"");
  }

  @Test
  void saysPlainlyWhichStepsWereNotBuiltAndGivesNoNumber() {
    String html = SummaryReport.html(run(List.of(), List.of("linkage", "estimation")));
    assertThat(html)
        .contains("No estimate yet")
        .contains("<li>linkage</li><li>estimation</li>")
        .doesNotContain("About <strong>");
  }

  @Test
  void inestimableModelsAreReportedWithTheirReasonNotANumber() {
    PopulationEstimate none =
        new PopulationEstimate(
            Method.LOGLINEAR,
            "Mt+[1,2]+[1,3]+[2,3]",
            LISTS,
            900,
            null,
            null,
            Diagnostics.inestimable("the MLE does not exist", List.of()));
    String html = SummaryReport.html(run(List.of(none), List.of()));
    assertThat(html).contains("No estimate").contains("the MLE does not exist");
  }
}
