package org.tumen.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;

/**
 * Issue 12 (Low): a workspace folder Tumen cannot use gave a stack trace and exit 1; a new one was
 * created 0755 with its database 0644. Now: one line (exit 2), and owner-only from creation.
 */
class WorkspaceFolderIssue12Test {

  @TempDir Path dir;

  @Test
  void aFolderThatCannotBeWrittenIsBadInputInOneLine() throws Exception {
    Path ws = Files.createDirectory(dir.resolve("locked"));
    boolean root = "root".equals(System.getProperty("user.name"));
    // root ignores permission bits; an immutable folder refuses root too (ext4, xfs, btrfs).
    Process lock =
        new ProcessBuilder(
                root
                    ? new String[] {"chattr", "+i", ws.toString()}
                    : new String[] {"chmod", "000", ws.toString()})
            .redirectErrorStream(true)
            .start();
    Assumptions.assumeTrue(lock.waitFor() == 0, "cannot make a folder unwritable here");
    try {
      assertThatThrownBy(() -> Workspace.open(ws, Optional.empty()).close())
          .isInstanceOf(BadInputException.class)
          .hasMessage(
              ws
                  + ": cannot read and write the workspace folder: check its permissions (the"
                  + " account running Tumen needs to read, write and enter it)");
    } finally {
      new ProcessBuilder(
              root
                  ? new String[] {"chattr", "-i", ws.toString()}
                  : new String[] {"chmod", "700", ws.toString()})
          .start()
          .waitFor();
    }
  }

  @Test
  void aNewWorkspaceIsOwnerOnly() throws Exception {
    Path ws = dir.resolve("a/b/ws");
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ws)))
          .isEqualTo("rwx------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a"))))
          .isEqualTo("rwx------");
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(ws.resolve("tumen.mv.db"))))
          .isEqualTo("rw-------");
    }
  }
}
