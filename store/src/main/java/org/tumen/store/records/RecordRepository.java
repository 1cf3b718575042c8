package org.tumen.store.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.tumen.model.BadInputException;
import org.tumen.store.Database;
import org.tumen.store.identity.FieldSealer;
import org.tumen.store.identity.IdentityCodec;
import org.tumen.store.identity.IdentityDocument;
import org.tumen.store.imports.ListHeaders;

/**
 * Reads imported lists back: their columns, and their records with identity values opened by the
 * workspace's codec (for linkage, which needs the values as the lists wrote them).
 */
public final class RecordRepository {

  private static final String TABLE = "record";
  private static final int FETCH = 5000;

  private final Database db;

  /** Made by {@code Workspace.records()}. */
  public RecordRepository(Database db) {
    this.db = db;
  }

  /** Every imported list, by name. */
  public List<StoredList> lists() {
    try (Connection c = db.connect()) {
      List<StoredList> out = new ArrayList<>();
      try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT s.id, s.name, b.file_name, b.imported_at,"
                      + " b.id,"
                      + " (SELECT COUNT(*) FROM record r WHERE r.source_id = s.id)"
                      + " FROM source s JOIN import_batch b ON b.source_id = s.id"
                      + " WHERE s.kind = 'list' ORDER BY s.name");
          ResultSet rs = ps.executeQuery()) {
        // Headers and file names are sealed (they come from the file): without the keys, a list
        // is shown with its counts and placeholders.
        IdentityCodec codec;
        try {
          codec = db.codecForReading(c);
        } catch (BadInputException e) {
          codec = null;
        }
        while (rs.next()) {
          List<String[]> columns = columns(c, codec, rs.getLong(1));
          out.add(
              new StoredList(
                  rs.getString(2),
                  columns.stream().map(h -> h[0]).toList(),
                  columns.stream().map(h -> h[1]).toList(),
                  rs.getLong(6),
                  ListHeaders.fileName(c, codec, rs.getLong(5), rs.getString(3)),
                  rs.getObject(4, OffsetDateTime.class).toInstant()));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the lists: " + e.getMessage(), e);
    }
  }

  /** The list called {@code name}. */
  public StoredList list(String name) {
    return lists().stream()
        .filter(l -> l.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new BadInputException("--list " + name, "no such list in the workspace"));
  }

