package org.tumen.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.util.concurrent.Semaphore;

/**
 * At most a few pages rendered at once, each into memory, and written to the client after
 * (docs/web.md, "Pages rendered a few at a time").
 *
 * <p>Why: Thymeleaf 3.1 looks every attribute it processes up in shared repositories, each under a
 * <em>fair</em> read-write lock ({@code AttributeNames$AttributeNamesRepository}, {@code
 * AttributeDefinitions$AttributeDefinitionRepository}); an intake step page does so a few hundred
 * times. With more runnable threads than cores (50 users, 2 cores) a fair lock forms a convoy: once
 * one thread is queued every newcomer queues behind it, and each hand-off waits for the woken
 * thread to be scheduled. In one run of the load benchmark 1,602 of 2,048 samples of the request
 * threads were parked there, and the step page took a median of 423 ms for about 2.5 ms of CPU.
 * With no more renderers than cores the lock is hardly ever contended, and the time a page waits
 * for a permit is about the time it would have waited for a core.
 *
 * <p>A page is written into memory under the permit and sent after it is released, so that a client
 * that reads slowly (or not at all) never holds a permit; and a template that fails half way sends
 * nothing but the error page.
 */
final class RenderPermits {

  /** What renders a page into a response. */
  @FunctionalInterface
  interface Render {
    void into(HttpServletResponse response) throws Exception;
  }

  private final Semaphore permits;

  RenderPermits(int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("at least one page must render at a time: " + permits);
    }
    // not fair: a fair semaphore would hand each permit over to a queued thread, a convoy again
    this.permits = new Semaphore(permits, false);
  }

  /** As many renderers as the machine has cores. */
  static RenderPermits perCore() {
    return new RenderPermits(Runtime.getRuntime().availableProcessors());
  }

  /** Renders under a permit into memory, then writes the text to {@code response}. */
  void render(HttpServletResponse response, Render render) throws Exception {
    Buffered buffered = new Buffered(response);
    permits.acquire();
    try {
      render.into(buffered);
    } finally {
      permits.release();
    }
    buffered.writer.flush();
    if (buffered.chars.size() > 0) {
      PrintWriter out = response.getWriter();
      buffered.chars.writeTo(out);
      out.flush();
    }
  }

  /** The response as the view sees it: headers go through, the text stays in memory. */
  private static final class Buffered extends HttpServletResponseWrapper {
    final CharArrayWriter chars = new CharArrayWriter(16 * 1024);
    final PrintWriter writer = new PrintWriter(chars);

    Buffered(HttpServletResponse response) {
      super(response);
    }

    @Override
    public PrintWriter getWriter() {
      return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() {
      throw new IllegalStateException("a page is written as text");
    }

    @Override
    public void flushBuffer() {
      writer.flush();
    }

    @Override
    public void resetBuffer() {
      writer.flush();
      chars.reset();
    }

    @Override
    public void reset() {
      super.reset();
      resetBuffer();
    }
  }
}
