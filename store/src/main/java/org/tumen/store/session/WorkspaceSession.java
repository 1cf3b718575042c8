package org.tumen.store.session;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.tumen.model.BadInputException;
import org.tumen.store.Workspace;
import org.tumen.store.access.AccessGrants;
import org.tumen.store.access.Accounts;
import org.tumen.store.identity.PlaintextCodec;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Passphrase;
import org.tumen.store.protect.PendingAudit;
import org.tumen.store.protect.Protection;

/**
 * The one way into a workspace, for the command line and the web application alike (DESIGN.md):
 * open it, unlock its keys with the passphrase (or create them), read identities only through an
 * audited call, lock it again (the keys leave memory) and close it.
 *
 * <pre>{@code
 * try (WorkspaceSession s = WorkspaceSession.open(dir, jdbcUrl)) {
 *   s.unlock(passphraseFile);                 // audited "unlock"
 *   s.workspace().importer()...               // seals with the workspace's keys
 *   s.show("person", 42, List.of("name"), "review", () -> read());   // audited before the read
 *   s.lock();                                 // audited "lock"; identities no longer open
 * }
 * }</pre>
 *
 * <p>Thread-safe: the web application shares one session among its requests. Unlocking and locking
 * are serialised; {@link #protection()} refuses while locked.
 */
public final class WorkspaceSession implements AutoCloseable {

  private final Workspace workspace;
  private final PendingAudit pending;
  private final AccessGrants access;
  private volatile Protection protection;

  private WorkspaceSession(Workspace workspace) {
    this.workspace = workspace;
    this.pending = new PendingAudit(workspace.dataSource());
    this.access = new AccessGrants(workspace.dataSource());
  }

  /**
   * Opens (creating if needed) the workspace in {@code dir}, in the embedded database or in the
   * PostgreSQL database of {@code jdbcUrl}, locked.
   */
  public static WorkspaceSession open(Path dir, Optional<String> jdbcUrl) {
    return new WorkspaceSession(Workspace.open(dir, jdbcUrl));
  }

  /**
   * Opens a workspace that must already exist, for commands that only read it: an embedded
   * workspace folder without its database is refused instead of created empty (a mistyped
   * --workspace would otherwise count, report or publish nothing and say nothing).
   *
   * @throws BadInputException when the folder holds no embedded workspace
   */
  public static WorkspaceSession openExisting(Path dir, Optional<String> jdbcUrl) {
    requireExisting(dir, jdbcUrl);
    return open(dir, jdbcUrl);
  }

  /**
   * Opens a workspace that must already exist, as {@link #openExisting} does, for a command that
   * reads: the embedded database skips its file's compaction at close ({@link
   * Workspace#openToRead}).
   *
   * @throws BadInputException when the folder holds no embedded workspace
   */
  public static WorkspaceSession openExistingToRead(Path dir, Optional<String> jdbcUrl) {
    requireExisting(dir, jdbcUrl);
    return new WorkspaceSession(Workspace.openToRead(dir, jdbcUrl));
  }

  private static void requireExisting(Path dir, Optional<String> jdbcUrl) {
    if (jdbcUrl.isEmpty() && !Workspace.existsIn(dir)) {
      throw new BadInputException(
          dir.toAbsolutePath().normalize().toString(),
          "no workspace here: give the folder a workspace was created in (--workspace or"
              + " TUMEN_WORKSPACE)");
    }
  }

  /** The open workspace (its repositories seal and open identities only while unlocked). */
  public Workspace workspace() {
    return workspace;
  }

  /** The workspace folder. */
  public Path directory() {
    return workspace.directory();
  }

  /** Whether the workspace has keys (and so must be unlocked before identities are used). */
  public boolean hasKeys() {
    return Protection.hasKeys(workspace.directory());
  }

  /** Whether the keys are in memory. */
  public boolean isUnlocked() {
    return protection != null;
  }

  /**
   * Unlocks with {@code passphrase} (wiped afterwards): checks the head of the audit trail, then
   * records the unlock. Unlocking an unlocked session only checks the passphrase again.
   *
   * @throws BadInputException for a wrong passphrase, a missing key file or a broken trail
   */
  public synchronized Protection unlock(char[] passphrase) {
    Protection p = Protection.unlock(workspace, passphrase);
    // what happened while locked joins the trail before anything else is done with the keys
    pending.moveInto(p.audit());
    protection = p;
    return p;
  }

  /**
   * Records an event that may happen while locked (a sign-in, a password change): appended to the
   * trail when unlocked, else queued with a MAC chain under a key in this session's memory and
   * moved into the trail at the next unlock ({@link PendingAudit}).
   */
  public synchronized void audit(String actor, String action, String subject, String details) {
    Protection p = protection;
    if (p != null) {
      p.audit().append(actor, action, subject, details);
    } else {
      pending.add(actor, action, subject, details);
    }
  }

  /** How many audit entries wait for the next unlock. */
  public long auditWaiting() {
    return pending.waiting();
  }

  /**
   * The audit entries waiting for the next unlock, oldest first, as they will enter the trail (for
   * {@code tumen audit show}); reading them moves nothing.
   */
  public List<PendingAudit.Waiting> auditQueue() {
    return pending.queue();
  }

