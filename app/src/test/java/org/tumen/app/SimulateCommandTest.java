package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tumen.simulate.Scenario;

/** {@code tumen simulate} end to end, in process. */
class SimulateCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void writesTheFirstKListsTheTruthAndAReadme() {
    Path o = dir.resolve("sim");
    int status =
        run(
            "simulate",
            "--population",
            "3000",
            "--lists",
            "3",
            "--seed",
            "4",
            "--out",
            o.toString());
    assertThat(status).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(o.resolve("church_a.csv")).exists();
    assertThat(o.resolve("church_b.csv")).exists();
    assertThat(o.resolve("returnees.csv")).exists();
    assertThat(o.resolve("seoul_ngo.csv")).doesNotExist();
    assertThat(o.resolve("truth.csv")).exists();
    assertThat(o.resolve("README.txt")).content().contains("SYNTHETIC DATA");
    assertThat(out.toString()).contains("3,000 people (synthetic)").contains("church_a");
  }

  @Test
  void writeScenarioAloneSavesTheDefaultsForEditing() throws Exception {
    Path file = dir.resolve("scenario.json");
    assertThat(run("simulate", "--write-scenario", file.toString())).isZero();
    assertThat(Scenario.read(file)).isEqualTo(Scenario.defaults());
  }

  @Test
  void anEditedScenarioIsUsed() throws Exception {
    Path file = dir.resolve("scenario.json");
    Scenario.defaults().write(file);
    Files.writeString(file, Files.readString(file).replace("\"church_a\"", "\"shelter_register\""));
    Path o = dir.resolve("edited");
    assertThat(
            run(
                "simulate",
                "--scenario",
                file.toString(),
                "--population",
                "500",
                "--out",
                o.toString()))
        .isZero();
    assertThat(o.resolve("shelter_register.csv")).exists();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--lists 6 --out X | tumen: --lists: must be between 2 and 5",
        "--lists 1 --out X | tumen: --lists: must be between 2 and 5",
        "--population 0 --out X | tumen: --population: must be at least 1",
        "--population 100 | tumen: --out: needed",
        "--scenario NOFILE --out X | tumen: NOFILE: cannot read the scenario",
        "--scenario BADFILE --out X | tumen: BADFILE:2:",
      })
  void badFlagsGiveOneLineAndExitTwo(String args, String message) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\n  \"name\" : [1, \n");
    String[] argv =
        ("simulate " + args)
            .replace("NOFILE", dir.resolve("none.json").toString())
            .replace("BADFILE", bad.toString())
            .replace(" X", " " + dir.resolve("x"))
            .split(" ");
    String expected =
        message
            .replace("NOFILE", dir.resolve("none.json").toString())
            .replace("BADFILE", bad.toString());
    assertThat(run(argv)).isEqualTo(2);
    assertThat(err.toString()).startsWith(expected);
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anUnknownFlagIsUsageError() {
    assertThat(run("simulate", "--populations", "5")).isEqualTo(2);
    assertThat(err.toString()).contains("--populations");
  }

  /** The scenario variants that docs/linkage.md and docs/methods.md measure with still load. */
  @ParameterizedTest
  @ValueSource(strings = {"full-birth-dates.json", "partial-birth-dates.json"})
  void documentedScenarioVariantsRun(String name, @TempDir Path out) {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("docs/scenarios"))) {
      p = p.getParent();
    }
    assertThat(p).as("docs/scenarios above the working directory").isNotNull();
    Path scenario = p.resolve("docs/scenarios").resolve(name);
    assertThat(
            run(
                "simulate",
                "--scenario",
                scenario.toString(),
                "--population",
                "500",
                "--seed",
                "2",
                "--out",
                out.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.resolve("truth.csv")).exists();
  }
}
