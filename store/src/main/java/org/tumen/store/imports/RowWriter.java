package org.tumen.store.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tumen.store.Ids;
import org.tumen.store.identity.FieldSealer;
import org.tumen.store.identity.IdentityCodec;

/**
 * Writes imported records in batches: for each record a new person (with a data key from the
 * codec), the record's coded fields, and its identity values sealed by the codec. Name values also
 * get a blind index of their normalised form.
 */
final class RowWriter implements AutoCloseable {

  private static final int BATCH = 1000;
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final String TABLE = "record";

  private final IdentityCodec codec;
  private final Ids ids;
  private final long sourceId;
  private final long importId;
  private final OffsetDateTime now;
  private final PreparedStatement person;
  private final PreparedStatement record;
  private final PreparedStatement field;
  private int pending;

  RowWriter(
      Connection c, IdentityCodec codec, Ids ids, long sourceId, long importId, OffsetDateTime now)
      throws SQLException {
    this.codec = codec;
    this.ids = ids;
    this.sourceId = sourceId;
    this.importId = importId;
    this.now = now;
    this.person =
        c.prepareStatement("INSERT INTO person (id, wrapped_key, created_at) VALUES (?, ?, ?)");
    this.record =
        c.prepareStatement(
            "INSERT INTO record (id, source_id, import_id, source_record_id, row_no, person_id,"
                + " sex, birth_precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    this.field =
        c.prepareStatement(
            "INSERT INTO identity_field (owner_id, field, owner_table, person_id, sealed,"
                + " blind_index) VALUES (?, ?, ?, ?, ?, ?)");
  }

  /** One record being written; its identity values follow through {@link #identity}. */
  final class Row {
    private final long personId;
    private final long recordId;
    private final FieldSealer sealer;

    private Row(long personId, long recordId, FieldSealer sealer) {
      this.personId = personId;
      this.recordId = recordId;
      this.sealer = sealer;
    }

    /** Seals one non-blank value of this record under the record's person. */
    void identity(String key, String value, boolean indexed) throws SQLException {
      field.setLong(1, recordId);
      field.setString(2, key);
      field.setString(3, TABLE);
      field.setLong(4, personId);
      field.setBytes(5, sealer.seal(TABLE, recordId, key, value));
      if (indexed) {
        field.setBytes(6, codec.blindIndex(key, blindKey(value)));
      } else {
        field.setNull(6, Types.VARBINARY);
      }
      field.addBatch();
    }
  }

  /**
   * Starts a record.
   *
   * @param sex "F", "M" or null
   * @param birthPrecision "Y", "M", "D" or null
   */
  Row start(String sourceRecordId, long rowNo, String sex, String birthPrecision)
      throws SQLException {
    long personId = ids.next();
    long recordId = ids.next();
    byte[] key = codec.newPersonKey(personId);
    person.setLong(1, personId);
    if (key == null) {
      person.setNull(2, Types.VARBINARY);
    } else {
      person.setBytes(2, key);
    }
    person.setObject(3, now);
    person.addBatch();
    record.setLong(1, recordId);
    record.setLong(2, sourceId);
    record.setLong(3, importId);
    record.setString(4, sourceRecordId);
    record.setLong(5, rowNo);
    record.setLong(6, personId);
    record.setString(7, sex);
    record.setString(8, birthPrecision);
    record.addBatch();
    return new Row(personId, recordId, codec.sealerFor(personId, key));
  }

  /** Ends a record; sends the batches when they are full. */
  void end() throws SQLException {
    if (++pending == BATCH) {
      flush();
    }
  }

  void flush() throws SQLException {
    if (pending > 0) {
      person.executeBatch();
      record.executeBatch();
      field.executeBatch();
      pending = 0;
    }
  }

  /**
   * The normalised form a blind index is taken of: compatibility-normalised, lower-case, without
   * spaces, so that "Kim Chol" and "kim chol" index alike. Linkage-grade keys (romanisation,
   * surname variants) are the linkage module's business.
   */
  static String blindKey(String value) {
    String s = Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return SPACES.matcher(s).replaceAll("");
  }

  @Override
  public void close() throws SQLException {
    try (person;
        record;
        field) {
      // closes the statements
    }
  }
}