  /**
   * The person a list's record is about, without opening any identity (the list's record ids are
   * kept in clear), or empty if the list has no such record.
   *
   * @return the person's id and whether they were forgotten
   * @throws BadInputException if there is no such list
   */
  public Optional<PersonRef> personOf(String listName, String sourceRecordId) {
    StoredList list = list(listName);
    try (Connection c = db.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT p.id, p.forgotten_at FROM record r JOIN source s ON s.id = r.source_id"
                    + " JOIN person p ON p.id = r.person_id"
                    + " WHERE s.name = ? AND r.source_record_id = ?")) {
      ps.setString(1, list.name());
      ps.setString(2, sourceRecordId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new PersonRef(rs.getLong(1), rs.getObject(2) != null))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read list " + listName + ": " + e.getMessage(), e);
    }
  }

  /** A person's pseudonymous id, and whether their identity was forgotten. */
  public record PersonRef(long id, boolean forgotten) {}

  /**
   * {@link #forEachRecord(String, String, Consumer)} with the purpose {@code "not given"} in the
   * audit trail; commands should say why they read.
   */
  public void forEachRecord(String listName, Consumer<StoredRecord> action) {
    forEachRecord(listName, "not given", action);
  }

  /**
   * Calls {@code action} for each record of a list, in file order (ids grow in file order), with
   * its values opened. The records stream: a list of millions does not sit in memory. The read is
   * audited first (one entry for the list, with {@code purpose}).
   *
   * @param purpose why the list is read, for the audit trail (e.g. the command); never an identity
   * @throws BadInputException if there is no such list
   */
  public void forEachRecord(String listName, String purpose, Consumer<StoredRecord> action) {
    StoredList list = list(listName);
    // Audited, and committed, before the first value is opened: a read cut short by a crash or a
    // kill still leaves its trace, and a failed audit opens nothing (docs/threat-model.md).
    db.identityReads().beforeList(list.name(), list.records(), purpose);
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < list.fields().size(); i++) {
      position.put(list.fields().get(i), i);
    }
    int idColumn = list.idColumn();
    try (Connection c = db.connect()) {
      // PostgreSQL streams a result set only inside a transaction with a fetch size.
      c.setAutoCommit(false);
      IdentityCodec codec = db.codecForReading(c);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT r.id, r.person_id, r.source_record_id, r.row_no, p.wrapped_key,"
                  + " p.forgotten_at, r.sealed_values"
                  + " FROM record r JOIN source s ON s.id = r.source_id"
                  + " JOIN person p ON p.id = r.person_id"
                  + " WHERE s.name = ? ORDER BY r.id")) {
        ps.setFetchSize(FETCH);
        ps.setString(1, list.name());
        try (ResultSet rs = ps.executeQuery()) {
          Assembler a = new Assembler(codec, list.headers().size(), idColumn, position, action);
          while (rs.next()) {
            a.accept(rs);
          }
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read list " + listName + ": " + e.getMessage(), e);
    }
  }

  /**
   * Shows one record of a list to a person: one audit entry naming the record and the fields shown
   * (committed before any value opens), then only that record's values are opened. Empty when the
   * list holds no record with that Tumen id.
   *
   * @param fields the names of the fields shown, for the audit entry
   * @param purpose why, for the audit trail; never an identity
   * @throws BadInputException if there is no such list
   */
  public Optional<StoredRecord> showOne(
      String listName, long recordId, java.util.Collection<String> fields, String purpose) {
    StoredList list = list(listName);
    db.identityReads().beforeShowing(TABLE, recordId, fields, purpose);
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < list.fields().size(); i++) {
      position.put(list.fields().get(i), i);
    }
    java.util.concurrent.atomic.AtomicReference<StoredRecord> found =
        new java.util.concurrent.atomic.AtomicReference<>();
    try (Connection c = db.connect()) {
      IdentityCodec codec = db.codecForReading(c);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT r.id, r.person_id, r.source_record_id, r.row_no, p.wrapped_key,"
                  + " p.forgotten_at, r.sealed_values"
                  + " FROM record r JOIN source s ON s.id = r.source_id"
                  + " JOIN person p ON p.id = r.person_id"
                  + " WHERE s.name = ? AND r.id = ?")) {
        ps.setString(1, list.name());
        ps.setLong(2, recordId);
        try (ResultSet rs = ps.executeQuery()) {
          Assembler a =
              new Assembler(codec, list.headers().size(), list.idColumn(), position, found::set);
          if (rs.next()) {
            a.accept(rs);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read list " + listName + ": " + e.getMessage(), e);
    }
    return Optional.ofNullable(found.get());
  }

  private static List<String[]> columns(Connection c, IdentityCodec codec, long sourceId)
      throws SQLException {
    List<String[]> out = new ArrayList<>();
    for (ListHeaders.Column col : ListHeaders.columns(c, codec, sourceId)) {
      out.add(new String[] {col.header(), col.field()});
    }
    return out;
  }

  /** Opens one record's row into a StoredRecord, its sealed document spread over the columns. */
  private static final class Assembler {
    private final IdentityCodec codec;
    private final int width;
    private final int idColumn;
    private final Map<String, Integer> position;
    private final Consumer<StoredRecord> action;

    Assembler(
        IdentityCodec codec,
        int width,
        int idColumn,
        Map<String, Integer> position,
        Consumer<StoredRecord> action) {
      this.codec = codec;
      this.width = width;
      this.idColumn = idColumn;
      this.position = position;
      this.action = action;
    }

    void accept(ResultSet rs) throws SQLException {
      long recordId = rs.getLong(1);
      long personId = rs.getLong(2);
      String sourceRecordId = rs.getString(3);
      boolean forgotten = rs.getObject(6) != null;
      String[] values = new String[width];
      Arrays.fill(values, "");
      values[idColumn] = sourceRecordId;
      byte[] sealed = rs.getBytes(7);
      if (!forgotten && sealed != null) {
        FieldSealer sealer = codec.sealerFor(personId, rs.getBytes(5));
        String document = sealer.open(TABLE, recordId, IdentityDocument.FIELD, sealed);
        IdentityDocument.decode(document)
            .forEach(
                (field, value) -> {
                  Integer at = position.get(field);
                  if (at != null) {
                    values[at] = value;
                  }
                });
      }
      action.accept(
          new StoredRecord(
              recordId, personId, sourceRecordId, rs.getLong(4), forgotten, List.of(values)));
    }
  }
}
