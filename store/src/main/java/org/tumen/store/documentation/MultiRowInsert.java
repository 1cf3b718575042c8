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
 * built. Statements run on the save's {@link Sender}: each full statement takes its values with it
 * and the next rows go into a new array.
 */
final class MultiRowInsert implements TableRows {

  static final int ROWS = 100;

  private final Connection connection;
  private final Sender sender;
  private final String head;
  private final String one;
  private final int[] types;
  private Object[] values;

  /** The statement of {@value #ROWS} rows, prepared and used on the sender's thread only. */
  private PreparedStatement full;

  private int rows;
  private long written;

  /**
   * @param types the {@link Types} of each column, for its nulls
   */
  MultiRowInsert(Connection connection, Sender sender, String table, String columns, int... types) {
    this.connection = connection;
    this.sender = sender;
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
      Object[] batch = values;
      values = new Object[ROWS * types.length];
      rows = 0;
      written += ROWS;
      sender.submit(
          () -> {
            if (full == null) {
              full = connection.prepareStatement(statement(ROWS));
            }
            send(full, batch, ROWS);
          });
    }
  }

  @Override
  public void flush() throws SQLException {
    if (rows == 0) {
      return;
    }
    Object[] batch = values;
    int n = rows;
    values = new Object[ROWS * types.length];
    rows = 0;
    written += n;
    sender.submit(
        () -> {
          try (PreparedStatement ps = connection.prepareStatement(statement(n))) {
            send(ps, batch, n);
          }
        });
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

  private void send(PreparedStatement ps, Object[] batch, int rows) throws SQLException {
    int n = rows * types.length;
    for (int i = 0; i < n; i++) {
      set(ps, i + 1, batch[i], types[i % types.length]);
    }
    ps.executeUpdate();
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

  /** After the sender has stopped. */
  @Override
  public void close() throws SQLException {
    if (full != null) {
      full.close();
    }
  }
}
