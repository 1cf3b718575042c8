package org.tumen.store.documentation;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The rows of one table that a save writes, sent in bulk: multi-row {@code INSERT}s on H2 ({@link
 * MultiRowInsert}), {@code COPY} on PostgreSQL ({@link CopyRows}). Values are copied or encoded
 * when a row is added, so the caller may reuse its arrays.
 */
interface TableRows extends AutoCloseable {

  /** Adds one row, its values in the order of the columns. */
  void add(Object... row) throws SQLException;

  /** Hands the rows held to the sender. */
  void flush() throws SQLException;

  @Override
  void close() throws SQLException;

  /**
   * @param types the {@link java.sql.Types} of each column (for the nulls of an {@code INSERT})
   */
  static TableRows of(
      Connection connection,
      Sender sender,
      boolean postgres,
      String table,
      String columns,
      int... types)
      throws SQLException {
    return postgres
        ? new CopyRows(connection, sender, table, columns, types.length)
        : new MultiRowInsert(connection, sender, table, columns, types);
  }
}
