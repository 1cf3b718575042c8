package org.tumen.store.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tumen.store.identity.FieldSealer;
import org.tumen.store.identity.IdentityCodec;

/**
 * The rows that describe an import rather than its records: the list ({@code source}), the file
 * ({@code import_batch}) and its columns ({@code list_column}), and the summary of an earlier
 * import of the same file.
 *
 * <p>What comes from the file's contents is never stored in the clear (issue 12, finding 1): its
 * content hash is keyed by the codec ({@code IdentityCodec.contentKey}), and its name and header
 * row are sealed like identities, in {@code identity_field}, under the workspace key (owner: the
 * batch for the name, the list for each header). The plain columns keep an empty string.
 */
final class BatchRows {

  private BatchRows() {}

  static Long sourceId(Connection c, String list) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM source WHERE name = ?")) {
      ps.setString(1, list);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** The summary of an earlier import of this file; refuses a different file for the same list. */
  static ImportSummary previous(
      Connection c,
      String list,
      long sourceId,
      String fileName,
      ImportFormat fmt,
      String sha256,
      String where,
      IdentityCodec codec)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT file_name, content_sha256, file_encoding, row_count, imported_at FROM"
                + " import_batch WHERE source_id = ? ORDER BY id")) {
      ps.setLong(1, sourceId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OffsetDateTime at = rs.getObject(5, OffsetDateTime.class);
          if (!rs.getString(2).equals(sha256)) {
            throw new ImportProblem(
                where,
                ImportProblem.Kind.LIST_TAKEN,
                "list '"
                    + list
                    + "' already holds another file (imported "
                    + at.toInstant()
                    + "); import this one under another --list name");
          }
          ColumnPlanView view = ColumnPlanView.read(c, codec, sourceId);
          return new ImportSummary(
              list,
              fileName,
              fmt,
              rs.getString(3),
              rs.getLong(4),
              0,
              view.columns(),
              view.extraHeaders(),
              0,
              0,
              true,
              at.toInstant());
        }
      }
    }
    throw new IllegalStateException("list '" + list + "' has no import on record");
  }

  static void insertSource(Connection c, long id, String list, OffsetDateTime now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO source (id, kind, name, consent_store, consent_quote, consent_contact,"
                + " created_at) VALUES (?, 'list', ?, TRUE, FALSE, FALSE, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, list);
      ps.setObject(3, now);
      ps.executeUpdate();
    }
  }

  static void insertBatch(
      Connection c,
      long id,
      long source,
      String fileName,
      String sha256,
      ImportFormat fmt,
      String encoding,
      OffsetDateTime now,
      FieldSealer sealer)
      throws SQLException {
    seal(c, sealer, "import_batch", id, FILE_NAME, fileName);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO import_batch (id, source_id, file_name, content_sha256, file_format,"
                + " file_encoding, row_count, imported_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)")) {
      ps.setLong(1, id);
      ps.setLong(2, source);
      ps.setString(3, "");
      ps.setString(4, sha256);
      ps.setString(5, fmt.name().toLowerCase(java.util.Locale.ROOT));
      ps.setString(6, encoding);
      ps.setObject(7, now);
      ps.executeUpdate();
    }
  }

  /** The identity_field name of a batch's sealed file name. */
  static final String FILE_NAME = "file_name";

  /** The identity_field name of a list's sealed header at a position (1-based). */
  static String headerField(int position) {
    return "header." + position;
  }

  /** Seals one value about no person (under the workspace key) into identity_field. */
  static void seal(
      Connection c, FieldSealer sealer, String table, long owner, String field, String value)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO identity_field (owner_id, field, owner_table, person_id, sealed)"
                + " VALUES (?, ?, ?, NULL, ?)")) {
      ps.setLong(1, owner);
      ps.setString(2, field);
      ps.setString(3, table);
      ps.setBytes(4, sealer.seal(table, owner, field, value));
      ps.executeUpdate();
    }
  }

  /** Returns the number of sealed headers. */
  static int insertColumns(Connection c, long source, ColumnPlan plan, FieldSealer sealer)
      throws SQLException {
    int sealed = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO list_column (source_id, position, header, field) VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < plan.size(); i++) {
        if (plan.field(i) == Field.IGNORE) {
          continue;
        }
        seal(c, sealer, "list_column", source, headerField(i + 1), plan.headers().get(i));
        sealed++;
        ps.setLong(1, source);
        ps.setInt(2, i + 1);
        ps.setString(3, "");
        ps.setString(4, plan.storageKey(i));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return sealed;
  }

  static Map<String, String> columns(ColumnPlan plan) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < plan.size(); i++) {
      out.putIfAbsent(plan.headers().get(i), plan.field(i).key());
    }
    return out;
  }

  /** The stored columns of an imported list, for the summary of a repeated import. */
  private record ColumnPlanView(Map<String, String> columns, List<String> extraHeaders) {
    static ColumnPlanView read(Connection c, IdentityCodec codec, long sourceId)
        throws SQLException {
      Map<String, String> columns = new LinkedHashMap<>();
      List<String> extras = new ArrayList<>();
      for (ListHeaders.Column col : ListHeaders.columns(c, codec, sourceId)) {
        boolean extra = col.field().startsWith("extra.");
        columns.putIfAbsent(col.header(), extra ? "extra" : col.field());
        if (extra) {
          extras.add(col.header());
        }
      }
      return new ColumnPlanView(columns, extras);
    }
  }
}