  /**
   * {@link #unlock(char[])} with the passphrase from the file, else the variable, else a prompt.
   */
  public Protection unlock(Path passphraseFile) {
    return unlock(
        Passphrase.read(passphraseFile, "Passphrase for " + workspace.directory().getFileName()));
  }

  /**
   * Unlocks without checking or writing the audit trail: only for {@code audit verify} and {@code
   * audit show}, which look at a trail before anything is appended to it.
   */
  public synchronized Protection unlockWithoutAudit(Path passphraseFile) {
    Protection p = Protection.unlockWithoutAudit(workspace, passphraseFile);
    protection = p;
    return p;
  }

  /** Creates the workspace's keys under a new passphrase ({@code tumen keys init}). */
  public synchronized Protection createKeys(char[] passphrase, Argon2Cost cost) {
    Protection p = Protection.initialise(workspace, passphrase, cost);
    protection = p;
    return p;
  }

  /** {@link #createKeys(char[], Argon2Cost)} with a new passphrase asked twice on a terminal. */
  public Protection createKeys(Path passphraseFile, Argon2Cost cost) {
    return createKeys(
        Passphrase.read(passphraseFile, Passphrase.ENV, "New workspace passphrase", true), cost);
  }

  /** How {@link #unlockOrCreateKeys} made the workspace ready to take identities. */
  public enum Readiness {
    /** Its keys were unlocked. */
    UNLOCKED,
    /** It had no keys and no identities: keys were created for it. */
    KEYS_CREATED,
    /** Plain text was asked for ({@code --unprotected}): synthetic test data only. */
    PLAINTEXT
  }

  /**
   * Protection is the default (docs/workspace.md, "tumen import"): a workspace with keys is
   * unlocked; the first write into a workspace without keys or identities creates its keys; plain
   * text only when {@code unprotected} is asked for, and never in a workspace with keys or one
   * already sealed.
   *
   * @throws BadInputException when plain text is asked of a workspace with keys, when a plaintext
   *     workspace is given no {@code unprotected}, or when there is no passphrase to be had
   */
  public synchronized Readiness unlockOrCreateKeys(
      Path passphraseFile, boolean unprotected, Argon2Cost cost) {
    String where = workspace.directory().toString();
    if (hasKeys()) {
      if (unprotected) {
        throw new BadInputException(
            "--unprotected", "this workspace has keys, so its identities are always sealed");
      }
      unlock(passphraseFile);
      return Readiness.UNLOCKED;
    }
    if (unprotected) {
      // The store still refuses if the workspace's identities were sealed by keys now missing.
      workspace.useCodec(new PlaintextCodec());
      return Readiness.PLAINTEXT;
    }
    if (Protection.sealedBy(workspace).filter(PlaintextCodec.ID::equals).isPresent()) {
      throw new BadInputException(
          where,
          "this workspace holds identities in plain text (imported with --unprotected): add"
              + " --unprotected to import more synthetic test data, or import real lists into a new"
              + " workspace");
    }
    if (!Passphrase.available(passphraseFile, Passphrase.ENV)) {
      throw new BadInputException(
          where,
          "this workspace has no keys yet: give a passphrase to create them (--passphrase-file"
              + " FILE, TUMEN_PASSPHRASE, or a terminal) or run 'tumen keys init' first;"
              + " --unprotected stores plain text, for synthetic test data only");
    }
    createKeys(passphraseFile, cost);
    return Readiness.KEYS_CREATED;
  }

  /**
   * The unlocked protection (keys, codec, audit trail).
   *
   * @throws LockedException while locked
   */
  public Protection protection() {
    Protection p = protection;
    if (p == null) {
      throw new LockedException(workspace.directory().toString());
    }
    return p;
  }

  /**
   * Shows one row's identity to a person: appends the audit entry (who, which row, which fields,
   * why) and only then runs {@code read}. A read that fails after the entry still leaves it; an
   * entry that cannot be written reads nothing.
   *
   * @param table {@code record}, {@code person}, {@code source}, {@code event} or {@code account}
   * @param fields the names of the fields shown (never their values)
   * @throws LockedException while locked
   */
  public <T> T show(
      String table, long id, Collection<String> fields, String purpose, Supplier<T> read) {
    protection().reads().beforeShowing(table, id, fields, purpose);
    return read.get();
  }

  /**
   * Locks: records the lock in the audit trail and drops the keys from memory. Identities neither
   * open nor get written until the next unlock. Locking a locked session does nothing.
   */
  public synchronized void lock() {
    Protection p = protection;
    if (p == null) {
      return;
    }
    protection = null;
    p.lock();
  }

  /** The web application's accounts (readable while locked: sign-in needs no workspace key). */
  public Accounts accounts() {
    return new Accounts(workspace.dataSource());
  }

  /**
   * Need-to-know: which sources, lists and case files each account may see. One object per session,
   * so that the visible sources it keeps per account are dropped by every grant change made through
   * the session.
   */
  public AccessGrants access() {
    return access;
  }

  /** Locks and closes the database. */
  @Override
  public void close() {
    pending.wipe();
    try {
      if (protection != null) {
        protection = null;
        workspace.dropCodec();
      }
    } finally {
      workspace.close();
    }
  }

  /** Wipes a copy of a passphrase that a caller no longer needs. */
  public static void wipe(char[] passphrase) {
    if (passphrase != null) {
      Arrays.fill(passphrase, ' ');
    }
  }
}
