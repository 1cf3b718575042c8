package org.tumen.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps closed connections for reuse (docs/web.md, "Performance"): the repositories open a
 * connection per call, and the web application makes several calls per request; opening a
 * PostgreSQL connection costs a TCP handshake, an authentication and a server process, an H2
 * session a few allocations. A connection handed back is rolled back if a transaction was left
 * open, set to auto-commit, and kept if fewer than {@code maxIdle} are idle, else closed.
 *
 * <p>Not a pool with a limit: a caller never waits for a connection. The store opens a second
 * connection while holding a first (an audited read appends its entry in its own transaction), so a
 * bounded pool could deadlock once every connection was held by a caller waiting for another. The
 * number of open connections is what it was without the cache (one per caller at a time); only up
 * to {@code maxIdle} more stay open between calls.
 */
final class ConnectionCache implements DataSource, AutoCloseable {

  /** An idle connection unused this long is checked before it is handed out again. */
  private static final long CHECK_AFTER_NANOS = 30_000_000_000L;

  private record Idle(Connection connection, long since) {}

  private final DataSource target;
  private final int maxIdle;
  private final ConcurrentLinkedDeque<Idle> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger idleCount = new AtomicInteger();
  private volatile boolean closed;

  ConnectionCache(DataSource target, int maxIdle) {
    this.target = target;
    this.maxIdle = maxIdle;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (closed) {
      // As without the cache: a caller that kept a closed workspace's repositories still reaches
      // the database (H2 reopens an embedded one), but nothing is kept any more.
      return target.getConnection();
    }
    Idle i;
    while ((i = idle.pollFirst()) != null) {
      idleCount.decrementAndGet();
      Connection c = i.connection();
      if (System.nanoTime() - i.since() < CHECK_AFTER_NANOS || valid(c)) {
        return handle(c);
      }
      closeQuietly(c);
    }
    return handle(target.getConnection());
  }

  private static boolean valid(Connection c) {
    try {
      return !c.isClosed() && c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private Connection handle(Connection physical) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new Handle(physical));
  }

  /** Takes back a connection whose handle was closed. */
  private void giveBack(Connection c, boolean broken) {
    if (broken || closed) {
      closeQuietly(c);
      return;
    }
    try {
      if (c.isClosed()) {
        return;
      }
      if (!c.getAutoCommit()) {
        c.rollback();
        c.setAutoCommit(true);
      }
      c.clearWarnings();
    } catch (SQLException e) {
      closeQuietly(c);
      return;
    }
    if (idleCount.incrementAndGet() <= maxIdle) {
      idle.offerFirst(new Idle(c, System.nanoTime()));
    } else {
      idleCount.decrementAndGet();
      closeQuietly(c);
    }
    if (closed) {
      drain();
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // Already gone.
    }
  }

  private void drain() {
    Idle i;
    while ((i = idle.pollFirst()) != null) {
      idleCount.decrementAndGet();
      closeQuietly(i.connection());
    }
  }

  /**
   * Closes the idle connections and keeps none from now on; connections in use close when their
   * callers close them.
   */
  @Override
  public void close() {
    closed = true;
    drain();
  }

  /** A caller's connection: close() gives the physical connection back instead of closing it. */
  private final class Handle implements InvocationHandler {
    private final Connection physical;
    private boolean handedBack;
    private boolean broken;

    Handle(Connection physical) {
      this.physical = physical;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      switch (name) {
        case "close":
          synchronized (this) {
            if (!handedBack) {
              handedBack = true;
              giveBack(physical, broken);
            }
          }
          return null;
        case "isClosed":
          synchronized (this) {
            return handedBack || physical.isClosed();
          }
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          return "cached " + physical;
        default:
          break;
      }
      synchronized (this) {
        if (handedBack) {
          throw new SQLException("connection closed");
        }
      }
      try {
        return method.invoke(physical, args);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof SQLException s && fatal(s)) {
          broken = true;
        }
        throw cause;
      }
    }
  }

  /** Errors after which the connection is not kept: the link or the session is gone. */
  private static boolean fatal(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the workspace's connections have one user");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return target.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || target.isWrapperFor(iface);
  }
}
