package org.tumen.store.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes sealed records, for each a person row and a record row holding its sealed identity
 * document and name index, {@value #ROWS} at a time in multi-row INSERT statements.
 *
 * <p>Why multi-row statements rather than JDBC batches: H2 runs each row of a batch as a statement
 * of its own (a statement start, a savepoint, a thread-local session), which was about a sixth of
 * the writing thread's time at import; one statement of {@value #ROWS} rows pays that once. On
 * PostgreSQL it also saves a round trip per row.
 */
final class RowWriter implements AutoCloseable {

  static final int ROWS = 100;

  private static final String PERSON = "INSERT INTO person (id, wrapped_key, created_at) VALUES ";
  private static final String PERSON_ROW = "(?, ?, ?)";
  private static final String RECORD =
      "INSERT INTO record (id, source_id, import_id, source_record_id, row_no, person_id,"
          + " sex, birth_precision, sealed_values, name_index) VALUES ";
  private static final String RECORD_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Connection connection;
  private final long sourceId;
  private final long importId;
  private final OffsetDateTime now;
  private final PreparedStatement persons;
  private final PreparedStatement records;
  private final List<SealedRow> pending = new ArrayList<>(ROWS);
  private final BatchFacts facts;
  private long values;

  RowWriter(Connection c, long sourceId, long importId, OffsetDateTime now, BatchFacts facts)
      throws SQLException {
    this.connection = c;
    this.facts = facts;
    this.sourceId = sourceId;
    this.importId = importId;
    this.now = now;
    this.persons = c.prepareStatement(statement(PERSON, PERSON_ROW, ROWS));
    this.records = c.prepareStatement(statement(RECORD, RECORD_ROW, ROWS));
  }

  void write(SealedRow r) throws SQLException {
    pending.add(r);
    values += r.sealedValues() == null ? 0 : 1;
    facts.add(
        r.recordId(),
        sourceId,
        r.personId(),
        r.sourceRecordId(),
        r.rowNo(),
        r.sex(),
        r.birthPrecision(),
        r.sealedValues() == null ? -1 : r.sealedValues().length,
        r.blindIndex());
    if (pending.size() == ROWS) {
      insert(persons, records);
    }
  }

  /** Writes what is pending. */
  void flush() throws SQLException {
    if (pending.isEmpty()) {
      return;
    }
    int n = pending.size();
    try (PreparedStatement p = connection.prepareStatement(statement(PERSON, PERSON_ROW, n));
        PreparedStatement r = connection.prepareStatement(statement(RECORD, RECORD_ROW, n))) {
      insert(p, r);
    }
  }

  /** Sealed values written so far (one per record that has any). */
  long values() {
    return values;
  }

  private void insert(PreparedStatement p, PreparedStatement r) throws SQLException {
    int i = 0;
    int j = 0;
    for (SealedRow row : pending) {
      p.setLong(++i, row.personId());
      setBytes(p, ++i, row.wrappedKey());
      p.setObject(++i, now);
      r.setLong(++j, row.recordId());
      r.setLong(++j, sourceId);
      r.setLong(++j, importId);
      r.setString(++j, row.sourceRecordId());
      r.setLong(++j, row.rowNo());
      r.setLong(++j, row.personId());
      r.setString(++j, row.sex());
      r.setString(++j, row.birthPrecision());
      setBytes(r, ++j, row.sealedValues());
      setBytes(r, ++j, row.blindIndex());
    }
    p.executeUpdate();
    r.executeUpdate();
    pending.clear();
  }

  private static String statement(String head, String row, int rows) {
    StringBuilder s = new StringBuilder(head.length() + rows * (row.length() + 2)).append(head);
    for (int i = 0; i < rows; i++) {
      s.append(i == 0 ? "" : ", ").append(row);
    }
    return s.toString();
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
    try (persons;
        records) {
      // closes the statements
    }
  }
}
