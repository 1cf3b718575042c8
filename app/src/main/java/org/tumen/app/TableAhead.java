package org.tumen.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tumen.store.imports.TableSink;
import org.tumen.store.imports.Tables;

/**
 * A table read on a thread of its own ({@link Tables#read}), its rows handed over in chunks while
 * the caller works on the rows before them or on another file: parsing the acts file of a
 * documentation import was a quarter of reading it (docs/benchmarks.md, "import13d"). The rows come
 * in the file's order; a problem the reader finds (a malformed table, a missing column) is thrown
 * by {@link Iterator#hasNext} where it occurred, after the rows before it, exactly as the reader
 * threw it.
 *
 * <p>The caller must {@link #close} it, also when it stops early (the reader then stops at its next
 * chunk).
 */
final class TableAhead implements Iterable<TableAhead.Line>, AutoCloseable {

  /** One row of the table, or its header. */
  record Line(long line, String[] values, boolean header) {}

  /** Rows per chunk handed over. */
  private static final int CHUNK = 512;

  /** Chunks held at most (the reader waits beyond). */
  private static final int HELD = 128;

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(HELD);
  private final Thread thread;
  private volatile boolean closed;
  private boolean iterated;

  /** Stops the reading thread when the caller no longer takes chunks. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super(null, null, false, false);
    }
  }

  TableAhead(Path file) {
    thread = new Thread(() -> read(file), "tumen-table-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void read(Path file) {
    List<Line> chunk = new ArrayList<>(CHUNK);
    try {
      Tables.read(
          file,
          new TableSink() {
            @Override
            public void header(List<String> headers, long line) {
              put(List.of(new Line(line, headers.toArray(String[]::new), true)));
            }

            @Override
            public void row(long line, String[] values) {
              chunk.add(new Line(line, values, false));
              if (chunk.size() == CHUNK) {
                put(new ArrayList<>(chunk));
                chunk.clear();
              }
            }
          });
      put(new ArrayList<>(chunk));
      put(END);
    } catch (Stopped e) {
      // the caller stopped reading
    } catch (RuntimeException | Error e) {
      // after the rows before it, so that the caller meets it where the reader did
      put(new ArrayList<>(chunk));
      put(e);
    }
  }

  private void put(Object o) {
    try {
      while (!queue.offer(o, 50, TimeUnit.MILLISECONDS)) {
        if (closed) {
          throw new Stopped();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped();
    }
  }

  @Override
  public Iterator<Line> iterator() {
    if (iterated) {
      throw new IllegalStateException("a table ahead is read once");
    }
    iterated = true;
    return new Iterator<>() {
      private Iterator<Line> current = List.<Line>of().iterator();
      private boolean ended;

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (ended) {
            return false;
          }
          Object next;
          try {
            next = queue.take();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a table", e);
          }
          if (next == END) {
            ended = true;
            return false;
          }
          if (next instanceof RuntimeException e) {
            ended = true;
            throw e;
          }
          if (next instanceof Error e) {
            ended = true;
            throw e;
          }
          @SuppressWarnings("unchecked")
          List<Line> lines = (List<Line>) next;
          current = lines.iterator();
        }
        return true;
      }

      @Override
      public Line next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** Stops the reader if it is still reading, and lets it go. */
  @Override
  public void close() {
    closed = true;
    queue.clear();
  }
}
