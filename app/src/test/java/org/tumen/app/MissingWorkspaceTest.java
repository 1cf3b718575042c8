package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commands that work on what a workspace already holds refuse a folder that holds none, in one
 * line, and leave no empty workspace behind: a mistyped --workspace must not look like a workspace
 * with nothing in it (an empty audit trail, no one to forget, nothing found).
 */
class MissingWorkspaceTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "search|이순희",
        "export|--out|OUT",
        "audit|verify",
        "audit|show",
        "find|--name|Ri Sun Hui",
        "review|status",
        "review|next",
        "review|decide|1|same",
        "backup|--out|OUT",
        "forget|P-1",
        "document|withdraw|--source|S-1|--use|quote|--on|2026-01-01",
        "count",
        "users|list",
        "users|reset-second-factor|someone",
        "report|--out|OUT",
        "publish|--out|OUT",
      })
  void isRefusedInOneLineAndNotCreated(String command) {
    Path missing = dir.resolve("no-such-workspace");
    List<String> args = new ArrayList<>();
    for (String a : command.split("\\|")) {
      args.add(a.equals("OUT") ? dir.resolve("out").toString() : a);
    }
    args.addAll(List.of("--workspace", missing.toString()));

    CliRun.Run r = CliRun.run(args.toArray(String[]::new));

    assertThat(r.status()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).contains("no workspace here").doesNotContain("Exception");
    assertThat(missing).doesNotExist();
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
