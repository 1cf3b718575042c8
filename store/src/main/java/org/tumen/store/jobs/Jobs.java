package org.tumen.store.jobs;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs jobs on a few background threads, keeps their progress, and their results until they are
 * collected or pushed out by newer ones. Everything is in memory: a job does not survive the
 * process (a restarted server has no jobs; their callers run them again). One worker by default,
 * because a linkage or an estimate already uses every core.
 *
 * <pre>{@code
 * try (Jobs jobs = new Jobs(1, 100)) {
 *   String id = jobs.submit("alice", "link 5 lists", ctx -> linker.link(tables, spec, ctx));
 *   jobs.status(id);         // RUNNING, 0.42, "comparing pairs"
 *   jobs.result(id, LinkResult.class);
 * }
 * }</pre>
 */
public final class Jobs implements AutoCloseable {

  private static final SecureRandom IDS = new SecureRandom();

  private final ExecutorService workers;
  private final int keepFinished;
  private final Clock clock;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /**
   * @param workers how many jobs run at once
   * @param keepFinished how many finished jobs to remember (their results held in memory); older
   *     ones are forgotten
   */
  public Jobs(int workers, int keepFinished) {
    this(workers, keepFinished, Clock.systemUTC());
  }

  Jobs(int workers, int keepFinished, Clock clock) {
    if (workers < 1 || keepFinished < 0) {
      throw new IllegalArgumentException("workers >= 1 and keepFinished >= 0");
    }
    AtomicInteger n = new AtomicInteger();
    ThreadFactory daemons =
        r -> {
          Thread t = new Thread(r, "tumen-job-" + n.incrementAndGet());
          t.setDaemon(true); // a job never keeps the process alive
          return t;
        };
    this.workers = Executors.newFixedThreadPool(workers, daemons);
    this.keepFinished = keepFinished;
    this.clock = clock;
  }

  /** Queues a job and returns its id at once. */
  public synchronized String submit(String owner, String title, Job<?> job) {
    byte[] b = new byte[16];
    IDS.nextBytes(b);
    String id = HexFormat.of().formatHex(b);
    Entry e = new Entry(id, owner, title, clock.instant());
    entries.put(id, e);
    e.future = workers.submit(() -> run(e, job));
    return id;
  }

  private void run(Entry e, Job<?> job) {
    synchronized (this) {
      if (e.state != JobState.QUEUED) {
        return; // cancelled while queued
      }
      e.state = JobState.RUNNING;
    }
    Object result = null;
    JobState end;
    String error = null;
    try {
      result = job.run(e.context);
      end = e.context.cancelled() ? JobState.CANCELLED : JobState.DONE;
    } catch (CancellationException | InterruptedException ex) {
      end = JobState.CANCELLED;
    } catch (Exception | OutOfMemoryError | StackOverflowError ex) {
      end = e.context.cancelled() ? JobState.CANCELLED : JobState.FAILED;
      error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }
    finish(e, end, end == JobState.DONE ? result : null, error);
  }

  private synchronized void finish(Entry e, JobState state, Object result, String error) {
    if (e.state.over()) {
      return;
    }
    e.state = state;
    e.result = result;
    e.error = error;
    e.finished = clock.instant();
    forgetOldest();
  }

  private void forgetOldest() {
    List<Entry> over = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (e.state.over()) {
        over.add(e);
      }
    }
    over.sort(Comparator.comparing((Entry e) -> e.finished));
    for (int i = 0; i < over.size() - keepFinished; i++) {
      entries.remove(over.get(i).id);
    }
  }

  /** The job's state and progress; empty for an unknown (or forgotten) id. */
  public synchronized Optional<JobStatus> status(String id) {
    Entry e = entries.get(id);
    return e == null ? Optional.empty() : Optional.of(e.status());
  }

  /** The jobs of one owner, newest first. */
  public synchronized List<JobStatus> of(String owner) {
    List<JobStatus> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (e.owner.equals(owner)) {
        out.add(0, e.status());
      }
    }
    return out;
  }

  /**
   * Every job remembered, newest first (for an administrator's list: the results are not in it).
   */
  public synchronized List<JobStatus> all() {
    List<JobStatus> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      out.add(0, e.status());
    }
    return out;
  }

  /**
   * Cancels a job: a queued one never starts; a running one is told (its next progress step throws)
   * and interrupted. Returns false if the id is unknown or the job is already over.
   */
  public boolean cancel(String id) {
    Future<?> running;
    synchronized (this) {
      Entry e = entries.get(id);
      if (e == null || e.state.over()) {
        return false;
      }
      e.context.cancel();
      if (e.state == JobState.QUEUED) {
        e.state = JobState.CANCELLED;
        e.finished = clock.instant();
        forgetOldest();
      }
      running = e.future;
    }
    running.cancel(true);
    return true;
  }

  /**
   * The result of a finished job.
   *
   * @return empty while the job runs, or when it failed, was cancelled or is unknown
   * @throws ClassCastException if the result is not a {@code type}
   */
  public synchronized <T> Optional<T> result(String id, Class<T> type) {
    Entry e = entries.get(id);
    if (e == null || e.state != JobState.DONE || e.result == null) {
      return Optional.empty();
    }
    return Optional.of(type.cast(e.result));
  }

  /**
   * The result of a finished job, whatever its type; empty as for {@link #result(String, Class)}.
   */
  public synchronized Optional<Object> result(String id) {
    Entry e = entries.get(id);
    if (e == null || e.state != JobState.DONE) {
      return Optional.empty();
    }
    return Optional.ofNullable(e.result);
  }

  /** Waits for a job to end (for the command line and tests); false if it is still running. */
  public boolean await(String id, long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (true) {
      synchronized (this) {
        Entry e = entries.get(id);
        if (e == null || e.state.over()) {
          return true;
        }
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
  }

  /** Cancels every job and stops the workers. */
  @Override
  public void close() {
    synchronized (this) {
      for (Entry e : entries.values()) {
        e.context.cancel();
      }
    }
    workers.shutdownNow();
  }

  private static final class Entry {
    final String id;
    final String owner;
    final String title;
    final Instant submitted;
    final JobContext context = new JobContext();
    volatile JobState state = JobState.QUEUED;
    Future<?> future;
    Object result;
    String error;
    Instant finished;

    Entry(String id, String owner, String title, Instant submitted) {
      this.id = id;
      this.owner = owner;
      this.title = title;
      this.submitted = submitted;
    }

    JobStatus status() {
      double f = context.fraction();
      Optional<Double> fraction =
          state == JobState.DONE
              ? Optional.of(1.0)
              : Double.isNaN(f) || state == JobState.QUEUED ? Optional.empty() : Optional.of(f);
      String message = state == JobState.FAILED ? error : context.task();
      return new JobStatus(
          id, owner, title, state, fraction, message, submitted, Optional.ofNullable(finished));
    }
  }
}
