package org.tumen.store.documentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sender runs jobs in the order given, stops at the first failure and hands it back. */
class SenderTest {

  @Test
  void runsEveryJobInOrderBeforeFinishReturns() throws SQLException {
    List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
    try (Sender s = new Sender()) {
      for (int i = 0; i < 10 * Sender.HELD; i++) {
        int n = i;
        s.submit(() -> ran.add(n));
      }
      s.finish();
    }
    assertThat(ran).hasSize(10 * Sender.HELD);
    for (int i = 0; i < ran.size(); i++) {
      assertThat(ran.get(i)).isEqualTo(i);
    }
  }

  @Test
  void aFailureStopsTheJobsAfterItAndReachesTheCallerAsThrown() throws Exception {
    List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
    SQLException broken = new SQLException("duplicate key", "23505");
    try (Sender s = new Sender()) {
      s.submit(() -> ran.add(1));
      s.submit(
          () -> {
            throw broken;
          });
      // whether a later submit or finish meets it, it is the same exception
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 100_000; i++) {
                  s.submit(() -> ran.add(2));
                }
                s.finish();
              })
          .isSameAs(broken);
    }
    assertThat(ran).containsExactly(1);
  }

  @Test
  void closeWithoutFinishSkipsWhatIsLeftAndWaits() throws Exception {
    List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    Sender s = new Sender();
    s.submit(
        () -> {
          started.countDown();
          try {
            go.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ran.add(1);
        });
    for (int i = 0; i < 10; i++) {
      s.submit(() -> ran.add(2));
    }
    started.await();
    Thread closing = new Thread(s::close);
    closing.start();
    Thread.sleep(50);
    // close waits for the job that is running, so that the connection is free afterwards
    assertThat(closing.isAlive()).isTrue();
    go.countDown();
    closing.join(10_000);
    assertThat(closing.isAlive()).isFalse();
    assertThat(ran).containsExactly(1);
  }
}
