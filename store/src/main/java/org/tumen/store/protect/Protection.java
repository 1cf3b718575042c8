package org.tumen.store.protect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import org.tumen.model.BadInputException;
import org.tumen.store.Workspace;
import org.tumen.store.imports.ImportRecorder;
import org.tumen.store.imports.ImportSummary;

/**
 * The protection of one open workspace: its unlocked keys, the codec that seals identities with
 * them, and the audit trail. The one way in for commands:
 *
 * <pre>{@code
 * try (Workspace ws = Workspace.open(dir, db)) {
 *   Protection p = Protection.unlock(ws, Passphrase.read(file, "Passphrase"));
 *   ... ws.importer() now seals with Tink ...
 *   // the import is audited inside its own transaction
 * }
 * }</pre>
 */
public final class Protection {

  /** The store's workspace_setting row that names the codec sealing the workspace (Database). */
  private static final String CODEC_SETTING = "identity_codec";

  private final Workspace workspace;
  private final WorkspaceKeys keys;
  private final TinkCodec codec;
  private final AuditLog audit;
  private final ReadAudit reads;
  private final BatchMacs batchMacs;

  /** The audit action of a save of documentation (sources, events, acts). */
  static final String DOCUMENT = "document";

  /** The audit action that authenticates the batches of a workspace made by an earlier version. */
  static final String AUTHENTICATE_BATCHES = "authenticate-batches";

  private Protection(Workspace workspace, WorkspaceKeys keys) {
    this.workspace = workspace;
    this.keys = keys;
    this.codec = new TinkCodec(keys);
    this.audit = new AuditLog(workspace.dataSource(), workspace.directory(), keys);
    this.reads = new ReadAudit(audit, workspace.dataSource());
    this.batchMacs = new BatchMacs(keys);
    // The codec and the audit of reads come together: no sealed value opens unaudited.
    workspace.useCodec(codec, reads);
    workspace.recordImportsWith(new ImportAudit());
  }

  /**
   * Records each import inside its transaction: the MAC of the batch's facts and the audit entry
   * (with the number of values it sealed, for {@link IdentityCheck}) commit with its rows; the
   * anchor moves after the commit (a crash in between leaves the anchor one entry behind, which
   * verifies: entries past the anchor must still chain and carry valid MACs).
   */
  private final class ImportAudit implements ImportRecorder {
    @Override
    public void inTransaction(Connection c, ImportSummary s, long batchId, byte[] facts)
        throws SQLException {
      batchMacs.store(c, batchId, batchMacs.mac(batchId, s.records(), facts));
      audit.append(
          c, actor(), "import", s.list(), "records=" + s.records() + " values=" + s.sealedValues());
    }

    @Override
    public void documented(Connection c, int sources, int acts, int sealedValues)
        throws SQLException {
      audit.append(
          c,
          actor(),
          DOCUMENT,
          "documentation",
          "sources=" + sources + " acts=" + acts + " values=" + sealedValues);
    }

    @Override
    public void committed() {
      audit.anchor();
    }

    @Override
    public void ended() {
      audit.transactionEnded();
    }
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
    Protection p = unlockWithoutAudit(ws, passphrase);
    p.requireWholeHead();
    p.recordUnlock();
    return p;
  }

  /**
   * After {@link #unlockWithoutAudit} and a check of the trail: records the unlock and, in a
   * workspace made by an earlier version, authenticates its import batches once.
   */
  public void recordUnlock() {
    audit.append(actor(), "unlock", workspace.directory().getFileName().toString(), "");
    new LegacyBatches(this).authenticateOnce();
  }

  /**
   * Unlocks the keys but neither checks nor writes the audit trail: for {@code tumen audit verify}
   * and {@code audit show}, which must look at a trail before anything is appended to it (a broken
   * trail is reported, never re-anchored). Callers append their own entry once the trail checks.
   */
  public static Protection unlockWithoutAudit(Workspace ws, char[] passphrase) {
    try {
      return new Protection(ws, WorkspaceKeys.unlock(ws.directory(), passphrase));
    } finally {
      Arrays.fill(passphrase, ' ');
    }
  }

  /** {@link #unlockWithoutAudit(Workspace, char[])} with the passphrase from where it is given. */
  public static Protection unlockWithoutAudit(Workspace ws, Path passphraseFile) {
    return unlockWithoutAudit(
        ws, Passphrase.read(passphraseFile, "Passphrase for " + ws.directory().getFileName()));
  }

