package org.tumen.store.protect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tumen.model.BadInputException;

/**
 * {@code tumen forget PERSON-ID} (docs/threat-model.md, "Forgetting"): destroys the person's leaf
 * of the forgetting tree (in the key file, which no backup holds), then deletes their identity
 * values and wrapped key and leaves a tombstone: the person row, marked forgotten, so counts stay
 * right.
 */
public final class Forgetting {

  /** What forgetting did. */
  public record Result(long personId, boolean alreadyForgotten, int valuesDeleted) {}

  private final Protection protection;

  public Forgetting(Protection protection) {
    this.protection = protection;
  }

  public Result forget(long personId) {
    try (Connection c = protection.transaction()) {
      try {
        Boolean forgotten = tombstoned(c, personId);
        if (forgotten == null) {
          throw new BadInputException("PERSON-ID", "no person " + personId + " in this workspace");
        }
        boolean keyGone = !protection.keys().canOpen(personId);
        if (forgotten && keyGone) {
          c.rollback();
          return new Result(personId, true, 0);
        }
        // The key first: once the leaf is punctured (and saved), the data is unreadable
        // everywhere; a crash before the transaction below commits is finished by running
        // forget again (or by restore, which re-applies every forgotten person).
        List<Long> batches = BatchMacs.batchesOf(c, personId);
        protection.batchMacs().requireValid(c, batches);
        protection.keys().forget(personId);
        protection.codec().evict(personId);
        int deleted = tombstone(c, personId);
        protection.batchMacs().reseal(c, batches);
        protection
            .audit()
            .append(c, Protection.actor(), "forget", "person " + personId, "values=" + deleted);
        c.commit();
        protection.audit().anchor();
        return new Result(personId, false, deleted);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot forget person " + personId + ": " + e, e);
    } finally {
      protection.audit().transactionEnded();
    }
  }

  /** Tombstones every person the key file says was forgotten; used after a restore. */
  static int reapply(Connection c, WorkspaceKeys keys, BatchMacs macs) throws SQLException {
    int n = 0;
    Set<Long> batches = new HashSet<>();
    for (long id : keys.forgotten()) {
      Boolean f = tombstoned(c, id);
      if (f != null) {
        // Even a tombstone is cleared again: an older backup may have brought values back.
        batches.addAll(BatchMacs.batchesOf(c, id));
        tombstone(c, id);
        n += f ? 0 : 1;
      }
    }
    macs.reseal(c, batches);
    return n;
  }

  /** Null when there is no such person; else whether they are already a tombstone. */
  private static Boolean tombstoned(Connection c, long personId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT forgotten_at FROM person WHERE id = ?")) {
      ps.setLong(1, personId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getObject(1) != null : null;
      }
    }
  }

  private static int tombstone(Connection c, long personId) throws SQLException {
    int deleted = SealedValues.destroy(c, personId);
    // The list's own record id and row would tell the list's holder who withdrew consent.
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE record SET source_record_id = '', row_no = 0 WHERE person_id = ?")) {
      ps.setLong(1, personId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE person SET wrapped_key = NULL,"
                + " forgotten_at = COALESCE(forgotten_at, ?) WHERE id = ?")) {
      ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
      ps.setLong(2, personId);
      ps.executeUpdate();
    }
    return deleted;
  }
}
