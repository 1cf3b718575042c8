package org.tumen.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;

class ScenarioTest {

  @TempDir Path dir;

  @Test
  void defaultsAreNorthKoreansInChinaWithFiveLists() {
    Scenario s = Scenario.defaults();
    assertThat(s.listNames())
        .containsExactly("church_a", "church_b", "returnees", "seoul_ngo", "china_detention");
    assertThat(s.crossingYears().keySet())
        .containsExactly(1997, 1998, 1999, 2000, 2001, 2002, 2003, 2004);
    assertThat(s.lists().get(2).sees()).containsExactly(Fate.RETURNED);
    assertThat(s.lists().get(3).sees()).containsExactly(Fate.REACHED_SOUTH);
  }

  @Test
  void writtenScenarioReadsBackEqual() throws Exception {
    Scenario s = Scenario.defaults();
    Path file = dir.resolve("s.json");
    s.write(file);
    assertThat(Scenario.read(file)).isEqualTo(s);
    assertThat(Files.readString(file)).contains("\"church_a\"").contains("\"femaleShare\"");
  }

  @Test
  void latentClassesSurviveTheRoundTrip() throws Exception {
    Scenario s =
        Scenario.defaults()
            .withCatchabilityClasses(
                java.util.List.of(
                    new Scenario.CatchabilityClass(3, -1), new Scenario.CatchabilityClass(1, 2)));
    Path file = dir.resolve("classes.json");
    s.write(file);
    assertThat(Scenario.read(file)).isEqualTo(s);
  }

  @Test
  void firstListsKeepsTheOrder() {
    Scenario s = Scenario.defaults().firstLists(3);
    assertThat(s.listNames()).containsExactly("church_a", "church_b", "returnees");
    assertThatThrownBy(() -> Scenario.defaults().firstLists(6))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBadValueIsReportedWithFileLineAndField() throws Exception {
    String json =
        Scenario.defaults().toJson().replace("\"femaleShare\" : 0.6", "\"femaleShare\" : 1.6");
    Path file = dir.resolve("bad.json");
    Files.writeString(file, json);
    assertThatThrownBy(() -> Scenario.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("bad.json:")
        .hasMessageContaining("femaleShare must be between 0 and 1");
  }

  @Test
  void aMissingFieldIsAnError() throws Exception {
    String json = Scenario.defaults().toJson().replace("\"femaleShare\" : 0.6,", "");
    Path file = dir.resolve("missing.json");
    Files.writeString(file, json);
    assertThatThrownBy(() -> Scenario.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("missing field 'femaleShare'");
  }

  @Test
  void anUnknownFieldIsAnError() throws Exception {
    String json =
        Scenario.defaults()
            .toJson()
            .replace("\"femaleShare\" : 0.6,", "\"femaleShare\" : 0.6, \"femaleShares\" : 1,");
    Path file = dir.resolve("typo.json");
    Files.writeString(file, json);
    assertThatThrownBy(() -> Scenario.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("unknown field 'femaleShares'");
  }

  @Test
  void listNamesMustBeSafeFileNames() throws Exception {
    String json = Scenario.defaults().toJson().replace("\"church_a\"", "\"../church\"");
    Path file = dir.resolve("name.json");
    Files.writeString(file, json);
    assertThatThrownBy(() -> Scenario.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("becomes the file name");
  }

  @Test
  void aMissingFileIsBadInput() {
    assertThatThrownBy(() -> Scenario.read(dir.resolve("nope.json")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("nope.json");
  }
}
