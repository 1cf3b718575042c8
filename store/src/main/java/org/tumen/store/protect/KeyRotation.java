package org.tumen.store.protect;

import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tumen.model.Progress;

/**
 * {@code tumen keys rotate}: a new primary wrapping key, then every person's data key re-wrapped
 * under it, in batches (docs/threat-model.md, "Keys"). Only the outer layer is re-encrypted: no
 * data key is ever in plaintext, in memory or on disk. Killed at any point, every wrapped key still
 * opens (the old key stays in the keyset), and running rotate again finishes the job instead of
 * starting another rotation.
 */
public final class KeyRotation {

  /** What a rotation did. */
  public record Result(boolean resumed, int primaryKeyId, long rewrapped, long persons) {}

  private static final int BATCH = 1000;

  private final Protection protection;

  public KeyRotation(Protection protection) {
    this.protection = protection;
  }

  public Result rotate(Progress progress) {
    WorkspaceKeys keys = protection.keys();
    try {
      long[] counts = counts(keys);
      boolean resumed = counts[1] > 0;
      if (!resumed) {
        keys.addWrapPrimary();
      }
      long persons = counts[0];
      progress.start("re-wrapping data keys", persons);
      long rewrapped = 0;
      long after = Long.MIN_VALUE;
      while (true) {
        try (Connection c = protection.transaction()) {
          try {
            List<long[]> done = new ArrayList<>();
            long last = after;
            try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT id, wrapped_key FROM person WHERE wrapped_key IS NOT NULL AND id > ?"
                            + " ORDER BY id FETCH FIRST "
                            + BATCH
                            + " ROWS ONLY");
                PreparedStatement up =
                    c.prepareStatement("UPDATE person SET wrapped_key = ? WHERE id = ?")) {
              ps.setLong(1, after);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  long id = rs.getLong(1);
                  byte[] wrapped = rs.getBytes(2);
                  last = id;
                  done.add(new long[] {id});
                  if (!keys.wrappedUnderPrimary(wrapped)) {
                    up.setBytes(1, keys.rewrapDataKey(id, wrapped));
                    up.setLong(2, id);
                    up.addBatch();
                    rewrapped++;
                  }
                }
              }
              up.executeBatch();
            }
            c.commit();
            progress.step(done.size());
            if (done.size() < BATCH) {
              break;
            }
            after = last;
          } catch (SQLException | GeneralSecurityException | RuntimeException e) {
            c.rollback();
            throw e;
          }
        }
      }
      progress.finish();
      protection
          .audit()
          .append(
              Protection.actor(),
              "keys-rotate",
              "wrap-key " + Integer.toUnsignedString(keys.wrapPrimaryId()),
              "persons=" + persons + " rewrapped=" + rewrapped + (resumed ? " resumed" : ""));
      return new Result(resumed, keys.wrapPrimaryId(), rewrapped, persons);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot re-wrap the data keys: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "a data key does not open during rotation (altered row?): " + e.getMessage(), e);
    }
  }

  /** Persons with a data key, and how many of those are not under the primary wrapping key. */
  private long[] counts(WorkspaceKeys keys) throws SQLException {
    long all = 0;
    long stale = 0;
    try (Connection c = protection.transaction();
        PreparedStatement ps =
            c.prepareStatement("SELECT wrapped_key FROM person WHERE wrapped_key IS NOT NULL")) {
      ps.setFetchSize(BATCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          all++;
          if (!keys.wrappedUnderPrimary(rs.getBytes(1))) {
            stale++;
          }
        }
      }
      c.rollback();
    }
    return new long[] {all, stale};
  }
}
