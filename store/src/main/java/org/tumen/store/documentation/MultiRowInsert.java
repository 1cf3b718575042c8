package org.tumen.store.documentation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;

/**
 * Rows of one table, held and sent {@value #ROWS} at a time in one {@code INSERT ... VALUES (...),
 * (...)} statement, as list import's {@code RowWriter} does: H2 runs each row of a JDBC batch as a
 * statement of its own (a start, a savepoint, a session look-up), and PostgreSQL pays a round trip
 * per batched row unless the driver rewrites it (PostgreSQL takes {@link CopyRows}). A row's values
 * are copied when it is added, so sending one table's rows never disturbs a row of another being
 * built.
 */
final class MultiRowInsert implements TableRows {

  static final int ROWS = 100;

  private final Connection connection;
  private final String head;
  private final String one;
  private final int[] types;
  private final Object[] values;
  private PreparedStatement full;
  private int rows;
  private long written;

  /**
   * @param types the {@link Types} of each column, for its nulls
   */
  MultiRowInsert(Connection connection, String table, String columns, int... types) {
    this.connection = connection;
    this.head = "INSERT INTO " + table + " (" + columns + ") VALUES ";
    this.one = "(" + String.join(", ", Collections.nCopies(types.length, "?")) + ")";
    this.types = types.clone();
    this.values = new Object[ROWS * types.length];
  }

  @Override
  public void add(Object... row) throws SQLException {
    if (row.length != types.length) {
      throw new IllegalArgumentException(
          "a row of " + row.length + " values for " + types.length + " columns");
    }
    System.arraycopy(row, 0, values, rows * types.length, row.length);
    if (++rows == ROWS) {
      if (full == null) {
        full = connection.prepareStatement(statement(ROWS));
      }
      send(full);
    }
  }

  @Override
  public void flush() throws SQLException {
    if (rows == 0) {
      return;
    }
    try (PreparedStatement ps = connection.prepareStatement(statement(rows))) {
      send(ps);
    }
  }

  long written() {
    return written;
  }

  private String statement(int n) {
    StringBuilder sb = new StringBuilder(head.length() + n * (one.length() + 2));
    sb.append(head);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(one);
    }
    return sb.toString();
  }

  private void send(PreparedStatement ps) throws SQLException {
    int n = rows * types.length;
    for (int i = 0; i < n; i++) {
      set(ps, i + 1, values[i], types[i % types.length]);
      values[i] = null;
    }
    ps.executeUpdate();
    written += rows;
    rows = 0;
  }

  private static void set(PreparedStatement ps, int at, Object v, int type) throws SQLException {
    if (v == null) {
      ps.setNull(at, type);
    } else if (v instanceof Long l) {
      ps.setLong(at, l);
    } else if (v instanceof Integer i) {
      ps.setInt(at, i);
    } else if (v instanceof String s) {
      ps.setString(at, s);
    } else if (v instanceof Boolean b) {
      ps.setBoolean(at, b);
    } else if (v instanceof byte[] b) {
      ps.setBytes(at, b);
    } else if (v instanceof LocalDate || v instanceof OffsetDateTime) {
      ps.setObject(at, v);
    } else {
      throw new IllegalArgumentException("no column type for " + v.getClass());
    }
  }

  @Override
  public void close() throws SQLException {
    if (full != null) {
      full.close();
    }
  }
}
