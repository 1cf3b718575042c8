package org.tumen.web.account;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Between the password and the second factor: which account, and the key its password derived (held
 * only in the server-side session, for at most {@link #TTL}, wiped when sign-in ends).
 */
public record PendingSignIn(long accountId, byte[] key, boolean enrolled, Instant at)
    implements Serializable {

  /** Five minutes to type the code. */
  public static final Duration TTL = Duration.ofMinutes(5);

  /** The HTTP session attribute that holds it. */
  public static final String ATTRIBUTE = "tumen.pendingSignIn";

  public boolean expiredAt(Instant now) {
    return now.isAfter(at.plus(TTL));
  }

  public void wipe() {
    java.util.Arrays.fill(key, (byte) 0);
  }
}
