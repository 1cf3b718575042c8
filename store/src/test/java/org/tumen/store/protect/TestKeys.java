package org.tumen.store.protect;

import java.nio.file.Path;

/** Workspace keys for tests, with a cheap Argon2id cost passed explicitly (never a global flag). */
final class TestKeys {

  /** 64 KiB and one pass: fast, and only ever used by tests. */
  static final Argon2Cost CHEAP = new Argon2Cost(64, 1, 1);

  static final char[] PASSPHRASE = "correct horse battery".toCharArray();

  private TestKeys() {}

  static WorkspaceKeys init(Path dir) {
    return WorkspaceKeys.init(dir, PASSPHRASE.clone(), CHEAP);
  }
}
