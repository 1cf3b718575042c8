package org.tumen.store.documentation;

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
 * run in the caller's transaction, on the save's {@link Sender}: the server takes one chunk while
 * this thread encodes the next.
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
  private final Sender sender;
  private final String sql;
  private final int columns;

  /** The rows held, encoded; a plain array, as ByteArrayOutputStream locks for each byte. */
  private byte[] buffer = new byte[CHUNK + (CHUNK >> 2)];

  private int size;

  CopyRows(Connection connection, Sender sender, String table, String columns, int count)
      throws SQLException {
    this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
    this.sender = sender;
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
        put('\t');
      }
      value(row[i]);
    }
    put('\n');
    if (size >= CHUNK) {
      flush();
    }
  }

  @Override
  public void flush() throws SQLException {
    if (size == 0) {
      return;
    }
    byte[] chunk = buffer;
    int length = size;
    buffer = new byte[CHUNK + (CHUNK >> 2)];
    size = 0;
    sender.submit(
        () -> {
          try {
            copy.copyIn(sql, new java.io.ByteArrayInputStream(chunk, 0, length));
          } catch (java.io.IOException e) {
            throw new SQLException("cannot send rows to PostgreSQL: " + e.getMessage(), e);
          }
        });
  }

  @Override
  public void close() {}

  private void value(Object v) {
    if (v == null) {
      put('\\');
      put('N');
    } else if (v instanceof String s) {
      text(s);
    } else if (v instanceof Long || v instanceof Integer) {
      ascii(v.toString());
    } else if (v instanceof Boolean b) {
      put(b ? 't' : 'f');
    } else if (v instanceof byte[] b) {
      // "\\x": COPY turns the doubled backslash into one, bytea reads the rest as hexadecimal
      put('\\');
      put('\\');
      put('x');
      room(2 * b.length);
      for (byte x : b) {
        buffer[size++] = HEX[(x >> 4) & 0xf];
        buffer[size++] = HEX[x & 0xf];
      }
    } else if (v instanceof LocalDate || v instanceof OffsetDateTime) {
      ascii(v.toString());
    } else {
      throw new IllegalArgumentException("no column type for " + v.getClass());
    }
  }

  private void put(int b) {
    if (size == buffer.length) {
      buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
    }
    buffer[size++] = (byte) b;
  }

  private void ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      put(s.charAt(i));
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
        put('\\');
        put(escaped);
        from = i + 1;
      }
    }
    utf8(s, from, s.length());
  }

  /** Characters {@code from} to {@code to} of {@code s} in UTF-8 (a pair of surrogates as one). */
  private void utf8(String s, int from, int to) {
    room(3 * (to - from));
    for (int i = from; i < to; i++) {
      char ch = s.charAt(i);
      if (ch < 0x80) {
        buffer[size++] = (byte) ch;
      } else if (ch < 0x800) {
        buffer[size++] = (byte) (0xc0 | (ch >> 6));
        buffer[size++] = (byte) (0x80 | (ch & 0x3f));
      } else if (Character.isHighSurrogate(ch)
          && i + 1 < to
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(ch, s.charAt(++i));
        buffer[size++] = (byte) (0xf0 | (cp >> 18));
        buffer[size++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        buffer[size++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        buffer[size++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(ch)) {
        // a lone surrogate is not text: '?', as String.getBytes writes it
        buffer[size++] = '?';
      } else {
        buffer[size++] = (byte) (0xe0 | (ch >> 12));
        buffer[size++] = (byte) (0x80 | ((ch >> 6) & 0x3f));
        buffer[size++] = (byte) (0x80 | (ch & 0x3f));
      }
    }
  }

  /** Makes room for {@code bytes} more. */
  private void room(int bytes) {
    if (size + bytes > buffer.length) {
      buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
    }
  }
}
