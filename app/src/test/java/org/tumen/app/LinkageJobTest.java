package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.link.LinkResult;
import org.tumen.link.LinkSpec;
import org.tumen.link.Linker;
import org.tumen.link.SourceTable;
import org.tumen.model.Progress;
import org.tumen.store.jobs.JobContext;
import org.tumen.store.jobs.JobState;
import org.tumen.store.jobs.JobStatus;
import org.tumen.store.jobs.Jobs;

/**
 * A real linkage as a background job (store.jobs), as the web will run it: its progress comes from
 * the engine's own Progress callbacks, and cancelling stops it at the engine's next step. The lists
 * are simulated.
 */
class LinkageJobTest {

  @TempDir static Path dir;
  static List<SourceTable> tables;

  @BeforeAll
  static void lists() throws Exception {
    Path out = dir.resolve("lists");
    int status =
        Main.run(
            new String[] {
              "simulate",
              "--population",
              "20000",
              "--lists",
              "4",
              "--seed",
              "3",
              "--out",
              out.toString()
            },
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(new StringWriter(), true));
    assertThat(status).isZero();
    try (Stream<Path> s = Files.list(out)) {
      tables =
          s.filter(p -> p.toString().endsWith(".csv") && !p.endsWith("truth.csv"))
              .sorted()
              .map(SourceTable::read)
              .toList();
    }
  }

  @Test
  void aLinkageJobReportsTheEnginesTasksAndEndsWithItsResult() throws Exception {
    // Every task the engine starts, recorded on the way to the job's context; polling the status
    // sees only the tasks that last longer than a poll (clustering can take under a millisecond).
    Set<String> started = ConcurrentHashMap.newKeySet();
    Set<String> polled = ConcurrentHashMap.newKeySet();
    boolean[] sawFraction = {false};
    try (Jobs jobs = new Jobs(1, 10)) {
      String id =
          jobs.submit(
              "analyst",
              "link 4 lists",
              (JobContext ctx) ->
                  new Linker()
                      .withThreads(2)
                      .link(tables, LinkSpec.infer(tables), recording(ctx, started)));
      while (!jobs.status(id).orElseThrow().state().over()) {
        JobStatus s = jobs.status(id).orElseThrow();
        polled.add(s.message());
        s.fraction().ifPresent(f -> sawFraction[0] |= f > 0 && f < 1);
        Thread.sleep(2);
      }
      assertThat(jobs.status(id).orElseThrow().state()).isEqualTo(JobState.DONE);
      LinkResult r = jobs.result(id, LinkResult.class).orElseThrow();
      assertThat(r.size()).isPositive();
      assertThat(started).contains("scoring", "clustering");
      assertThat(polled).as("the job's status shows the engine's task").contains("scoring");
      assertThat(sawFraction[0]).as("a fraction strictly between 0 and 1 was seen").isTrue();
    }
  }

  @Test
  void cancellingALinkageStopsItWithoutAResult() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean returned =
        new java.util.concurrent.atomic.AtomicBoolean();
    try (Jobs jobs = new Jobs(1, 10)) {
      String id =
          jobs.submit(
              "analyst",
              "link 4 lists",
              (JobContext ctx) -> {
                LinkResult r =
                    new Linker().withThreads(2).link(tables, LinkSpec.infer(tables), ctx);
                returned.set(true); // only if cancelling did not stop the engine
                return r;
              });
      while (jobs.status(id).orElseThrow().fraction().isEmpty()
          && !jobs.status(id).orElseThrow().state().over()) {
        Thread.sleep(1);
      }
      assertThat(jobs.cancel(id)).isTrue();
      assertThat(jobs.await(id, 60, TimeUnit.SECONDS)).isTrue();
      assertThat(jobs.status(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
      assertThat(jobs.result(id, LinkResult.class)).isEmpty();
      // stopped at one of the engine's progress steps, not run to the end
      assertThat(returned).isFalse();
    }
  }

  /** Passes every call on to {@code ctx} and remembers the names of the tasks started. */
  private static Progress recording(JobContext ctx, Set<String> started) {
    return new Progress() {
      @Override
      public void start(String task, long total) {
        started.add(task);
        ctx.start(task, total);
      }

      @Override
      public void step(long done) {
        ctx.step(done);
      }

      @Override
      public void finish() {
        ctx.finish();
      }
    };
  }
}
