package org.tumen.model;

/**
 * How long work tells its caller how far it has got. Engines report; the command line draws a bar
 * on a terminal and stays quiet otherwise. Implementations must be cheap: work calls {@link #step}
 * often, from any thread.
 */
public interface Progress {

  /** Reports nothing. */
  Progress NONE =
      new Progress() {
        @Override
        public void start(String task, long total) {}

        @Override
        public void step(long done) {}

        @Override
        public void finish() {}
      };

  /**
   * Begins a task.
   *
   * @param task a few words, e.g. "comparing pairs"
   * @param total units of work, or -1 when unknown
   */
  void start(String task, long total);

  /** Adds {@code done} units to the current task. */
  void step(long done);

  /** Ends the current task. */
  void finish();
}
