package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (Low): top-level {@code --help} cut every command's summary mid-sentence and
 * descriptions wrapped twice; the LCMCR options showed no defaults; {@code --version} said
 * "development build".
 */
class HelpIssue12Test {

  static String out(String... args) {
    LinkCommandTest.Run r = LinkCommandTest.run(args);
    assertThat(r.status()).as(r.err()).isZero();
    return r.out();
  }

  @Test
  void everyCommandSummaryIsAWholeSentence() {
    String help = out("--help").replaceAll("\\s+", " ");
    assertThat(help)
        .contains(
            "demo Run the whole pipeline on synthetic data: simulate lists, import them into a"
                + " fresh encrypted workspace, link, estimate and write an HTML summary.",
            "backup Write an encrypted, integrity-checked backup of the workspace's database.",
            "find Find the person ids of a person, to forget them when consent is withdrawn:");
    List<String> summaries =
        out("--help").lines().dropWhile(l -> !l.equals("Commands:")).skip(1).toList();
    // A summary ends its sentence on its last line: no command is cut off.
    String joined = String.join(" ", summaries).replaceAll("\\s+", " ");
    for (String command : List.of("simulate", "keys", "audit", "forget", "restore", "export")) {
      int at = joined.indexOf(" " + command + " ");
      assertThat(at).as(command).isGreaterThanOrEqualTo(0);
      String rest = joined.substring(at + command.length() + 2);
      assertThat(rest.substring(0, rest.indexOf('.') + 1)).as(command).doesNotEndWith(" .");
    }
  }

  @Test
  void descriptionsWrapOnceNotAtEverySourceLine() {
    // "Keep one offline" sat alone before "copy" when each source line was wrapped again.
    for (String line : out("keys", "--help").lines().toList()) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
    }
    assertThat(out("keys", "--help").lines()).noneMatch(l -> l.strip().equals("one offline"));
    assertThat(out("link", "--help").lines()).noneMatch(l -> l.strip().equals("inferred"));
  }

  @Test
  void lcmcrOptionsShowTheirDefaults() {
    String help = out("estimate", "--help").replaceAll("\\s+", " ");
    assertThat(help)
        .contains("LCMCR latent classes (default: 10)")
        .contains("LCMCR burn-in sweeps (default: 10000)")
        .contains("LCMCR samples per chain (default: 1000)")
        .contains("LCMCR thinning (default: 10)");
  }

  @Test
  void versionIsTheBuildsNotADevelopmentBuild() {
    assertThat(out("--version").strip())
        .matches("tumen \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(built \\d{4}-\\d\\d-\\d\\dT[0-9:]+Z\\)");
  }
}
