package org.tumen.store.jobs;

/**
 * Work to run in the background. It reports progress through its context (which is a {@link
 * org.tumen.model.Progress} to hand to an engine) and should stop soon after being cancelled: the
 * context's {@code step} and {@link JobContext#checkCancelled} throw once it is.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface Job<T> {
  T run(JobContext context) throws Exception;
}
