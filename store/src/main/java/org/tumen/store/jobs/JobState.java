package org.tumen.store.jobs;

/** Where a job is in its life. */
public enum JobState {
  /** Submitted, waiting for a worker. */
  QUEUED,
  RUNNING,
  /** Finished with a result. */
  DONE,
  /** Ended by an exception; the status holds its message. */
  FAILED,
  /** Cancelled before it finished; no result. */
  CANCELLED;

  /** Whether the job will change no more. */
  public boolean over() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }
}
