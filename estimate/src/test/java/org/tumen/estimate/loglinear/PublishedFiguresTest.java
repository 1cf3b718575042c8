package org.tumen.estimate.loglinear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumen.estimate.MseData;
import org.tumen.estimate.PopulationEstimate;

/**
 * Published log-linear results, reproduced to the printed digits. Every table and figure is quoted
 * from the note beside its CSV in shared/data/mse (which names the paper and table).
 */
class PublishedFiguresTest {

  private static PopulationEstimate fit(String table, String model) {
    return LogLinear.fit(MseData.table(table), model);
  }

  private static double se(PopulationEstimate e) {
    return e.diagnostics().standardError();
  }

  /**
   * hiv_rome.md: Baillargeon & Rivest (2007), JSS 19(5) §2.2, final model Mt + [1,2]: abundance
   * 12318.47, SE 1188.722, deviance 7.613759, df 9, AIC 86.64962; profile CI (closedpCI.t, current
   * continuous algorithm) 12308.0 (10266.0, 14992.3).
   */
  @Test
  void hivRomeMtPlus12() {
    PopulationEstimate e = fit("hiv_rome", "Mt+[1,2]");
    assertThat(e.estimate()).isCloseTo(12318.47, within(0.005));
    assertThat(se(e)).isCloseTo(1188.722, within(0.0005));
    assertThat(e.diagnostics().deviance()).isCloseTo(7.613759, within(5e-7));
    assertThat(e.diagnostics().df()).isEqualTo(9);
    assertThat(e.diagnostics().aic()).isCloseTo(86.64962, within(5e-6));
    assertThat((Double) e.diagnostics().convergence().get("profileMaximum"))
        .isCloseTo(12308.0, within(0.05));
    assertThat(e.interval().lower()).isCloseTo(10266.0, within(0.05));
    assertThat(e.interval().upper()).isCloseTo(14992.3, within(0.05));
    assertThat(e.model()).isEqualTo("Mt+[1,2]");
    assertThat(e.method()).isEqualTo(org.tumen.estimate.Method.LOGLINEAR);
  }

  /**
   * hiv_rome.md: Mt + all six two-way interactions: 23443.54, SE 9594.879, deviance 3.036804, df 4,
   * AIC 92.07266.
   */
  @Test
  void hivRomeAllPairs() {
    PopulationEstimate e = fit("hiv_rome", "Mt+[1,2]+[1,3]+[1,4]+[2,3]+[2,4]+[3,4]");
    assertThat(e.estimate()).isCloseTo(23443.54, within(0.005));
    assertThat(se(e)).isCloseTo(9594.879, within(0.0005));
    assertThat(e.diagnostics().deviance()).isCloseTo(3.036804, within(5e-7));
    assertThat(e.diagnostics().df()).isEqualTo(4);
    assertThat(e.diagnostics().aic()).isCloseTo(92.07266, within(5e-6));
  }

  /**
   * snowshoe_hare.md: Baillargeon & Rivest (2007) §2.1, {@code closedp(hare)}: abundance, stderr,
   * deviance, df, AIC. Mh Chao carries Rcapture's note "1 eta parameter has been set to zero".
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "M0,           75.4,  3.5,  68.516, 61, 154.707",
    "Mt,           75.1,  3.4,  58.314, 56, 154.505",
    "Mh-chao,      79.8,  6.4,  58.023, 58, 150.214",
    "Mh-poisson2,  81.5,  5.7,  59.107, 60, 147.298",
    "Mh-darroch,   90.4,  11.6, 61.600, 60, 149.791",
    "Mh-gamma3.5,  100.6, 21.7, 62.771, 60, 150.961",
    "Mth-chao,     79.6,  6.3,  47.115, 52, 151.305",
    "Mth-poisson2, 81.1,  5.6,  48.137, 55, 146.327",
    "Mth-darroch,  90.5,  11.7, 50.706, 55, 148.896",
    "Mth-gamma3.5, 101.6, 22.4, 51.956, 55, 150.147",
  })
  void snowshoeHare(String model, double n, double se, double dev, int df, double aic) {
    PopulationEstimate e = fit("snowshoe_hare", model);
    assertThat(e.estimate()).isCloseTo(n, within(0.05));
    assertThat(se(e)).isCloseTo(se, within(0.05));
    assertThat(e.diagnostics().deviance()).isCloseTo(dev, within(0.0005));
    assertThat(e.diagnostics().df()).isEqualTo(df);
    assertThat(e.diagnostics().aic()).isCloseTo(aic, within(0.0005));
    if (model.equals("Mh-chao")) {
      assertThat(e.diagnostics().warnings()).anyMatch(w -> w.startsWith("1 eta parameter has"));
    }
  }

  /**
   * snowshoe_hare.md: profile CI of Mth Poisson2, 80 (71.84073, 93.84254) with Rcapture 1.0's
   * integer grid; with continuous root-finding (71.82, 93.85).
   */
  @Test
  void snowshoeHareProfile() {
    PopulationEstimate e = fit("snowshoe_hare", "Mth-poisson2");
    assertThat(e.interval().lower()).isCloseTo(71.82, within(0.005));
    assertThat(e.interval().upper()).isCloseTo(93.85, within(0.005));
  }

