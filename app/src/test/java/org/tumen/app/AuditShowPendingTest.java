package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.store.session.WorkspaceSession;

/**
 * {@code tumen audit show} lists the events a locked server queued (sign-ins, a locked account) as
 * {@code pending} after the trail, without moving them; after the next unlock they are entries of
 * the trail with a number, and no longer pending. Here the server is a session of this test, closed
 * before each command (H2 has one process at a time), so the unlock that moves them is a later
 * session's: it cannot vouch for rows whose MAC key died with the first, and marks them so.
 */
class AuditShowPendingTest {

  @TempDir Path tmp;

  @Test
  void signInsQueuedWhileLockedAreShownAsPendingThenAsEnteredAfterTheUnlock() throws Exception {
    Path ws = tmp.resolve("ws");
    Path pass = Files.writeString(tmp.resolve("pass"), "synthetic passphrase for audit\n");
    assertThat(CliRun.inWorkspace(ws, pass, "keys", "init").status()).isZero();

    try (WorkspaceSession server = WorkspaceSession.openExisting(ws, Optional.empty())) {
      assertThat(server.isUnlocked()).isFalse();
      server.audit("web:alice", "sign-in", "account alice", "factor=totp");
      server.audit("web", "account-locked", "account bob", "failures=5");
    }

    CliRun.Run show = CliRun.inWorkspace(ws, pass, "audit", "show");
    assertThat(show.status()).as(show.err()).isZero();
    assertThat(show.out())
        .containsPattern("(?m)^pending\t[^\t]+\tweb:alice\tsign-in\taccount alice\tfactor=totp$")
        .containsPattern("(?m)^pending\t[^\t]+\tweb\taccount-locked\taccount bob\tfailures=5$");
    // listed, not moved: a second look shows them pending still
    assertThat(CliRun.inWorkspace(ws, pass, "audit", "show").out())
        .containsPattern("(?m)^pending\t[^\t]+\tweb:alice\tsign-in");

    try (WorkspaceSession server = WorkspaceSession.openExisting(ws, Optional.empty())) {
      server.unlock(pass);
      assertThat(server.auditWaiting()).isZero();
    }
    String after = CliRun.inWorkspace(ws, pass, "audit", "show").out();
    assertThat(after)
        .doesNotContainPattern("(?m)^pending\t")
        .containsPattern("(?m)^\\d+\t[^\t]+\tweb:alice\tsign-in\taccount alice\tfactor=totp at=")
        .containsPattern("(?m)^\\d+\t[^\t]+\tweb\taccount-locked\taccount bob\tfailures=5 at=");
  }
}
