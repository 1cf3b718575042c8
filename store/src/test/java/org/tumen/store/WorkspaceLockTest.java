package org.tumen.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;

/** An embedded workspace open in another process is a clear error, and usable once released. */
class WorkspaceLockTest {

  @TempDir Path dir;

  @Test
  void aWorkspaceInUseByAnotherProcessIsRefusedClearly() throws Exception {
    Path ws = dir.resolve("ws");
    Process other =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    HoldWorkspace.class.getName(),
                    ws.toString()))
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("open");

      assertThatThrownBy(() -> Workspace.open(ws, Optional.empty()))
          .isInstanceOf(BadInputException.class)
          .hasMessage(
              ws.toAbsolutePath()
                  + ": the workspace is in use by another Tumen process; close it and try again");
    } finally {
      other.getOutputStream().close();
      assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    try (Workspace again = Workspace.open(ws, Optional.empty())) {
      assertThat(again.records().lists()).isEmpty();
    }
  }
}
