package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** Pages render a few at a time, into memory, and reach the client after the permit is released. */
class RenderPermitsTest {

  @Test
  void noMoreThanThePermitsRenderAtOnce() throws Exception {
    RenderPermits permits = new RenderPermits(2);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<MockHttpServletResponse> responses = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      MockHttpServletResponse res = new MockHttpServletResponse();
      responses.add(res);
      int n = t;
      Thread th =
          new Thread(
              () -> {
                try {
                  go.await();
                  permits.render(
                      res,
                      r -> {
                        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.sleep(30);
                        r.getWriter().write("page " + n);
                        inside.decrementAndGet();
                      });
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      th.start();
      threads.add(th);
    }
    go.countDown();
    for (Thread th : threads) {
      th.join(TimeUnit.SECONDS.toMillis(10));
    }
    assertThat(most.get()).isEqualTo(2);
    for (int t = 0; t < 8; t++) {
      assertThat(responses.get(t).getContentAsString()).isEqualTo("page " + t);
    }
  }

  @Test
  void thePageReachesTheClientOnlyAfterItIsRendered() throws Exception {
    RenderPermits permits = new RenderPermits(1);
    MockHttpServletResponse res = new MockHttpServletResponse();
    List<String> seenDuring = new ArrayList<>();
    permits.render(
        res,
        r -> {
          r.setContentType("text/html;charset=UTF-8");
          r.getWriter().write("<p>첫 부분</p>");
          r.flushBuffer(); // a view that flushes as it goes: still nothing on the wire
          seenDuring.add(res.getContentAsString());
          seenDuring.add(Boolean.toString(res.isCommitted()));
          r.getWriter().write("<p>the rest</p>");
        });
    assertThat(seenDuring).containsExactly("", "false");
    assertThat(res.getContentType()).isEqualTo("text/html;charset=UTF-8");
    assertThat(res.getContentAsString()).isEqualTo("<p>첫 부분</p><p>the rest</p>");
  }

  @Test
  void aFailedRenderSendsNothingAndGivesItsPermitBack() throws Exception {
    RenderPermits permits = new RenderPermits(1);
    MockHttpServletResponse failed = new MockHttpServletResponse();
    assertThatThrownBy(
            () ->
                permits.render(
                    failed,
                    r -> {
                      r.getWriter().write("<p>half a page");
                      throw new IllegalStateException("template failed");
                    }))
        .hasMessage("template failed");
    assertThat(failed.getContentAsString()).isEmpty();
    assertThat(failed.isCommitted()).isFalse();
    // the one permit is free again
    MockHttpServletResponse next = new MockHttpServletResponse();
    permits.render(next, r -> r.getWriter().write("ok"));
    assertThat(next.getContentAsString()).isEqualTo("ok");
  }

  @Test
  void atLeastOnePermit() {
    assertThatThrownBy(() -> new RenderPermits(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
