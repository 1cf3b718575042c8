package org.tumen.estimate.loglinear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.CaptureTable;
import org.tumen.estimate.MseData;
import org.tumen.estimate.PopulationEstimate;
import org.tumen.estimate.StratumEstimate;

class StratifiedTest {

  @Test
  void totalIsTheSumOfTheStrataWithABootstrapInterval() {
    CaptureTable hep = MseData.table("hepatitis_a_taiwan");
    CaptureTable census = MseData.table("census_darroch_r3");
    CaptureTable renamed = new CaptureTable(hep.lists(), census.counts());
    Map<String, CaptureTable> strata = new LinkedHashMap<>();
    strata.put("F", hep);
    strata.put("M", renamed);
    PopulationEstimate total = Stratified.estimate(strata, Criterion.BIC, 2, 200, 5);
    double f = LogLinear.select(hep, Criterion.BIC, 2, 0, 1).estimate();
    double m = LogLinear.select(renamed, Criterion.BIC, 2, 0, 1).estimate();
    assertThat(total.estimate()).isCloseTo(f + m, within(1e-6));
    assertThat(total.observed()).isEqualTo(hep.observed() + census.observed());
    assertThat(total.interval().lower()).isLessThanOrEqualTo(total.estimate());
    assertThat(total.interval().upper()).isGreaterThanOrEqualTo(total.estimate());
    List<StratumEstimate> byStratum = total.diagnostics().strata();
    assertThat(byStratum).extracting(StratumEstimate::stratum).containsExactly("F", "M");
    assertThat(byStratum.get(0).estimate()).isCloseTo(f, within(1e-6));
    assertThat(byStratum.get(1).estimate()).isCloseTo(m, within(1e-6));
  }

  @Test
  void anInestimableStratumMakesTheTotalInestimable() {
    long[] counts = new long[8];
    counts[1] = 5;
    counts[2] = 7;
    counts[4] = 3; // no overlap at all: no model has an estimate
    Map<String, CaptureTable> strata = new LinkedHashMap<>();
    strata.put("ok", MseData.table("hepatitis_a_taiwan"));
    strata.put("empty overlaps", new CaptureTable(List.of("list1", "list2", "list3"), counts));
    PopulationEstimate total = Stratified.estimate(strata, Criterion.AIC, 2, 50, 1);
    assertThat(total.estimate()).isNull();
    assertThat(total.diagnostics().inestimable()).contains("empty overlaps");
  }
}
