package org.tumen.store.protect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tumen.store.identity.FieldSealer;

/**
 * Brings import batches made by a version before issue 12 up to what an import writes now, once, at
 * the first unlock: the content hash keyed, the file name and headers sealed, and the batch's facts
 * MACed. The MAC trusts the batch as it is found then (trust on first use: whoever changed it
 * before had the same power as before this version); the audit entry {@value
 * Protection#AUTHENTICATE_BATCHES} records when, and after it a batch without a MAC is broken.
 */
final class LegacyBatches {

  private final Protection protection;

  LegacyBatches(Protection protection) {
    this.protection = protection;
  }

  void authenticateOnce() {
    try (Connection c = protection.transaction()) {
      try {
        if (done(c)) {
          c.rollback();
          return;
        }
        FieldSealer shared = protection.codec().sealerFor(0, null);
        List<Long> ids = new ArrayList<>();
        long values = 0;
        for (BatchMacs.Batch b : BatchMacs.batches(c).values()) {
          if (b.mac() != null) {
            continue;
          }
          ids.add(b.id());
          values += sealFileName(c, shared, b);
          values += sealHeaders(c, shared, b.sourceId());
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE import_batch SET content_sha256 = ? WHERE id = ?")) {
            ps.setString(1, protection.codec().contentKey(b.contentKey()));
            ps.setLong(2, b.id());
            ps.executeUpdate();
          }
        }
        protection.batchMacs().reseal(c, ids);
        protection
            .audit()
            .append(
                c,
                Protection.actor(),
                Protection.AUTHENTICATE_BATCHES,
                ids.isEmpty() ? "none" : "batches " + ids,
                "batches=" + ids.size() + " values=" + values);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot authenticate the import batches: " + e, e);
    } finally {
      protection.audit().transactionEnded();
    }
    protection.audit().anchor();
  }

  private static boolean done(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM audit_entry WHERE action = ? FETCH FIRST 1 ROWS ONLY")) {
      ps.setString(1, Protection.AUTHENTICATE_BATCHES);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static int sealFileName(Connection c, FieldSealer shared, BatchMacs.Batch b)
      throws SQLException {
    String name;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT file_name FROM import_batch WHERE id = ?")) {
      ps.setLong(1, b.id());
      try (ResultSet rs = ps.executeQuery()) {
        name = rs.next() ? rs.getString(1) : "";
      }
    }
    if (name.isEmpty()) {
      return 0;
    }
    insert(c, shared, "import_batch", b.id(), "file_name", name);
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE import_batch SET file_name = '' WHERE id = ?")) {
      ps.setLong(1, b.id());
      ps.executeUpdate();
    }
    return 1;
  }

  private static int sealHeaders(Connection c, FieldSealer shared, long source)
      throws SQLException {
    List<Object[]> headers = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT position, header FROM list_column WHERE source_id = ? AND header <> ''")) {
      ps.setLong(1, source);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          headers.add(new Object[] {rs.getInt(1), rs.getString(2)});
        }
      }
    }
    for (Object[] h : headers) {
      insert(c, shared, "list_column", source, "header." + h[0], (String) h[1]);
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE list_column SET header = '' WHERE source_id = ?")) {
      ps.setLong(1, source);
      ps.executeUpdate();
    }
    return headers.size();
  }

  private static void insert(
      Connection c, FieldSealer shared, String table, long owner, String field, String value)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO identity_field (owner_id, field, owner_table, person_id, sealed)"
                + " VALUES (?, ?, ?, NULL, ?)")) {
      ps.setLong(1, owner);
      ps.setString(2, field);
      ps.setString(3, table);
      ps.setBytes(4, shared.seal(table, owner, field, value));
      ps.executeUpdate();
    }
  }
}
