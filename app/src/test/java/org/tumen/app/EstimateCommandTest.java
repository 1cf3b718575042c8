package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tumen estimate} end to end, in process. */
class EstimateCommandTest {
  /**
   * The HIV Rome table (Abeni et al. 1994; Rcapture {@code HIV}), as in
   * shared/data/mse/hiv_rome.csv.
   */
  private static final String HIV =
      "c1,c2,c3,c4,count\n1,1,1,0,3\n1,1,0,1,1\n1,1,0,0,33\n1,0,1,0,20\n1,0,0,1,6\n1,0,0,0,403\n"
          + "0,1,1,1,3\n0,1,1,0,35\n0,1,0,1,10\n0,1,0,0,545\n0,0,1,1,11\n0,0,1,0,621\n0,0,0,1,205\n";

  @TempDir Path dir;
  private Path hiv;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void writeTable() throws IOException {
    hiv = Files.writeString(dir.resolve("hiv.csv"), HIV);
  }

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void fitsOneModelReadably() {
    assertThat(run("estimate", "--table", hiv.toString(), "--model", "Mt+[1,2]")).isZero();
    // Baillargeon & Rivest (2007) §2.2: Mt + [1,2] gives 12318.47, profile CI 10266–14992.
    assertThat(out.toString())
        .contains("1,896 people")
        .contains("Mt+[1,2]")
        .contains("12,318")
        .contains("10,266 – 14,992");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void writesTheJsonOfTheDesign() throws IOException {
    assertThat(run("estimate", "--table", hiv.toString(), "--model", "Mt+[1,2]", "--json"))
        .isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("method").asText()).isEqualTo("loglinear");
    assertThat(j.get("model").asText()).isEqualTo("Mt+[1,2]");
    assertThat(j.get("observed").asLong()).isEqualTo(1896);
    assertThat(j.get("estimate").asDouble()).isBetween(12318.46, 12318.48);
    assertThat(j.get("interval").get("level").asDouble()).isEqualTo(0.95);
    assertThat(j.get("diagnostics").get("df").asInt()).isEqualTo(9);
    assertThat(j.get("diagnostics").get("aic").asDouble()).isBetween(86.6496, 86.6497);
  }

