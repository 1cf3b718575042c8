package org.tumen.store.session;

/** Identities were asked of a session whose keys are not in memory: unlock it first. */
public final class LockedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public LockedException(String where) {
    super(where + ": the workspace is locked; unlock it with its passphrase");
  }
}
