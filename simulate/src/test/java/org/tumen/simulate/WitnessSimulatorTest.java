package org.tumen.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interviews of synthetic witnesses: journeys by fate, acts by their perpetrators, passages.
 */
class WitnessSimulatorTest {

  static List<CSVRecord> acts;
  static Map<String, String> texts = new HashMap<>();

  static List<CSVRecord> read(Path f) throws Exception {
    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(r)
          .getRecords();
    }
  }

  @BeforeAll
  static void simulate(@TempDir Path dir) throws Exception {
    WitnessSimulator.simulate(Scenario.defaults(), 20_000, 5, 2_000, dir);
    acts = read(dir.resolve("acts.csv"));
    for (CSVRecord s : read(dir.resolve("sources.csv"))) {
      texts.put(s.get("source"), s.get("text"));
    }
  }

  /** Each interview's events in order, by event type (the first row of each event). */
  static Map<String, List<String>> journeys() {
    Map<String, Map<String, String>> bySource = new LinkedHashMap<>();
    for (CSVRecord r : acts) {
      bySource
          .computeIfAbsent(r.get("source"), k -> new LinkedHashMap<>())
          .putIfAbsent(r.get("event"), r.get("event type"));
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    bySource.forEach((s, events) -> out.put(s, new ArrayList<>(events.values())));
    return out;
  }

  @Test
  void everyJourneyIsOneTheFatesImplyStartingWithTheCrossing() {
    Set<String> detention = Set.of("arrest", "detention");
    for (List<String> j : journeys().values()) {
      assertThat(j.get(0)).isEqualTo("border-crossing");
      List<String> shape = new ArrayList<>(j);
      // arrest and detention may be confused by a witness: compare their kind only
      shape.replaceAll(t -> detention.contains(t) ? "held" : t);
      assertThat(shape)
          .isIn(
              List.of("border-crossing", "hiding"),
              List.of("border-crossing", "sale", "forced-marriage"),
              List.of("border-crossing", "hiding", "held", "held"),
              List.of(
                  "border-crossing",
                  "hiding",
                  "held",
                  "held",
                  "forced-return",
                  "held",
                  "punishment"),
              List.of("border-crossing", "hiding", "consulate-entry", "safe-passage", "arrival"));
    }
  }

  @Test
  void actsAreDoneByTheInstitutionsOfTheirJourneyStep() {
    Map<String, Set<String>> perpetrators =
        Map.of(
            "forced-return", Set.of("public-security|CHN"),
            "arbitrary-arrest", Set.of("public-security|CHN"),
            "torture", Set.of("state-security|PRK"),
            "punishment-for-leaving", Set.of("social-security|PRK"),
            "trafficking-forced-marriage", Set.of("trafficker|"),
            "extortion", Set.of("broker|"));
    int checked = 0;
    for (CSVRecord r : acts) {
      String type = r.get("act type");
      if (type.isEmpty()) {
        assertThat(r.get("perpetrator type")).isEmpty();
        continue;
      }
      if (perpetrators.containsKey(type)) {
        assertThat(r.get("perpetrator type") + "|" + r.get("perpetrator state"))
            .isIn(perpetrators.get(type));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void everyPassageLiesInItsTestimonyWhichSaysItIsSynthetic() {
    for (Map.Entry<String, String> t : texts.entrySet()) {
      assertThat(t.getValue()).matches("(?s)\\[(합성 자료|Synthetic).*");
    }
    for (CSVRecord r : acts) {
      String[] span = r.get("passage").split("\\.\\.");
      int start = Integer.parseInt(span[0]);
      int end = Integer.parseInt(span[1]);
      String text = texts.get(r.get("source"));
      assertThat(start).isLessThan(end);
      assertThat(end).isLessThanOrEqualTo(text.length());
      assertThat(text.substring(start, end)).doesNotContain("\n");
    }
  }

  @Test
  void crossingsRiseInWinterAsTheScenarioSays() {
    int winter = 0;
    int known = 0;
    for (CSVRecord r : acts) {
      String d = r.get("date");
      if (r.get("event type").equals("border-crossing") && d.matches("\\d{4}-\\d{2}(-\\d{2})?")) {
        int month = Integer.parseInt(d.substring(5, 7));
        known++;
        winter += month == 12 || month <= 2 ? 1 : 0;
      }
    }
    // the default scenario puts about 39% of crossings in December to February (uniform: 25%);
    // a month told wrongly (20%) blurs it a little
    assertThat((double) winter / known).isBetween(0.32, 0.45);
  }
}
