package org.tumen.store.documentation;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a save's statements on a thread of its own, one after another in the order they were handed
 * over, while the saving thread goes on sealing and encoding the next rows: on H2 the inserts (H2
 * works on the thread that calls it), on PostgreSQL the wait for the server to take each COPY
 * (docs/benchmarks.md, "import13d"). Only the sender touches the connection between the first
 * {@link #submit} and {@link #finish}; the caller's transaction is the same, so a failure anywhere
 * still rolls back everything.
 *
 * <p>After a statement fails the sender runs nothing more; the failure reaches the saving thread at
 * its next {@link #submit} or at {@link #finish}, as it was thrown. At most {@value #HELD} jobs
 * wait, so that a slow database holds back the saving thread instead of filling the memory.
 */
final class Sender implements AutoCloseable {

  /** One piece of work on the connection. */
  @FunctionalInterface
  interface Job {
    void run() throws SQLException;
  }

  static final int HELD = 64;

  private static final Job END = () -> {};

  private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(HELD);
  private final Thread thread;
  private volatile Throwable failure;
  private volatile boolean abandoned;
  private boolean ended;

  Sender() {
    thread = new Thread(this::loop, "tumen-documentation-sender");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (true) {
      Job job;
      try {
        job = queue.take();
      } catch (InterruptedException e) {
        failure = e;
        return;
      }
      if (job == END) {
        return;
      }
      if (failure != null || abandoned) {
        continue;
      }
      try {
        job.run();
      } catch (Throwable t) {
        failure = t;
      }
    }
  }

  /** Hands a job over, after the ones before it; throws a failure of an earlier one. */
  void submit(Job job) throws SQLException {
    rethrow();
    put(job);
  }

  /** Waits until every job has run; throws the first failure. */
  void finish() throws SQLException {
    end();
    rethrow();
  }

  /**
   * Stops the sender (skipping the jobs not yet run) and waits for it, so that the connection is
   * free for a rollback; does not throw a job's failure.
   */
  @Override
  public void close() {
    abandoned = true;
    try {
      end();
    } catch (SQLException e) {
      // interrupted while waiting: the thread stops at its next job
    }
  }

  private void end() throws SQLException {
    if (ended) {
      return;
    }
    ended = true;
    put(END);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the rows to be written", e);
    }
  }

  private void put(Job job) throws SQLException {
    try {
      while (!queue.offer(job, 50, TimeUnit.MILLISECONDS)) {
        if (!thread.isAlive()) {
          throw new SQLException("the thread writing rows has stopped", failure);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while handing rows over", e);
    }
  }

  private void rethrow() throws SQLException {
    Throwable t = failure;
    if (t == null) {
      return;
    }
    if (t instanceof SQLException s) {
      throw s;
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new SQLException("cannot write the rows: " + t.getMessage(), t);
  }
}
