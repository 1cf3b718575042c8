package org.tumen.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionCacheTest {

  @TempDir Path dir;
  ConnectionCache cache;

  @BeforeEach
  void open() throws SQLException {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + dir.getFileName() + ";DB_CLOSE_DELAY=-1");
    cache = new ConnectionCache(ds, 2);
    try (Connection c = cache.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (x INT)");
    }
  }

  @AfterEach
  void close() {
    cache.close();
  }

  private static long session(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT SESSION_ID()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aClosedConnectionIsReusedAndComesBackAutoCommittingWithItsTransactionRolledBack()
      throws SQLException {
    long first;
    try (Connection c = cache.getConnection()) {
      first = session(c);
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO t VALUES (1)");
      }
      // closed without commit
    }
    try (Connection c = cache.getConnection()) {
      assertThat(session(c)).isEqualTo(first);
      assertThat(c.getAutoCommit()).isTrue();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
        rs.next();
        assertThat(rs.getInt(1)).as("the open transaction was rolled back").isZero();
      }
    }
  }

  @Test
  void aHandleIsDeadOnceClosedAndClosingTwiceGivesBackOnce() throws SQLException {
    Connection c = cache.getConnection();
    c.close();
    c.close();
    assertThat(c.isClosed()).isTrue();
    assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class);
    try (Connection a = cache.getConnection();
        Connection b = cache.getConnection()) {
      assertThat(session(a)).isNotEqualTo(session(b));
    }
  }

  @Test
  void neverWaitsAndKeepsOnlyMaxIdle() throws SQLException {
    Connection[] held = new Connection[5];
    long[] ids = new long[5];
    for (int i = 0; i < held.length; i++) {
      held[i] = cache.getConnection();
      ids[i] = session(held[i]);
    }
    for (Connection c : held) {
      c.close();
    }
    // the first two given back are kept (the last one first), the other three closed
    try (Connection a = cache.getConnection();
        Connection b = cache.getConnection();
        Connection c = cache.getConnection()) {
      assertThat(session(a)).isEqualTo(ids[1]);
      assertThat(session(b)).isEqualTo(ids[0]);
      assertThat(session(c)).isNotIn(ids[0], ids[1], ids[2], ids[3], ids[4]);
    }
  }

  @Test
  void afterCloseConnectionsAreOpenedAndClosedButNotKept() throws SQLException {
    long kept;
    try (Connection c = cache.getConnection()) {
      kept = session(c);
    }
    cache.close();
    long first;
    try (Connection c = cache.getConnection()) {
      first = session(c);
      assertThat(first).isNotEqualTo(kept);
    }
    try (Connection c = cache.getConnection()) {
      assertThat(session(c)).isNotEqualTo(first);
    }
  }
}
