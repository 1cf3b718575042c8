package org.tumen.store.jobs;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.tumen.model.Progress;

/**
 * What a running job sees: a {@link Progress} that records the current task and how far it has got,
 * and the cancel flag. Work calls {@link #step} from any thread, often; it costs one atomic add and
 * one volatile read.
 */
public final class JobContext implements Progress {

  private volatile String task = "";
  private volatile long total = -1;
  private final AtomicLong done = new AtomicLong();
  private volatile boolean cancelled;

  JobContext() {}

  @Override
  public void start(String task, long total) {
    checkCancelled();
    this.task = task == null ? "" : task;
    this.done.set(0);
    this.total = total;
  }

  /**
   * Adds to the current task; throws once the job is cancelled, so an engine that reports progress
   * stops at its next step without knowing about jobs.
   */
  @Override
  public void step(long units) {
    done.addAndGet(units);
    checkCancelled();
  }

  @Override
  public void finish() {
    long t = total;
    if (t > 0) {
      done.set(t);
    }
  }

  /** Throws {@link CancellationException} if the job was cancelled. */
  public void checkCancelled() {
    if (cancelled) {
      throw new CancellationException("cancelled");
    }
  }

  /** Whether the job was cancelled (for work that prefers to look rather than be thrown at). */
  public boolean cancelled() {
    return cancelled;
  }

  void cancel() {
    cancelled = true;
  }

  String task() {
    return task;
  }

  /** The current task's fraction done, or NaN when its size is unknown. */
  double fraction() {
    long t = total;
    if (t <= 0) {
      return Double.NaN;
    }
    return Math.min(1.0, Math.max(0.0, (double) done.get() / t));
  }
}
