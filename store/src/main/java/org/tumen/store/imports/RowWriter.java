package org.tumen.store.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;

/**
 * Writes sealed records in JDBC batches: for each, a person row and a record row holding its sealed
 * identity document and name index.
 */
final class RowWriter implements AutoCloseable {

  private static final int BATCH = 1000;

  private final long sourceId;
  private final long importId;
  private final OffsetDateTime now;
  private final PreparedStatement person;
  private final PreparedStatement record;
  private int pending;
  private long values;

  RowWriter(Connection c, long sourceId, long importId, OffsetDateTime now) throws SQLException {
    this.sourceId = sourceId;
    this.importId = importId;
    this.now = now;
    this.person =
        c.prepareStatement("INSERT INTO person (id, wrapped_key, created_at) VALUES (?, ?, ?)");
    this.record =
        c.prepareStatement(
            "INSERT INTO record (id, source_id, import_id, source_record_id, row_no, person_id,"
                + " sex, birth_precision, sealed_values, name_index)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  void write(SealedRow r) throws SQLException {
    person.setLong(1, r.personId());
    setBytes(person, 2, r.wrappedKey());
    person.setObject(3, now);
    person.addBatch();
    record.setLong(1, r.recordId());
    record.setLong(2, sourceId);
    record.setLong(3, importId);
    record.setString(4, r.sourceRecordId());
    record.setLong(5, r.rowNo());
    record.setLong(6, r.personId());
    record.setString(7, r.sex());
    record.setString(8, r.birthPrecision());
    setBytes(record, 9, r.sealedValues());
    setBytes(record, 10, r.blindIndex());
    record.addBatch();
    values += r.sealedValues() == null ? 0 : 1;
    if (++pending == BATCH) {
      flush();
    }
  }

  void flush() throws SQLException {
    if (pending > 0) {
      person.executeBatch();
      record.executeBatch();
      pending = 0;
    }
  }

  /** Sealed values written so far (one per record that has any). */
  long values() {
    return values;
  }

  private static void setBytes(PreparedStatement ps, int i, byte[] b) throws SQLException {
    if (b == null) {
      ps.setNull(i, Types.VARBINARY);
    } else {
      ps.setBytes(i, b);
    }
  }

  @Override
  public void close() throws SQLException {
    try (person;
        record) {
      // closes the statements
    }
  }
}
