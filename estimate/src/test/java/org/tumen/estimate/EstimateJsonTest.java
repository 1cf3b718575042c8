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
}
