package org.tumen.store.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tumen.store.identity.FieldSealer;
import org.tumen.store.identity.IdentityCodec;

/**
 * Reads back what {@link BatchRows} sealed about a list: its headers (in {@code list_column} order)
 * and the name of its file. A workspace made before they were sealed keeps them in the plain
 * columns, which are read as they are.
 */
public final class ListHeaders {

  /** One column of a list: its header as written and the field Tumen reads it as. */
  public record Column(int position, String header, String field) {}

  private ListHeaders() {}

  /** What a sealed header or file name reads as without the keys. */
  public static final String SEALED = "(sealed)";

  /** The list's columns, headers opened with {@code codec} (null: without the keys). */
  public static List<Column> columns(Connection c, IdentityCodec codec, long sourceId)
      throws SQLException {
    Map<String, byte[]> sealed = sealed(c, "list_column", sourceId);
    FieldSealer sealer = sealed.isEmpty() || codec == null ? null : codec.sealerFor(0, null);
    List<Column> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT position, header, field FROM list_column WHERE source_id = ?"
                + " ORDER BY position")) {
      ps.setLong(1, sourceId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int position = rs.getInt(1);
          String f = BatchRows.headerField(position);
          byte[] s = sealed.get(f);
          String header =
              s == null
                  ? rs.getString(2)
                  : sealer == null ? SEALED : sealer.open("list_column", sourceId, f, s);
          out.add(new Column(position, header, rs.getString(3)));
        }
      }
    }
    return out;
  }

  /** The name of the file imported as batch {@code batchId}. */
  public static String fileName(Connection c, IdentityCodec codec, long batchId, String plain)
      throws SQLException {
    byte[] s = sealed(c, "import_batch", batchId).get(BatchRows.FILE_NAME);
    if (s == null) {
      return plain;
    }
    return codec == null
        ? SEALED
        : codec.sealerFor(0, null).open("import_batch", batchId, BatchRows.FILE_NAME, s);
  }

  private static Map<String, byte[]> sealed(Connection c, String table, long owner)
      throws SQLException {
    Map<String, byte[]> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT field, sealed FROM identity_field WHERE owner_id = ? AND owner_table = ?")) {
      ps.setLong(1, owner);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getBytes(2));
        }
      }
    }
    return out;
  }
}
