package org.tumen.store.jobs;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of a job, for a progress bar.
 *
 * @param id the job's id (random, unguessable: a page may put it in a URL)
 * @param owner who submitted it (an account name); only they and administrators should see it
 * @param title what the job does, in a few words, for a list of jobs
 * @param state where it is
 * @param fraction of the current task done, 0 to 1; empty when the task does not know its size
 * @param message the current task, as the engine names it ("comparing pairs"), or why it failed
 * @param submitted when it was submitted
 * @param finished when it ended, if it has
 */
public record JobStatus(
    String id,
    String owner,
    String title,
    JobState state,
    Optional<Double> fraction,
    String message,
    Instant submitted,
    Optional<Instant> finished) {}
