package org.tumen.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Hands out entity ids from the {@code tumen_id} sequence, which steps by {@link #BLOCK}: each
 * sequence value starts a block of ids that this object alone owns, so a million rows cost a
 * thousand round trips and concurrent writers never collide. Not thread-safe.
 */
public final class Ids {

  /** The sequence's increment (V1__workspace.sql). */
  static final int BLOCK = 1000;

  private final Connection connection;
  private final String sql;
  private long next;
  private long end;

  Ids(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.sql = dialect.nextIdBlock();
  }

  /** A new id, never handed out before in this workspace. */
  public long next() throws SQLException {
    if (next == end) {
      try (PreparedStatement ps = connection.prepareStatement(sql);
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        next = rs.getLong(1);
        end = next + BLOCK;
      }
    }
    return next++;
  }
}
