package org.tumen.store.protect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.tumen.store.identity.FieldSealer;

/**
 * Opens every sealed identity value of the workspace, to find the first one that was altered, moved
 * between rows, fields or persons, or inserted from elsewhere: AES-GCM with the row, field and
 * person as associated data rejects each of these. Forgotten persons have no values left.
 */
public final class IdentityCheck {

  /** The first value that does not open. */
  public record Broken(String table, long ownerId, String field, long personId) {
    @Override
    public String toString() {
      return table + " row " + ownerId + " field " + field + " (person " + personId + ")";
    }
  }

  /**
   * The result: how many values opened, the first that did not, and how many values the audit trail
   * accounts for (imports add, forgetting removes, a restore sets the count), or -1 when the trail
   * holds no count.
   */
  public record Result(long opened, Optional<Broken> firstBroken, long accountedFor) {
    /** Values missing (positive: deleted outside Tumen) or unaccounted for (negative). */
    public long missing() {
      return accountedFor < 0 ? 0 : accountedFor - opened;
    }
  }

  private final Protection protection;

  public IdentityCheck(Protection protection) {
    this.protection = protection;
  }

  public Result run() {
    // Every value is decrypted (and dropped): audited first, like any read.
    protection.reads().beforeAll("check that every sealed value opens (tumen audit verify)");
    long[] opened = {0};
    Broken[] broken = {null};
    try (Connection c = protection.transaction()) {
      try {
        SealedValues.forEach(
            c,
            false,
            v -> {
              try {
                FieldSealer s =
                    protection
                        .codec()
                        .sealerFor(
                            v.personId() == null ? 0 : v.personId(),
                            v.personId() == null ? null : v.wrappedKey());
                s.open(v.table(), v.ownerId(), v.field(), v.sealed());
                opened[0]++;
                return true;
              } catch (IllegalStateException e) {
                broken[0] =
                    new Broken(
                        v.table(), v.ownerId(), v.field(), v.personId() == null ? 0 : v.personId());
                return false;
              }
            });
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read identity values: " + e.getMessage(), e);
    }
    return new Result(opened[0], Optional.ofNullable(broken[0]), accounted());
  }

  /** The number of values the audit trail's counts add up to. */
  private long accounted() {
    long[] n = {-1};
    protection
        .audit()
        .entries(
            1,
            e -> {
              Long v = values(e.details());
              if (v == null) {
                return;
              }
              switch (e.action()) {
                case "import", Protection.DOCUMENT, Protection.AUTHENTICATE_BATCHES ->
                    n[0] = Math.max(n[0], 0) + v;
                case "forget" -> n[0] = Math.max(n[0], 0) - v;
                case "restore" -> n[0] = v;
                default -> {}
              }
            });
    return n[0];
  }

  private static Long values(String details) {
    for (String part : details.split("[ ;]+")) {
      if (part.startsWith("values=")) {
        try {
          return Long.parseLong(part.substring("values=".length()));
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }
}
