package org.tumen.store.access;

import java.time.Instant;

/**
 * One web account as stored (web_account). The sealed fields are opaque here: the web module seals
 * and opens them (the TOTP secret under a key from the password, the display name and the escrowed
 * copy of the TOTP secret under the workspace key). {@code mustChangePassword}: the password is a
 * one-time password an administrator set; {@code passwordResetAt}: when (null when not recorded).
 */
public record Account(
    long id,
    String login,
    Role role,
    String passwordHash,
    byte[] secretSalt,
    byte[] totpSealed,
    byte[] recoverySealed,
    byte[] displaySealed,
    String language,
    String interviewerCode,
    boolean enrolled,
    long lastTotpStep,
    int failedAttempts,
    Instant lockedUntil,
    boolean disabled,
    Instant createdAt,
    byte[] factorEscrow,
    boolean mustChangePassword,
    Instant passwordResetAt) {

  /** Whether sign-in is refused at {@code now} after too many failures. */
  public boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }
}
