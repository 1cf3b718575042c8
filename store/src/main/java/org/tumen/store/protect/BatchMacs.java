package org.tumen.store.protect;

import com.google.crypto.tink.Mac;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tumen.store.imports.BatchFacts;

/**
 * The MAC of each import batch's non-identity facts ({@link BatchFacts}) under the workspace's
 * audit key (issue 12, finding 7): whoever has the database but not the key file can change a
 * record's list, sex or person, or add or drop records, only by failing this MAC.
 */
final class BatchMacs {

  private static final byte[] DOMAIN = "tumen/import-batch-mac|".getBytes(StandardCharsets.UTF_8);

  /** A batch's identity as the MAC covers it. */
  record Batch(long id, long sourceId, String list, String contentKey, long rowCount, byte[] mac) {
    BatchFacts facts() {
      return new BatchFacts(id, sourceId, list, contentKey);
    }
  }

  private final Mac mac;

  BatchMacs(WorkspaceKeys keys) {
    this.mac = keys.auditMac();
  }

  byte[] mac(long batchId, long rowCount, byte[] digest) {
    try {
      return mac.computeMac(macInput(batchId, rowCount, digest));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot compute a batch MAC", e);
    }
  }

  boolean valid(Batch b, byte[] digest) {
    if (b.mac() == null) {
      return false;
    }
    try {
      mac.verifyMac(b.mac(), macInput(b.id(), b.rowCount(), digest));
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static byte[] macInput(long batchId, long rowCount, byte[] digest) {
    return ByteBuffer.allocate(DOMAIN.length + 16 + digest.length)
        .put(DOMAIN)
        .putLong(batchId)
        .putLong(rowCount)
        .put(digest)
        .array();
  }

  void store(Connection c, long batchId, byte[] tag) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE import_batch SET facts_mac = ? WHERE id = ?")) {
      ps.setBytes(1, tag);
      ps.setLong(2, batchId);
      ps.executeUpdate();
    }
  }

  /** Recomputes and stores the MAC of each batch, from its rows as they are now. */
  void reseal(Connection c, Collection<Long> batchIds) throws SQLException {
    Map<Long, Batch> all = batches(c);
    for (long id : batchIds) {
      Batch b = all.get(id);
      if (b != null) {
        store(c, id, mac(id, b.rowCount(), digest(c, b)));
      }
    }
  }

  /**
   * Refuses to go on when a batch about to be changed by Tumen (a forget) fails its MAC already:
   * resealing it would make a change made outside Tumen pass.
   */
  void requireValid(Connection c, Collection<Long> batchIds) throws SQLException {
    Map<Long, Batch> all = batches(c);
    for (long id : batchIds) {
      Batch b = all.get(id);
      if (b != null && b.mac() != null && !valid(b, digest(c, b))) {
        throw new org.tumen.model.BadInputException(
            "list " + b.list(),
            "its records were changed outside Tumen (the batch's MAC fails); nothing was"
                + " changed (see 'tumen audit verify')");
      }
    }
  }

  /** The batches holding the records of one person. */
  static List<Long> batchesOf(Connection c, long personId) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT DISTINCT import_id FROM record WHERE person_id = ?")) {
      ps.setLong(1, personId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  private static byte[] digest(Connection c, Batch b) throws SQLException {
    BatchFacts f = b.facts();
    try (PreparedStatement ps = c.prepareStatement(RECORDS + " WHERE import_id = ? ORDER BY id")) {
      ps.setLong(1, b.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          add(f, rs);
        }
      }
    }
    return f.finish();
  }

  /** Every batch, by id. */
  static Map<Long, Batch> batches(Connection c) throws SQLException {
    Map<Long, Batch> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT b.id, b.source_id, s.name, b.content_sha256, b.row_count, b.facts_mac"
                    + " FROM import_batch b JOIN source s ON s.id = b.source_id ORDER BY b.id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(
            rs.getLong(1),
            new Batch(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getBytes(6)));
      }
    }
    return out;
  }

  /** The record columns a batch's facts cover, in {@link #add} order. */
  static final String RECORDS =
      "SELECT id, source_id, person_id, source_record_id, row_no, sex, birth_precision,"
          + " OCTET_LENGTH(sealed_values), name_index, import_id FROM record";

  static void add(BatchFacts f, ResultSet rs) throws SQLException {
    long length = rs.getLong(8);
    boolean sealed = !rs.wasNull();
    f.add(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getString(6),
        rs.getString(7),
        sealed ? (int) length : -1,
        rs.getBytes(9));
  }
}
