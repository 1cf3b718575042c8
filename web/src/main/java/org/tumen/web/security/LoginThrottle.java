package org.tumen.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Throttles sign-in by client address (accounts lock themselves after {@code
 * AccountService.MAX_FAILURES}; this stops one address from trying many accounts): at most {@value
 * #MAX} failures in {@link #WINDOW}, after which that address is refused until old failures age
 * out. In memory: a restart forgets it, the account locks do not.
 */
@Component
public class LoginThrottle {

  static final int MAX = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  public boolean refuses(String address) {
    Deque<Instant> d = failures.get(address);
    if (d == null) {
      return false;
    }
    synchronized (d) {
      prune(d);
      return d.size() >= MAX;
    }
  }

  public void failed(String address) {
    Deque<Instant> d = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    synchronized (d) {
      prune(d);
      d.addLast(clock.instant());
    }
    if (failures.size() > 10_000) {
      failures.entrySet().removeIf(e -> e.getValue().isEmpty());
    }
  }

  private void prune(Deque<Instant> d) {
    Instant oldest = clock.instant().minus(WINDOW);
    while (!d.isEmpty() && d.peekFirst().isBefore(oldest)) {
      d.removeFirst();
    }
  }
}
