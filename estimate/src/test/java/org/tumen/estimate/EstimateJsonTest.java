package org.tumen.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EstimateJsonTest {
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void writesTheFieldsOfTheDesignAndNullForAnUnboundedUpper() throws Exception {
    PopulationEstimate e =
        new PopulationEstimate(
            Method.LOGLINEAR,
            "Mt",
            List.of("a", "b"),
            10,
            12.5,
            new Interval(0.95, 10, Double.POSITIVE_INFINITY),
            new Diagnostics(1.5, 0, 3.0, 4.0, Map.of("iterations", 4), List.of("w"), null));
    JsonNode j = mapper.readTree(EstimateJson.write(e));
    assertThat(j.get("method").asText()).isEqualTo("loglinear");
    assertThat(j.get("lists").size()).isEqualTo(2);
    assertThat(j.get("estimate").asDouble()).isEqualTo(12.5);
    assertThat(j.get("interval").get("upper").isNull()).isTrue();
    assertThat(j.get("diagnostics").get("convergence").get("iterations").asInt()).isEqualTo(4);
    assertThat(j.get("diagnostics").get("inestimable").isNull()).isTrue();
  }

  @Test
  void inestimableHasNullEstimateAndIntervalAndAnArrayForSeveral() throws Exception {
    PopulationEstimate e =
        new PopulationEstimate(
            Method.LOGLINEAR,
            "Mt+[1,2]",
            List.of("a", "b", "c"),
            96,
            null,
            null,
            Diagnostics.inestimable("MLE does not exist", List.of()));
    JsonNode j = mapper.readTree(EstimateJson.write(List.of(e, e)));
    assertThat(j.isArray()).isTrue();
    assertThat(j.get(0).get("estimate").isNull()).isTrue();
    assertThat(j.get(0).get("interval").isNull()).isTrue();
    assertThat(j.get(0).get("diagnostics").get("inestimable").asText())
        .isEqualTo("MLE does not exist");
  }

  /**
   * The typed facts are written where the JSON of earlier versions had them, under the same keys,
   * inside diagnostics.convergence: a stratified total across linkage draws, as
   * Stratified.estimateAcrossLinkages makes it.
   */
  @Test
  void typedFactsKeepTheirJsonKeys() throws Exception {
    LinkageDraws linkage =
        new LinkageDraws(
            2,
            java.util.Arrays.asList(90.0, null),
            Map.of("Mt", 1),
            100,
            new Interval(0.95, 80, Double.POSITIVE_INFINITY),
            null,
            null);
    List<StratumEstimate> strata =
        List.of(
            new StratumEstimate("F", "Mt", 40, 55.0, new Interval(0.95, 45, 70)),
            new StratumEstimate("M", "none", 30, null, null));
    PopulationEstimate e =
        new PopulationEstimate(
            Method.LOGLINEAR,
            "stratified",
            List.of("a", "b"),
            70,
            100.0,
            new Interval(0.95, 80, Double.POSITIVE_INFINITY),
            new Diagnostics(
                null,
                null,
                null,
                null,
                12.25,
                linkage,
                strata,
                Diagnostics.Standing.HEADLINE,
                Map.of("criterion", "aic"),
                List.of(),
                null));
    JsonNode c = mapper.readTree(EstimateJson.write(e)).get("diagnostics").get("convergence");
    assertThat(c.get("se").asDouble()).isEqualTo(12.25);
    assertThat(c.get("criterion").asText()).isEqualTo("aic");
    assertThat(c.get("strata").get("F").get("estimate").asDouble()).isEqualTo(55.0);
    assertThat(c.get("strata").get("F").get("upper").asDouble()).isEqualTo(70.0);
    assertThat(c.get("strata").get("M").get("model").asText()).isEqualTo("none");
    assertThat(c.get("strata").get("M").has("estimate")).isFalse();
    assertThat(c.get("linkageDraws").asInt()).isEqualTo(2);
    assertThat(c.get("linkageDrawEstimates").get(1).isNull()).isTrue();
    assertThat(c.get("linkageDrawModels").get("Mt").asInt()).isEqualTo(1);
    assertThat(c.get("intervalFromClusters").get(1).isNull()).isTrue();
    assertThat(c.has("estimateFromDraws")).isFalse();
  }

  /** Sample coverage's bootstrap standard error says why it is missing, as it always did. */
  @Test
  void aSampleCoverageStandardErrorThatFailedSaysSo() throws Exception {
    PopulationEstimate e =
        new PopulationEstimate(
            Method.CHAO,
            "SC-N",
            List.of("a", "b"),
            10,
            12.0,
            new Interval(0.95, 10, 20),
            new Diagnostics(
                null,
                null,
                null,
                null,
                Double.NaN,
                null,
                List.of(),
                Diagnostics.Standing.HEADLINE,
                Map.of(),
                List.of(),
                null));
    JsonNode c = mapper.readTree(EstimateJson.write(e)).get("diagnostics").get("convergence");
    assertThat(c.get("bootstrapSe").asText()).isEqualTo("not computable");
  }
}
