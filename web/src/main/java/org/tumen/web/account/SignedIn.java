package org.tumen.web.account;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.tumen.store.access.Account;
import org.tumen.store.access.Role;

/**
 * The principal of a complete sign-in (password and second factor). {@code credentials} stamps the
 * password the sign-in used (a digest of its stored hash, which changes with every password): once
 * the password changes, every other session of the account is refused (the one that changed it
 * takes the new stamp). Null only in tokens that tests make by hand.
 */
public record SignedIn(long accountId, String login, Role role, String credentials)
    implements Serializable {

  public SignedIn(long accountId, String login, Role role) {
    this(accountId, login, role, null);
  }

  /** The principal of a sign-in of {@code a} as stored now. */
  public static SignedIn of(Account a) {
    return new SignedIn(a.id(), a.login(), a.role(), stamp(a));
  }

  /** The stamp of the account's current password. */
  public static String stamp(Account a) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(("tumen/session|" + a.passwordHash()).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** Whether this sign-in still stands for the account as stored now. */
  public boolean current(Account a) {
    return credentials == null || (a.enrolled() && credentials.equals(stamp(a)));
  }

  /** The actor the audit trail records for this account's requests. */
  public String actor() {
    return "web:" + login;
  }
}