  @Test
  void inestimableModelHasNullEstimateAndReasonWithStatusZero() throws IOException {
    Path sparse =
        Files.writeString(
            dir.resolve("a.csv"), "A,B,C,count\n1,0,0,40\n0,1,0,30\n0,0,1,20\n1,1,0,6\n");
    assertThat(run("estimate", "--table", sparse.toString(), "--model", "Mt+[1,2]", "--json"))
        .isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("estimate").isNull()).isTrue();
    assertThat(j.get("interval").isNull()).isTrue();
    assertThat(j.get("diagnostics").get("inestimable").asText()).contains("does not exist");
  }

  @Test
  void allMethodsGiveAnArrayAndAdvice() throws IOException {
    assertThat(
            run(
                "estimate",
                "--table",
                hiv.toString(),
                "--method",
                "all",
                "--bootstrap",
                "50",
                "--burnin",
                "200",
                "--samples",
                "100",
                "--thinning",
                "2",
                "--json"))
        .isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.isArray()).isTrue();
    assertThat(j.size()).isGreaterThanOrEqualTo(2);
    out.getBuffer().setLength(0);
    assertThat(
            run(
                "estimate",
                "--table",
                hiv.toString(),
                "--method",
                "all",
                "--bootstrap",
                "50",
                "--burnin",
                "200",
                "--samples",
                "100",
                "--thinning",
                "2"))
        .isZero();
    assertThat(out.toString())
        .containsAnyOf("disagree by a factor", "agree within")
        .contains("lcmcr")
        .contains("SC-N1")
        .contains("Chao's lower bound")
        .contains("combined estimate, ")
        .contains("second opinions");
    // the default first, then every other method once
    assertThat(j.get(0).get("method").asText()).isEqualTo("combined");
    assertThat(j.findValuesAsText("method"))
        .contains("combined", "loglinear", "lcmcr", "latent", "dga", "chao")
        .containsOnlyOnce("combined", "lcmcr", "latent", "dga");
  }

  /**
   * {@code --method latent}: the two-class latent-class model alone, with its profile interval and
   * its fit beside the log-linear models' (deviance, df, AIC). HIV in Rome has four lists: 31
   * cells, 10 parameters.
   */
  @Test
  void theTwoClassModelRunsAlone() throws IOException {
    assertThat(run("estimate", "--table", hiv.toString(), "--method", "latent", "--json")).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("method").asText()).isEqualTo("latent");
    assertThat(j.get("model").asText()).isEqualTo("2-class ML");
    assertThat(j.get("diagnostics").get("df").asInt()).isEqualTo(15 - 10);
    assertThat(j.get("estimate").asDouble()).isGreaterThanOrEqualTo(j.get("observed").asDouble());
  }

  @Test
  void sampleCoverageGivesAnArrayOfItsThreeEstimators() throws IOException {
    assertThat(run("estimate", "--table", hiv.toString(), "--method", "chao", "--json")).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.isArray()).isTrue();
    assertThat(j.findValuesAsText("model")).containsExactly("SC-N0", "SC-N", "SC-N1");
  }

  @Test
  void lcmcrTakesItsSamplerSettings() throws IOException {
    assertThat(
            run(
                "estimate",
                "--table",
                hiv.toString(),
                "--method",
                "lcmcr",
                "--classes",
                "5",
                "--burnin",
                "200",
                "--samples",
                "100",
                "--thinning",
                "2",
                "--seed",
                "3",
                "--json"))
        .isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("method").asText()).isEqualTo("lcmcr");
    assertThat(j.get("model").asText()).isEqualTo("LCMCR K=5");
  }

  @Test
  void badSamplerSettingsAreBadInput() {
    assertThat(run("estimate", "--table", hiv.toString(), "--method", "lcmcr", "--samples", "3"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("samples");
  }

  /**
   * Without --method: the combined estimate (docs/methods.md), one JSON object whose estimate is n
   * + the geometric mean of its methods' numbers unseen, and whose interval holds theirs.
   */
  @Test
  void theDefaultCombinesTheMethods() throws IOException {
    assertThat(run("estimate", "--table", hiv.toString(), "--json")).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("method").asText()).isEqualTo("combined");
    JsonNode components = j.get("diagnostics").get("convergence").get("components");
    // four lists: the two-class latent-class model is the fifth (docs/methods.md, branch latent)
    assertThat(components.size()).isEqualTo(5);
    long n = j.get("observed").asLong();
    double logUnseen = 0;
    for (JsonNode c : components) {
      logUnseen += Math.log(c.asDouble() - n) / components.size();
    }
    // the components are printed rounded to whole people
    assertThat(j.get("estimate").asDouble())
        .isCloseTo(n + Math.exp(logUnseen), org.assertj.core.data.Percentage.withPercentage(0.5));
    out.getBuffer().setLength(0);
    assertThat(run("estimate", "--table", hiv.toString())).isZero();
    assertThat(out.toString())
        .contains("combined")
        .contains("AIC-average")
        .contains("Mth-gamma3.5")
        .contains("LCMCR")
        .contains("SC-N");
  }

  @Test
  void aModelIsLogLinearNotCombined() {
    assertThat(run("estimate", "--table", hiv.toString(), "--method", "combined", "--model", "Mt"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--model");
  }

  @Test
  void selectsAModelWhenNoneIsGiven() {
    assertThat(
            run(
                "estimate",
                "--table",
                hiv.toString(),
                "--method",
                "loglinear",
                "--bootstrap",
                "0",
                "--criterion",
                "bic"))
        .isZero();
    assertThat(out.toString()).contains("loglinear").contains("profile likelihood");
  }

  @Test
  void readsLinkageClusters() throws IOException {
    StringBuilder csv = new StringBuilder("source,record_id,cluster_id\n");
    int id = 0;
    // 30 people on a only, 20 on b only, 10 on both.
    for (int i = 0; i < 60; i++) {
      if (i < 40) {
        csv.append("a,").append(id++).append(",p").append(i).append('\n');
      }
      if (i >= 30) {
        csv.append("b,").append(id++).append(",p").append(i).append('\n');
      }
    }
    Path clusters = Files.writeString(dir.resolve("clusters.csv"), csv.toString());
    assertThat(run("estimate", "--clusters", clusters.toString(), "--model", "Mt", "--json"))
        .isZero();
    // Lincoln–Petersen: 40 × 30 / 10 = 120.
    assertThat(out.toString()).contains("\"observed\" : 60").contains("\"estimate\" : 120.0");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--method foo | unknown method",
        "--model Mt+[1,5] | names list 5",
        "--model Mt+[1,2 | expected an interaction term",
        "--model Mx | unknown base model",
        "--criterion hq | unknown criterion",
        "--max-order 4 | must be 1, 2 or 3",
        "--delta 0.5 | --delta: works with --method dga (or all) only",
      })
  void badUsageIsOneLineAndStatusTwo(String option, String message) {
    String[] parts = option.split(" ");
    assertThat(run("estimate", "--table", hiv.toString(), parts[0], parts[1])).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n").startsWith("tumen: ").contains(message);
  }

  /**
   * R's dga 2.0.2, {@code bma.cr} on hiv_rome with δ = 1/16, prior 1/N, equal graph weights:
   * posterior median 11,220, 95% interval 9,404–14,095 (see estimate's DgaReferenceTest for the
   * call and its provenance).
   */
  @Test
  void dgaAveragesOverDecomposableGraphs() throws IOException {
    assertThat(run("estimate", "--table", hiv.toString(), "--method", "dga", "--json")).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("method").asText()).isEqualTo("dga");
    assertThat(j.get("estimate").asDouble()).isEqualTo(11220);
    assertThat(j.get("interval").get("lower").asDouble()).isEqualTo(9404);
    assertThat(j.get("interval").get("upper").asDouble()).isEqualTo(14095);
    assertThat(j.get("diagnostics").get("convergence").get("graphs").asInt()).isEqualTo(61);
  }

  /**
   * With δ = 1 R's dga answers 1,986 (1,899–2,426) for hiv_rome, all of it from the saturated
   * graph, under which the table says nothing about the unseen: no number, the reason, exit status
   * 0.
   */
  @Test
  void dgaGivesNoNumberWhenThePriorWouldDecideIt() throws IOException {
    assertThat(
            run("estimate", "--table", hiv.toString(), "--method", "dga", "--delta", "1", "--json"))
        .isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("model").asText()).isEqualTo("decomposable BMA δ=1");
    assertThat(j.get("estimate").isNull()).isTrue();
    assertThat(j.get("diagnostics").get("inestimable").asText())
        .contains("saturated graph")
        .contains("carries 100% of the posterior");
  }

  @ParameterizedTest(name = "{0} lists")
  @CsvSource({"2", "6"})
  void dgaOnListCountsItDoesNotCoverIsBadUsage(int lists) throws IOException {
    StringBuilder csv = new StringBuilder();
    for (int i = 1; i <= lists; i++) {
      csv.append("l").append(i).append(',');
    }
    csv.append("count\n");
    for (int p = 1; p < 1 << lists; p++) {
      for (int i = 0; i < lists; i++) {
        csv.append(p >> i & 1).append(',');
      }
      csv.append("7\n");
    }
    Path table = Files.writeString(dir.resolve("t" + lists + ".csv"), csv.toString());
    assertThat(run("estimate", "--table", table.toString(), "--method", "dga")).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "tumen: --method dga: averages over decomposable graphs on 3 to 5 lists; the table"
                + " has "
                + lists);
  }

  /**
   * A list that shares no one with any other says nothing about how many it missed: the default
   * refuses the table in one line, and under {@code --method all} gives no number and the reason.
   */
  @Test
  void aListThatNeverOverlapsIsBadInputForTheDefault() throws IOException {
    Path table =
        Files.writeString(
            dir.resolve("alone.csv"), "a,b,c,count\n1,0,0,50\n0,1,0,40\n1,1,0,20\n0,0,1,30\n");
    assertThat(run("estimate", "--table", table.toString())).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "tumen: "
                + table
                + ": list 'c' shares no one with any other list, so nothing in the table says how"
                + " many people it missed: link it again, or leave it out");
    assertThat(
            run(
                "estimate",
                "--table",
                table.toString(),
                "--method",
                "all",
                "--samples",
                "100",
                "--burnin",
                "100",
                "--json"))
        .isZero();
    JsonNode head = new ObjectMapper().readTree(out.toString()).get(0);
    assertThat(head.get("method").asText()).isEqualTo("combined");
    assertThat(head.get("estimate").isNull()).isTrue();
    assertThat(head.at("/diagnostics/inestimable").asText()).contains("list 'c' shares no one");
  }

  /** Under {@code --method all} a method that cannot run on the table says why, with no number. */
  @Test
  void allMethodsOnTwoListsListDgaWithItsReason() throws IOException {
    Path two = Files.writeString(dir.resolve("two.csv"), "a,b,count\n1,0,40\n0,1,30\n1,1,10\n");
    assertThat(run("estimate", "--table", two.toString(), "--method", "all", "--json")).isZero();
    JsonNode dga = null;
    for (JsonNode e : new ObjectMapper().readTree(out.toString())) {
      dga = e.get("method").asText().equals("dga") ? e : dga;
    }
    assertThat(dga).isNotNull();
    assertThat(dga.get("estimate").isNull()).isTrue();
    assertThat(dga.get("diagnostics").get("inestimable").asText())
        .isEqualTo("dga averages over the decomposable graphs on 3 to 5 lists; this table has 2");
  }

  @Test
  void aDeltaThatIsNotPositiveIsBadUsage() {
    assertThat(run("estimate", "--table", hiv.toString(), "--method", "dga", "--delta", "-1"))
        .isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("tumen: --delta: must be a positive number, not -1.0");
  }

  @Test
  void badTableNamesFileLineAndColumn() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "a,b,count\n1,0,5\n1,2,3\n");
    assertThat(run("estimate", "--table", bad.toString())).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("tumen: " + bad + ":3:2: a list cell must be 0 or 1, found '2'");
  }

  @Test
  void tableAndClustersTogetherIsBadUsage() {
    assertThat(run("estimate", "--table", hiv.toString(), "--clusters", hiv.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("exactly one of --table");
  }
}
