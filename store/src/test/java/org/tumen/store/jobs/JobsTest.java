package org.tumen.store.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class JobsTest {

  private static void await(Jobs jobs, String id) throws InterruptedException {
    assertThat(jobs.await(id, 20, TimeUnit.SECONDS)).as("job %s ended", id).isTrue();
  }

  @Test
  void aJobReportsItsTaskAndFractionThenItsResult() throws Exception {
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    try (Jobs jobs = new Jobs(1, 10)) {
      String id =
          jobs.submit(
              "alice",
              "count",
              ctx -> {
                ctx.start("comparing pairs", 10);
                ctx.step(4);
                halfway.countDown();
                go.await();
                ctx.step(6);
                ctx.finish();
                return 42;
              });
      halfway.await();
      JobStatus mid = jobs.status(id).orElseThrow();
      assertThat(mid.state()).isEqualTo(JobState.RUNNING);
      assertThat(mid.fraction()).contains(0.4);
      assertThat(mid.message()).isEqualTo("comparing pairs");
      assertThat(jobs.result(id, Integer.class)).isEmpty();
      go.countDown();
      await(jobs, id);
      JobStatus end = jobs.status(id).orElseThrow();
      assertThat(end.state()).isEqualTo(JobState.DONE);
      assertThat(end.fraction()).contains(1.0);
      assertThat(end.finished()).isPresent();
      assertThat(jobs.result(id, Integer.class)).contains(42);
    }
  }

  @Test
  void aTaskOfUnknownSizeHasNoFraction() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    try (Jobs jobs = new Jobs(1, 10)) {
      String id =
          jobs.submit(
              "alice",
              "standardise",
              ctx -> {
                ctx.start("standardising", -1);
                started.countDown();
                go.await();
                return "ok";
              });
      started.await();
      assertThat(jobs.status(id).orElseThrow().fraction()).isEmpty();
      go.countDown();
      await(jobs, id);
    }
  }

  @Test
  void aFailureKeepsItsMessageAndNoResult() throws Exception {
    try (Jobs jobs = new Jobs(1, 10)) {
      String id =
          jobs.submit(
              "bob",
              "estimate",
              ctx -> {
                throw new IllegalStateException("the MLE does not exist");
              });
      await(jobs, id);
      JobStatus s = jobs.status(id).orElseThrow();
      assertThat(s.state()).isEqualTo(JobState.FAILED);
      assertThat(s.message()).isEqualTo("the MLE does not exist");
      assertThat(jobs.result(id, Object.class)).isEmpty();
    }
  }

  @Test
  void cancellingStopsARunningJobAtItsNextProgressStep() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    AtomicBoolean stepsAfterCancel = new AtomicBoolean();
    try (Jobs jobs = new Jobs(1, 10)) {
      String id =
          jobs.submit(
              "alice",
              "link",
              ctx -> {
                ctx.start("scoring", 1_000_000_000L);
                running.countDown();
                // an engine's loop: it knows nothing of jobs, only of Progress
                for (long i = 0; i < 1_000_000_000L; i++) {
                  ctx.step(1);
                }
                stepsAfterCancel.set(true); // reached only if cancelling did not stop the loop
                return "finished";
              });
      running.await();
      assertThat(jobs.cancel(id)).isTrue();
      await(jobs, id);
      assertThat(jobs.status(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
      assertThat(jobs.result(id, String.class)).isEmpty();
      assertThat(stepsAfterCancel).isFalse();
      assertThat(jobs.cancel(id)).as("already over").isFalse();
    }
  }

  @Test
  void aQueuedJobCancelledNeverStarts() throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    AtomicBoolean ran = new AtomicBoolean();
    try (Jobs jobs = new Jobs(1, 10)) {
      String first =
          jobs.submit(
              "alice",
              "first",
              ctx -> {
                go.await();
                return 1;
              });
      String second =
          jobs.submit(
              "alice",
              "second",
              ctx -> {
                ran.set(true);
                return 2;
              });
      assertThat(jobs.status(second).orElseThrow().state()).isEqualTo(JobState.QUEUED);
      assertThat(jobs.cancel(second)).isTrue();
      go.countDown();
      await(jobs, first);
      await(jobs, second);
      assertThat(ran).isFalse();
      assertThat(jobs.status(second).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
      assertThat(jobs.result(first, Integer.class)).contains(1);
    }
  }

  @Test
  void eachOwnerSeesTheirJobsNewestFirstAndOldFinishedJobsAreForgotten() throws Exception {
    try (Jobs jobs = new Jobs(1, 2)) {
      String a1 = jobs.submit("alice", "a1", ctx -> 1);
      await(jobs, a1);
      String b1 = jobs.submit("bob", "b1", ctx -> 2);
      await(jobs, b1);
      String a2 = jobs.submit("alice", "a2", ctx -> 3);
      await(jobs, a2);
      assertThat(jobs.status(a1)).as("the oldest of three finished, keeping two").isEmpty();
      assertThat(jobs.of("alice")).extracting(JobStatus::title).containsExactly("a2");
      assertThat(jobs.of("bob")).extracting(JobStatus::title).containsExactly("b1");
      assertThat(jobs.status("no-such-job")).isEmpty();
    }
  }

  @Test
  void idsAreUnguessable() throws Exception {
    try (Jobs jobs = new Jobs(1, 10)) {
      String a = jobs.submit("alice", "a", ctx -> 1);
      String b = jobs.submit("alice", "b", ctx -> 2);
      assertThat(a).hasSize(32).isNotEqualTo(b);
    }
  }
}