  /**
   * Refuses to go on when the head of the trail does not match its anchor: appending would move the
   * anchor over a truncated or wiped trail and hide it (issue 12, finding 2).
   */
  void requireWholeHead() {
    AuditLog.Verification v = audit.verifyHead();
    if (!v.ok()) {
      throw new BadInputException(
          workspace.directory().toString(),
          "the audit trail is broken at entry "
              + v.firstBroken()
              + ": "
              + v.problem()
              + "; nothing was changed (see 'tumen audit verify')");
    }
  }

  /**
   * Unlocks with the passphrase from {@code passphraseFile}, else {@value Passphrase#ENV}, else a
   * prompt.
   */
  public static Protection unlock(Workspace ws, Path passphraseFile) {
    return unlock(
        ws, Passphrase.read(passphraseFile, "Passphrase for " + ws.directory().getFileName()));
  }

  /** Wraps keys that were just created. */
  public static Protection of(Workspace ws, WorkspaceKeys keys) {
    return new Protection(ws, keys);
  }

  /**
   * {@code tumen keys init}: creates the workspace's keys and marks the workspace as sealed by the
   * {@link TinkCodec}, so that no later command can store a plaintext identity in it. Refuses a
   * workspace that already holds plaintext identities (re-import them into a new workspace).
   *
   * @param cost {@link Argon2Cost#RFC9106_SECOND} except in tests
   */
  public static Protection initialise(Workspace ws, char[] passphrase, Argon2Cost cost) {
    try (Connection c = ws.dataSource().getConnection()) {
      String codec = setting(c, CODEC_SETTING);
      if (codec != null && !codec.equals(TinkCodec.ID)) {
        throw new BadInputException(
            ws.directory().toString(),
            "this workspace already holds identities sealed by '"
                + codec
                + "'; create the keys in a new workspace and import the lists again");
      }
      if (codec != null && !WorkspaceKeys.exist(ws.directory())) {
        // New keys would open none of its identities, nor verify its audit trail.
        throw new BadInputException(
            ws.directory().toString(),
            "this workspace's identities are sealed but its key file "
                + WorkspaceKeys.FILE_NAME
                + " is missing; put back your copy of it");
      }
      WorkspaceKeys keys;
      try {
        keys = WorkspaceKeys.init(ws.directory(), passphrase, cost);
      } finally {
        Arrays.fill(passphrase, ' ');
      }
      if (codec == null) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO workspace_setting (name, setting_value) VALUES (?, ?)")) {
          ps.setString(1, CODEC_SETTING);
          ps.setString(2, TinkCodec.ID);
          ps.executeUpdate();
        }
      }
      Protection p = new Protection(ws, keys);
      p.audit.append(actor(), "keys-init", ws.directory().getFileName().toString(), "");
      // Every batch of this workspace will carry a MAC from its import on.
      p.audit.append(actor(), AUTHENTICATE_BATCHES, "none", "batches=0 values=0");
      return p;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot mark the workspace as sealed: " + e, e);
    }
  }

  /**
   * The id of the codec that sealed the workspace's identities ({@link TinkCodec#ID}, {@code
   * "plaintext"}), or empty while it holds none and has no keys.
   */
  public static Optional<String> sealedBy(Workspace ws) {
    try (Connection c = ws.dataSource().getConnection()) {
      return Optional.ofNullable(setting(c, CODEC_SETTING));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the workspace's settings: " + e, e);
    }
  }

  private static String setting(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT setting_value FROM workspace_setting WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /**
   * Who is acting: the operating-system user, or the web account of the request ({@link Actor}).
   */
  public static String actor() {
    return Actor.current();
  }

  /**
   * Locks: appends a {@code lock} entry, then drops the codec (and with it every unwrapped data key
   * it cached) from the workspace, which from now on opens and writes no identity. The keys
   * themselves become garbage; the JVM gives no way to wipe Tink's key objects, so a heap dump
   * taken before they are collected may still hold them (docs/threat-model.md).
   */
  public void lock() {
    audit.append(actor(), "lock", workspace.directory().getFileName().toString(), "");
    workspace.dropCodec();
    codec.evictAll();
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

  BatchMacs batchMacs() {
    return batchMacs;
  }

  /** Audits reads of identities; call it before opening any value. */
  public ReadAudit reads() {
    return reads;
  }

  /** A connection to the workspace's database with auto-commit off; the caller closes it. */
  Connection transaction() throws SQLException {
    Connection c = workspace.dataSource().getConnection();
    c.setAutoCommit(false);
    return c;
  }
}
