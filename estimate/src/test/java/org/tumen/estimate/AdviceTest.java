package org.tumen.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.Diagnostics.Standing;

class AdviceTest {
  private static PopulationEstimate estimate(
      Method method, double n, double lower, double upper, Standing standing) {
    return new PopulationEstimate(
        method,
        "m",
        List.of("a", "b", "c"),
        100,
        n,
        new Interval(0.95, lower, upper),
        new Diagnostics(
            null, null, null, null, null, null, List.of(), standing, Map.of(), List.of(), null));
  }

  private static PopulationEstimate none() {
    return new PopulationEstimate(
        Method.DGA,
        "m",
        List.of("a", "b", "c"),
        100,
        null,
        null,
        Diagnostics.inestimable("why", List.of()));
  }

  @Test
  void headlinesWithinAFactorOfOneAndAHalfAgree() {
    Advice a =
        Advice.of(
            List.of(
                estimate(Method.LOGLINEAR, 1000, 900, 1200, Standing.HEADLINE),
                estimate(Method.LCMCR, 1400, 1100, Double.POSITIVE_INFINITY, Standing.HEADLINE),
                estimate(Method.LOGLINEAR, 800, 780, 850, Standing.LOWER_BOUND),
                none()));
    assertThat(a.verdict()).isEqualTo(Advice.Verdict.AGREE);
    assertThat(a.text())
        .isEqualTo(
            "The methods agree within 40%. Report the log-linear estimate with its"
                + " selection-aware interval, with the range of the intervals, 900 or more, if a"
                + " reader may doubt the assumptions. Chao's lower bound is 800: a total below it"
                + " would need lists that favour the same people less than chance.");
  }

  /** Sample coverage's N̂0 (an alternative) at 3,000 does not make the methods disagree. */
  @Test
  void onlyHeadlinesAreWeighed() {
    Advice a =
        Advice.of(
            List.of(
                estimate(Method.LOGLINEAR, 1000, 900, 1200, Standing.HEADLINE),
                estimate(Method.CHAO, 3000, 2000, 4000, Standing.ALTERNATIVE),
                estimate(Method.CHAO, 1100, 1000, 1300, Standing.HEADLINE)));
    assertThat(a.verdict()).isEqualTo(Advice.Verdict.AGREE);
    assertThat(a.rangeUpper()).isEqualTo(1300);
  }

  @Test
  void headlinesFurtherApartDisagree() {
    Advice a =
        Advice.of(
            List.of(
                estimate(Method.LOGLINEAR, 1000, 900, 1200, Standing.HEADLINE),
                estimate(Method.DGA, 1500, 1200, 2000, Standing.HEADLINE)));
    assertThat(a.verdict()).isEqualTo(Advice.Verdict.DISAGREE);
    assertThat(a.text())
        .startsWith("The methods disagree by a factor of 1.5 (1,000 to 1,500)")
        .contains("Report the range, 900 to 2,000, not one number.");
  }

  @Test
  void noHeadlineMeansNoTotal() {
    Advice a =
        Advice.of(List.of(none(), estimate(Method.LOGLINEAR, 800, 780, 850, Standing.LOWER_BOUND)));
    assertThat(a.verdict()).isEqualTo(Advice.Verdict.NO_ESTIMATE);
    assertThat(a.text()).endsWith("Report the people observed, not a total.");
  }

  /** Beside other methods' headlines, the combined estimate is what to report; they are checks. */
  @Test
  void theCombinedEstimateIsWhatToReportAndTheOthersSecondOpinions() {
    Advice a =
        Advice.of(
            List.of(
                estimate(Method.COMBINED, 1100, 900, 1500, Standing.HEADLINE),
                estimate(Method.LOGLINEAR, 1000, 950, 1100, Standing.HEADLINE),
                estimate(Method.LCMCR, 1200, 1000, 1600, Standing.ALTERNATIVE),
                estimate(Method.DGA, 1050, 980, 1200, Standing.HEADLINE),
                estimate(Method.LOGLINEAR, 800, 780, 850, Standing.LOWER_BOUND)));
    assertThat(a.verdict()).isEqualTo(Advice.Verdict.AGREE);
    assertThat(a.combined().estimate()).isEqualTo(1100);
    // the headlines only: the combined one and the others' (LCMCR is one of its alternatives here)
    assertThat(a.lowest()).isEqualTo(1000);
    assertThat(a.highest()).isEqualTo(1100);
    assertThat(a.text())
        .startsWith("The methods agree within 10%. Report the combined estimate, 1,100 (900 to")
        .contains("second opinions, their intervals spanning 900 to 1,500.")
        .endsWith(
            "Chao's lower bound is 800: a total below it would need lists that favour the"
                + " same people less than chance.");
  }

  /** Shown only with the methods it averages (the default), those are the second opinions. */
  @Test
  void aloneWithItsComponentsTheCombinedEstimateIsJudgedByThem() {
    Advice a =
        Advice.of(
            List.of(
                estimate(Method.COMBINED, 1400, 900, 3000, Standing.HEADLINE),
                estimate(Method.LOGLINEAR, 1000, 900, 1200, Standing.ALTERNATIVE),
                estimate(Method.LCMCR, 2000, 1500, 3000, Standing.ALTERNATIVE)));
    assertThat(a.verdict()).isEqualTo(Advice.Verdict.DISAGREE);
    assertThat(a.factor()).isEqualTo(2.0);
    assertThat(a.text())
        .contains("Report the range, 900 to 3,000, not one number.")
        .contains("The combined estimate, 1,400 (900 to 3,000), averages the methods");
  }
}
