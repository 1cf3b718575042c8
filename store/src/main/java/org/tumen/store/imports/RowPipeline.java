package org.tumen.store.imports;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Carries a file from the reading thread (parse, check, give ids) through the sealing thread (data
 * keys, encryption) to the writing thread (the one JDBC connection and its transaction), in chunks
 * through short queues. Each stage is a third of the work, so on a 2-core machine encryption and
 * parsing overlap the database's work instead of adding to it (docs/benchmarks.md). A stage's
 * failure travels downstream to the writer as the same exception; the writer's failure stops the
 * others.
 */
final class RowPipeline {

  private static final int CHUNK = 1000;
  private static final Object END = new Object();

  private final BlockingQueue<Object> checked = new ArrayBlockingQueue<>(8);
  private final BlockingQueue<Object> sealed = new ArrayBlockingQueue<>(8);
  private List<CheckedRow> chunk = new ArrayList<>(CHUNK);
  private volatile boolean abandoned;

  /** What the writing side does with what arrives. */
  interface Writer {
    void plan(ColumnPlan plan) throws SQLException;

    void row(SealedRow row) throws SQLException;
  }

  /** Reader side: the header's plan, before any row. */
  void plan(ColumnPlan plan) {
    put(checked, plan);
  }

  /** Reader side: one checked row. */
  void row(CheckedRow row) {
    chunk.add(row);
    if (chunk.size() == CHUNK) {
      put(checked, chunk);
      chunk = new ArrayList<>(CHUNK);
    }
  }

  /** Reader side: the file is read to its end. */
  void end() {
    if (!chunk.isEmpty()) {
      put(checked, chunk);
      chunk = new ArrayList<>(0);
    }
    put(checked, END);
  }

  /** Reader side: reading failed; the writer rethrows {@code failure}. */
  void fail(Throwable failure) {
    if (!abandoned) {
      put(checked, new Failure(failure));
    }
  }

  /** Sealing thread: seals every chunk until the reader ends or fails. */
  void seal(RowSealer sealer) {
    try {
      while (true) {
        Object next = take(checked);
        if (next instanceof List<?> rows) {
          List<SealedRow> out = new ArrayList<>(rows.size());
          for (Object r : rows) {
            out.add(sealer.seal((CheckedRow) r));
          }
          put(sealed, out);
        } else {
          put(sealed, next);
          if (next == END || next instanceof Failure) {
            return;
          }
        }
      }
    } catch (CancellationException e) {
      // the writer gave up; nothing to pass on
    } catch (RuntimeException | Error e) {
      if (!abandoned) {
        put(sealed, new Failure(e));
      }
    }
  }

  /**
   * Writer side: hands everything to {@code writer} until the reader ends, and rethrows a failure
   * of the reader or the sealer as it was thrown.
   */
  void drain(Writer writer) throws SQLException, InterruptedException {
    try {
      while (true) {
        Object next = sealed.take();
        if (next == END) {
          return;
        } else if (next instanceof Failure f) {
          throw f.rethrow();
        } else if (next instanceof ColumnPlan p) {
          writer.plan(p);
        } else {
          for (Object r : (List<?>) next) {
            writer.row((SealedRow) r);
          }
        }
      }
    } catch (RuntimeException | Error | SQLException | InterruptedException e) {
      abandon();
      throw e;
    }
  }

  /** Writer side: nothing more will be taken; a stage waiting on a queue gives up. */
  void abandon() {
    abandoned = true;
    checked.clear();
    sealed.clear();
  }

  private void put(BlockingQueue<Object> queue, Object item) {
    try {
      while (!abandoned) {
        if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new CancellationException("the import was stopped");
  }

  private Object take(BlockingQueue<Object> queue) {
    try {
      while (!abandoned) {
        Object item = queue.poll(100, TimeUnit.MILLISECONDS);
        if (item != null) {
          return item;
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