  /**
   * diabetes_italy.md: Rivest (2011) as encoded in Rcapture 1.3-1 tests: N, SE, deviance, df. The
   * Bruno et al. (1994) model has all two-way interactions except [1,4]; set I = [1,3]+[2,4]+[3,4].
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'Mt+[1,2]+[1,3]+[2,3]+[2,4]+[3,4]', 2771, 145, 7.62, 5",
    "'Mt+[1,3]+[2,4]+[3,4]',             2472, 53,  21.97, 7",
    "'Mth-chao+[1,3]+[2,4]+[3,4]',       2588, 75,  3.13, 6",
    "'Mth-poisson2+[1,3]+[2,4]+[3,4]',   2573, 76,  12.88, 6",
    "'Mth-darroch+[1,3]+[2,4]+[3,4]',    2752, 133, 8.32, 6",
    "'Mth-gamma3.5+[1,3]+[2,4]+[3,4]',   2964, 219, 6.74, 6",
  })
  void diabetes(String model, double n, double se, double dev, int df) {
    PopulationEstimate e = fit("diabetes_italy", model);
    assertThat(e.estimate()).isCloseTo(n, within(0.5));
    assertThat(se(e)).isCloseTo(se, within(0.5));
    assertThat(e.diagnostics().deviance()).isCloseTo(dev, within(0.005));
    assertThat(e.diagnostics().df()).isEqualTo(df);
  }

  /** diabetes_italy.md: the Bruno model to one decimal, 2771.2 (the figure). */
  @Test
  void diabetesBrunoOneDecimal() {
    assertThat(fit("diabetes_italy", "Mt+[1,2]+[1,3]+[2,3]+[2,4]+[3,4]").estimate())
        .isCloseTo(2771.2, within(0.05));
  }

  /**
   * census_darroch_r3.md: Rivest (2011) in Rcapture 1.3-1 tests: saturated 1240 (451); [E1,E2] +
   * [E2,E3] 850 (186), deviance 3.8, df 1 (850.1 to one decimal); [E1,E2] + Chao LB 681 (78), 3.45,
   * df 1.
   */
  @Test
  void censusR3() {
    PopulationEstimate saturated = fit("census_darroch_r3", "Mt+[1,2]+[1,3]+[2,3]");
    assertThat(saturated.estimate()).isCloseTo(1240, within(0.5));
    assertThat(se(saturated)).isCloseTo(451, within(0.5));
    assertThat(saturated.diagnostics().df()).isZero();
    PopulationEstimate chain = fit("census_darroch_r3", "Mt+[1,2]+[2,3]");
    assertThat(chain.estimate()).isCloseTo(850.1, within(0.05));
    assertThat(se(chain)).isCloseTo(186, within(0.5));
    assertThat(chain.diagnostics().deviance()).isCloseTo(3.8, within(0.05));
    assertThat(chain.diagnostics().df()).isEqualTo(1);
    PopulationEstimate lb = fit("census_darroch_r3", "Mth-chao+[1,2]");
    assertThat(lb.estimate()).isCloseTo(681, within(0.5));
    assertThat(se(lb)).isCloseTo(78, within(0.5));
    assertThat(lb.diagnostics().deviance()).isCloseTo(3.45, within(0.005));
    assertThat(lb.diagnostics().df()).isEqualTo(1);
  }

  /**
   * occupational_deaths_3lists.md: Cormack, Chang & Smith (2000) Table 3b via Rcapture 1.3-1 tests:
   * Mt 209, deviance 75.1, df 3, CI 203–217; + c2:c3 deviance 1.2, df 2, lower 210; + c1:c3 + c2:c3
   * N 233, lower 204.
   */
  @Test
  void occupationalDeathsThreeLists() {
    PopulationEstimate mt = fit("occupational_deaths_3lists", "Mt");
    assertThat(mt.estimate()).isCloseTo(209, within(0.5));
    assertThat(mt.diagnostics().deviance()).isCloseTo(75.1, within(0.05));
    assertThat(mt.diagnostics().df()).isEqualTo(3);
    assertThat(mt.interval().lower()).isCloseTo(203, within(0.5));
    assertThat(mt.interval().upper()).isCloseTo(217, within(0.5));
    PopulationEstimate c23 = fit("occupational_deaths_3lists", "Mt+[2,3]");
    assertThat(c23.diagnostics().deviance()).isCloseTo(1.2, within(0.05));
    assertThat(c23.diagnostics().df()).isEqualTo(2);
    assertThat(c23.interval().lower()).isCloseTo(210, within(0.5));
    PopulationEstimate c13 = fit("occupational_deaths_3lists", "Mt+[1,3]+[2,3]");
    assertThat(c13.estimate()).isCloseTo(233, within(0.5));
    assertThat(c13.interval().lower()).isCloseTo(204, within(0.5));
  }

