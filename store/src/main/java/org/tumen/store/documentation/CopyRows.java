package org.tumen.store.documentation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows of one table sent to PostgreSQL with {@code COPY ... FROM STDIN} in its text format, a
 * {@value #CHUNK}-byte chunk at a time: the server parses one stream instead of a statement of
 * {@value MultiRowInsert#ROWS} rows with a bound parameter per value, and the driver sends no
 * parameter types (docs/benchmarks.md, "import13"). Each chunk is a {@code COPY} of its own, so
 * that the tables of one save, each holding its own chunk, never interleave on the connection; all
 * run in the caller's transaction.
 *
 * <p>The text format: a tab between columns, a newline after each row, {@code \N} for null, and a
 * backslash before each backslash, newline, carriage return and tab inside a value (PostgreSQL's
 * manual, COPY, "Text Format"). Bytes are written {@code \\x} and hexadecimal (bytea's hex input
 * after COPY's own unescaping), booleans {@code t} and {@code f}, days and times in ISO 8601.
 */
final class CopyRows implements TableRows {

  /** Bytes held before a COPY is sent. */
  static final int CHUNK = 1 << 20;

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final CopyManager copy;
  private final String sql;
  private final int columns;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK + (CHUNK >> 3));

  CopyRows(Connection connection, String table, String columns, int count) throws SQLException {
    this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    this.sql = "COPY " + table + " (" + columns + ") FROM STDIN";
    this.columns = count;
  }

  @Override
  public void add(Object... row) throws SQLException {
    if (row.length != columns) {
      throw new IllegalArgumentException(
          "a row of " + row.length + " values for " + columns + " columns");
    }
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        out.write('\t');
      }
      value(row[i]);
    }
    out.write('\n');
    if (out.size() >= CHUNK) {
      flush();
    }
  }

  @Override
  public void flush() throws SQLException {
    if (out.size() == 0) {
      return;
    }
    try {
      copy.copyIn(sql, new java.io.ByteArrayInputStream(out.toByteArray()));
    } catch (java.io.IOException e) {
      throw new SQLException("cannot send rows to PostgreSQL: " + e.getMessage(), e);
    }
    out.reset();
  }

  @Override
  public void close() {}

  private void value(Object v) {
    if (v == null) {
      out.write('\\');
      out.write('N');
    } else if (v instanceof String s) {
      text(s);
    } else if (v instanceof Long || v instanceof Integer) {
      ascii(v.toString());
    } else if (v instanceof Boolean b) {
      out.write(b ? 't' : 'f');
    } else if (v instanceof byte[] b) {
      // "\\x": COPY turns the doubled backslash into one, bytea reads the rest as hexadecimal
      out.write('\\');
      out.write('\\');
      out.write('x');
      for (byte x : b) {
        out.write(HEX[(x >> 4) & 0xf]);
        out.write(HEX[x & 0xf]);
      }
    } else if (v instanceof LocalDate || v instanceof OffsetDateTime) {
      ascii(v.toString());
    } else {
      throw new IllegalArgumentException("no column type for " + v.getClass());
    }
  }

  private void ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      out.write(s.charAt(i));
    }
  }

  /** A text value: UTF-8, with COPY's four escapes. */
  private void text(String s) {
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      char escaped =
          switch (ch) {
            case '\\' -> '\\';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            default -> 0;
          };
      if (escaped != 0) {
        utf8(s, from, i);
        out.write('\\');
        out.write(escaped);
        from = i + 1;
      }
    }
    utf8(s, from, s.length());
  }

  private void utf8(String s, int from, int to) {
    if (from < to) {
      out.writeBytes(s.substring(from, to).getBytes(StandardCharsets.UTF_8));
    }
  }
}
