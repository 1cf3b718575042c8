package org.tumen.store.protect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.tumen.store.Workspace;

/**
 * The protection of one open workspace: its unlocked keys, the codec that seals identities with
 * them, and the audit trail. The one way in for commands:
 *
 * <pre>{@code
 * try (Workspace ws = Workspace.open(dir, db)) {
 *   Protection p = Protection.unlock(ws, Passphrase.read(file, "Passphrase"));
 *   ... ws.importer() now seals with Tink ...
 *   p.audit().append(Protection.actor(), "import", list, "records=" + n);
 * }
 * }</pre>
 */
public final class Protection {

  private final Workspace workspace;
  private final WorkspaceKeys keys;
  private final TinkCodec codec;
  private final AuditLog audit;

  private Protection(Workspace workspace, WorkspaceKeys keys) {
    this.workspace = workspace;
    this.keys = keys;
    this.codec = new TinkCodec(keys);
    this.audit = new AuditLog(workspace.dataSource(), workspace.directory(), keys);
    workspace.useCodec(codec);
  }

  /** Whether the workspace in {@code dir} has keys; if so, it must be unlocked to be used. */
  public static boolean hasKeys(Path dir) {
    return WorkspaceKeys.exist(dir.toAbsolutePath().normalize());
  }

  /**
   * Unlocks the workspace's keys, switches it to the {@link TinkCodec} and records the unlock (the
   * command line's "login") in the audit trail.
   *
   * @throws org.tumen.model.BadInputException for a wrong passphrase or a missing or damaged key
   *     file
   */
  public static Protection unlock(Workspace ws, char[] passphrase) {
    try {
      Protection p = new Protection(ws, WorkspaceKeys.unlock(ws.directory(), passphrase));
      p.audit.append(actor(), "unlock", ws.directory().getFileName().toString(), "");
      return p;
    } finally {
      Arrays.fill(passphrase, ' ');
    }
  }

  /** Wraps keys that were just created (by {@code keys init}). */
  public static Protection of(Workspace ws, WorkspaceKeys keys) {
    return new Protection(ws, keys);
  }

  /** Who is acting: the operating-system user (the web app will pass its login instead). */
  public static String actor() {
    return System.getProperty("user.name", "unknown");
  }

  public Workspace workspace() {
    return workspace;
  }

  public WorkspaceKeys keys() {
    return keys;
  }

  public TinkCodec codec() {
    return codec;
  }

  public AuditLog audit() {
    return audit;
  }

  /** A connection to the workspace's database with auto-commit off; the caller closes it. */
  Connection transaction() throws SQLException {
    Connection c = workspace.dataSource().getConnection();
    c.setAutoCommit(false);
    return c;
  }
}
