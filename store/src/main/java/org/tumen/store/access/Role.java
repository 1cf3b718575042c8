package org.tumen.store.access;

import java.util.Locale;
import java.util.Optional;

/** What an account does in the web application (docs/web.md has the role table). */
public enum Role {
  /** Accounts, roles, case access, lock and unlock, backup, the audit trail. */
  ADMINISTRATOR,
  /** Records interviews: sees the sources they collected or were granted. */
  INTERVIEWER,
  /** Decides whether two records are the same person, in the cases granted. */
  REVIEWER,
  /** Counts and estimates on pseudonymised data: never an identity. */
  ANALYST,
  /** Prepares what is published, in the cases granted. */
  EDITOR,
  /** Reads pseudonymised results. */
  VIEWER;

  /** The stored and typed form: lower case. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role written as {@code text} (any case), if it is one. */
  public static Optional<Role> parse(String text) {
    for (Role r : values()) {
      if (r.code().equalsIgnoreCase(text == null ? "" : text.strip())) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
