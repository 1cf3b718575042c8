package org.tumen.web.account;

import java.io.Serializable;
import org.tumen.store.access.Role;

/** The principal of a complete sign-in (password and second factor). */
public record SignedIn(long accountId, String login, Role role) implements Serializable {

  /** The actor the audit trail records for this account's requests. */
  public String actor() {
    return "web:" + login;
  }
}