  /**
   * occupational_deaths_4lists.md: Cormack, Chang & Smith (2000) Table 3a via Rcapture 1.3-1 tests.
   * "> 1,000,000" rows (all two-way; c1:c2 + c1:c3 + c1:c4 + c3:c4) are boundary cases where the
   * MLE does not exist: they must come back inestimable. Mt 215, deviance 87.1, df 10; Mt + c3:c4
   * 215; + c1:c3 deviance 7.7; + c1:c2 + c1:c3 + c3:c4 218, deviance 2.6. (The published df, 8 and
   * 7, count the cells that the extended MLE fits as zero; ours do not, so df is smaller by those.)
   */
  @Test
  void occupationalDeathsFourLists() {
    String table = "occupational_deaths_4lists";
    PopulationEstimate all = fit(table, "Mt+[1,2]+[1,3]+[1,4]+[2,3]+[2,4]+[3,4]");
    assertThat(all.estimate()).isNull();
    assertThat(all.interval()).isNull();
    assertThat(all.diagnostics().inestimable()).contains("does not exist");
    assertThat(fit(table, "Mt+[1,2]+[1,3]+[1,4]+[3,4]").estimate()).isNull();
    PopulationEstimate mt = fit(table, "Mt");
    assertThat(mt.estimate()).isCloseTo(215, within(0.5));
    assertThat(mt.diagnostics().deviance()).isCloseTo(87.1, within(0.05));
    assertThat(mt.diagnostics().df()).isEqualTo(10);
    assertThat(fit(table, "Mt+[3,4]").estimate()).isCloseTo(215, within(0.5));
    assertThat(fit(table, "Mt+[1,3]+[3,4]").diagnostics().deviance()).isCloseTo(7.7, within(0.05));
    PopulationEstimate last = fit(table, "Mt+[1,2]+[1,3]+[3,4]");
    assertThat(last.estimate()).isCloseTo(218, within(0.5));
    assertThat(last.diagnostics().deviance()).isCloseTo(2.6, within(0.05));
    assertThat(last.diagnostics().warnings()).anyMatch(w -> w.contains("extended MLE"));
  }

  /**
   * artificial_3_sparse.md: SparseMSE {@code checkident} (Chan, Silverman & Vincent 2021, Table 3):
   * all three pairs → not identifiable (code 2); AB alone, AB+AC, AB+BC → MLE does not exist (code
   * 1); main effects, AC, AC+BC → estimable (code 0).
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'Mt+[1,2]+[1,3]+[2,3]', not identifiable",
    "'Mt+[1,2]',             does not exist",
    "'Mt+[1,2]+[1,3]',       does not exist",
    "'Mt+[1,2]+[2,3]',       does not exist",
    "'Mt',                   ",
    "'Mt+[1,3]',             ",
    "'Mt+[1,3]+[2,3]',       ",
  })
  void artificialSparseVerdicts(String model, String verdict) {
    PopulationEstimate e = fit("artificial_3_sparse", model);
    if (verdict == null) {
      assertThat(e.estimate()).isNotNull();
      assertThat(e.diagnostics().inestimable()).isNull();
    } else {
      assertThat(e.estimate()).isNull();
      assertThat(e.diagnostics().inestimable()).contains(verdict);
    }
  }

  /**
   * lesbian_allegheny.md: Rcapture's documented example says "According to the BIC, the best model
   * is Mth Darroch" among closedp.t's models (Rcapture defines BIC = AIC + (ln n − 2)·rank, n =
   * people observed). The note's own value for it, 236.623, was computed with that definition.
   */
  @Test
  void lesbianBestBicIsMthDarroch() {
    String best = null;
    double lowest = Double.POSITIVE_INFINITY;
    for (String model :
        List.of(
            "M0",
            "Mt",
            "Mh-chao",
            "Mh-poisson2",
            "Mh-darroch",
            "Mh-gamma3.5",
            "Mth-chao",
            "Mth-poisson2",
            "Mth-darroch",
            "Mth-gamma3.5")) {
      PopulationEstimate e = fit("lesbian_allegheny", model);
      if (e.isEstimable() && e.diagnostics().bic() < lowest) {
        lowest = e.diagnostics().bic();
        best = model;
      }
    }
    assertThat(best).isEqualTo("Mth-darroch");
    assertThat(lowest).isCloseTo(236.623, within(0.0005));
  }
}
