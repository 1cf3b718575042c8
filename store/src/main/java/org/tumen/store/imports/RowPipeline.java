package org.tumen.store.imports;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * Carries a file's plan and sealed rows from the reading thread (parse, check, seal) to the writing
 * thread (the one JDBC connection and its transaction), in chunks, through a short queue: on a
 * 2-core machine the encryption and parsing overlap the database's work instead of adding to it.
 * The reader's failure (a bad row) reaches the writer as the same exception; the writer's failure
 * stops the reader.
 */
final class RowPipeline {

  private static final int CHUNK = 1000;
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(8);
  private List<SealedRow> chunk = new ArrayList<>(CHUNK);
  private volatile boolean abandoned;

  /** What the writing side does with what arrives. */
  interface Writer {
    void plan(ColumnPlan plan) throws SQLException;

    void row(SealedRow row) throws SQLException;
  }

  /** Reader side: the header's plan, before any row. */
  void plan(ColumnPlan plan) {
    put(plan);
  }

  /** Reader side: one sealed row. */
  void row(SealedRow row) {
    chunk.add(row);
    if (chunk.size() == CHUNK) {
      put(chunk);
      chunk = new ArrayList<>(CHUNK);
    }
  }

  /** Reader side: the file is read to its end. */
  void end() {
    if (!chunk.isEmpty()) {
      put(chunk);
      chunk = new ArrayList<>(0);
    }
    put(END);
  }

  /** Reader side: reading failed; the writer rethrows {@code failure}. */
  void fail(Throwable failure) {
    if (!abandoned) {
      put(new Failure(failure));
    }
  }

  /**
   * Writer side: hands everything to {@code writer} until the reader ends, and rethrows the
   * reader's failure as it was thrown.
   */
  void drain(Writer writer) throws SQLException, InterruptedException {
    try {
      while (true) {
        Object next = queue.take();
        if (next == END) {
          return;
        } else if (next instanceof Failure f) {
          throw f.rethrow();
        } else if (next instanceof ColumnPlan p) {
          writer.plan(p);
        } else {
          @SuppressWarnings("unchecked")
          List<SealedRow> rows = (List<SealedRow>) next;
          for (SealedRow r : rows) {
            writer.row(r);
          }
        }
      }
    } catch (RuntimeException | Error | SQLException | InterruptedException e) {
      abandon();
      throw e;
    }
  }

  /** Writer side: nothing more will be taken; a reader waiting to put gives up. */
  void abandon() {
    abandoned = true;
    queue.clear();
  }

  private void put(Object item) {
    try {
      while (!abandoned) {
        if (queue.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new CancellationException("the import was stopped");
  }

  private record Failure(Throwable cause) {
    RuntimeException rethrow() {
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error e) {
        throw e;
      }
      throw new IllegalStateException(cause.getMessage(), cause);
    }
  }
}
