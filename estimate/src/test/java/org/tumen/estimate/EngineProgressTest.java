package org.tumen.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tumen.estimate.lcmcr.Lcmcr;
import org.tumen.estimate.lcmcr.LcmcrOptions;
import org.tumen.estimate.loglinear.Criterion;
import org.tumen.estimate.loglinear.LogLinear;
import org.tumen.model.Progress;

/**
 * The estimators tell a {@link Progress} how far they have got, in their own units (LCMCR's Gibbs
 * sweeps, bootstrap replicates, log-linear models fitted), from their worker threads; the counts
 * add up to the totals announced; and a progress that throws (a cancelled background job) stops the
 * work. The table is a small synthetic one of three lists.
 */
class EngineProgressTest {

  /** Records each task, its announced total and the units done. */
  static final class Recording implements Progress {
    final List<String> tasks = new ArrayList<>();
    final List<Long> totals = new ArrayList<>();
    final List<Long> done = new ArrayList<>();
    final AtomicLong current = new AtomicLong();

    @Override
    public synchronized void start(String task, long total) {
      tasks.add(task);
      totals.add(total);
      current.set(0);
    }

    @Override
    public void step(long units) {
      current.addAndGet(units);
    }

    @Override
    public synchronized void finish() {
      done.add(current.get());
    }
  }

  static final CaptureTable THREE_LISTS =
      new CaptureTable(
          List.of("list1", "list2", "list3"), new long[] {0, 1000, 500, 120, 400, 90, 60, 30});

  @Test
  void lcmcrCountsEverySweepOfEveryChain() {
    Recording r = new Recording();
    Lcmcr.estimate(THREE_LISTS, new LcmcrOptions(5, 250, 100, 3, 11L, 2), r);
    assertThat(r.tasks).containsExactly("LCMCR draws");
    assertThat(r.totals).containsExactly(2L * (250 + 100 * 3));
    assertThat(r.done).containsExactly(2L * (250 + 100 * 3));
  }

  @Test
  void theBootstrapCountsItsReplicates() {
    Recording r = new Recording();
    PopulationEstimate e = LogLinear.select(THREE_LISTS, Criterion.AIC, 2, 40, 5L, r);
    assertThat(e.isEstimable()).isTrue();
    assertThat(r.tasks).containsExactly("bootstrap replicates");
    assertThat(r.totals).containsExactly(40L);
    assertThat(r.done).containsExactly(40L);
  }

  @Test
  void modelAveragingCountsTheModelsFitted() {
    Recording r = new Recording();
    LogLinear.average(THREE_LISTS, 2, r);
    assertThat(r.tasks).containsExactly("fitting the log-linear models");
    assertThat(r.totals.get(0)).isPositive();
    assertThat(r.done).containsExactly(r.totals.get(0));
  }

  @Test
  void aProgressThatThrowsStopsTheSampler() {
    AtomicLong steps = new AtomicLong();
    Progress cancelled =
        new Progress() {
          @Override
          public void start(String task, long total) {}

          @Override
          public void step(long units) {
            if (steps.incrementAndGet() > 3) {
              throw new CancellationException("cancelled");
            }
          }

          @Override
          public void finish() {}
        };
    assertThatThrownBy(
            () ->
                Lcmcr.estimate(
                    THREE_LISTS, new LcmcrOptions(5, 100_000, 1_000, 10, 1L, 1), cancelled))
        .isInstanceOf(CancellationException.class);
  }
}
