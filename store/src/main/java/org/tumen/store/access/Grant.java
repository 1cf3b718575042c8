package org.tumen.store.access;

import java.time.Instant;

/** One need-to-know grant: {@code login} may see the {@code kind} called {@code target}. */
public record Grant(
    long id,
    long accountId,
    String login,
    CaseKind kind,
    String target,
    String grantedBy,
    Instant at) {}
