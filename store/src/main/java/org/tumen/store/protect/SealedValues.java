package org.tumen.store.protect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.tumen.store.identity.IdentityDocument;

/**
 * Every sealed identity value of a workspace, wherever the schema keeps it: each record's document
 * ({@code record.sealed_values}) and each value of another row ({@code identity_field}). Checks,
 * exports, restores and forgetting go through here so that none of them misses a place.
 */
final class SealedValues {

  /** One sealed value; {@code personId} is null for a value sealed under the workspace key. */
  record Value(
      String table, long ownerId, String field, Long personId, byte[] sealed, byte[] wrappedKey) {}

  /** What to do with each value. */
  interface Visitor {
    /** Returns false to stop. */
    boolean visit(Value v) throws SQLException;
  }

  private static final String RECORDS =
      "SELECT 'record', r.id, r.person_id, r.sealed_values, p.wrapped_key FROM record r"
          + " LEFT JOIN person p ON p.id = r.person_id WHERE r.sealed_values IS NOT NULL";
  private static final String FIELDS =
      "SELECT f.owner_table, f.owner_id, f.person_id, f.sealed, p.wrapped_key, f.field"
          + " FROM identity_field f LEFT JOIN person p ON p.id = f.person_id";

  private SealedValues() {}

  /** Visits every value, or only those of persons not forgotten; records first, in id order. */
  static void forEach(Connection c, boolean skipForgotten, Visitor visitor) throws SQLException {
    String alive = skipForgotten ? " AND p.forgotten_at IS NULL" : "";
    if (!scan(c, RECORDS + alive + " ORDER BY r.id", false, visitor)) {
      return;
    }
    scan(
        c,
        FIELDS
            + (skipForgotten ? " WHERE p.forgotten_at IS NULL" : "")
            + " ORDER BY f.person_id, f.owner_id, f.field",
        true,
        visitor);
  }

  private static boolean scan(Connection c, String sql, boolean fields, Visitor visitor)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long person = rs.getLong(3);
          Long personId = rs.wasNull() ? null : person;
          Value v =
              new Value(
                  rs.getString(1),
                  rs.getLong(2),
                  fields ? rs.getString(6) : IdentityDocument.FIELD,
                  personId,
                  rs.getBytes(4),
                  rs.getBytes(5));
          if (!visitor.visit(v)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** The number of sealed values in the workspace. */
  static long count(Connection c) throws SQLException {
    return single(c, "SELECT COUNT(*) FROM record WHERE sealed_values IS NOT NULL", null)
        + single(c, "SELECT COUNT(*) FROM identity_field", null);
  }

  /** The number of sealed values of one list's records. */
  static long countForList(Connection c, String list) throws SQLException {
    return single(
        c,
        "SELECT COUNT(*) FROM record r JOIN source s ON s.id = r.source_id"
            + " WHERE s.name = ? AND r.sealed_values IS NOT NULL",
        list);
  }

  /** Destroys every sealed value of one person; returns how many there were. */
  static int destroy(Connection c, long personId) throws SQLException {
    int n;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE record SET sealed_values = NULL, name_index = NULL"
                + " WHERE person_id = ? AND sealed_values IS NOT NULL")) {
      ps.setLong(1, personId);
      n = ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM identity_field WHERE person_id = ?")) {
      ps.setLong(1, personId);
      n += ps.executeUpdate();
    }
    return n;
  }

  private static long single(Connection c, String sql, String arg) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (arg != null) {
        ps.setString(1, arg);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
