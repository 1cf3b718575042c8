package org.tumen.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.tumen.document.search.TestimonySearch;
import org.tumen.link.name.NameVariants;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Source;
import org.tumen.store.protect.Protection;
import org.tumen.store.session.LockedException;
import org.tumen.store.session.WorkspaceSession;

/**
 * The in-memory search index of the testimonies (document/search): built in the background as soon
 * as the keys are in memory (the application started unlocked, an administrator unlocked it, or the
 * first request after an unlock made another way), kept while the same keys are in memory, updated
 * in place when an intake adds documentation (only the new source's texts are indexed: no search
 * waits for a rebuild), and dropped with the keys — on the next request after a lock (an
 * interceptor looks after every request) or when a search finds other keys.
 *
 * <p>A search or record view asked before the index is ready does not wait for it (at 66,828
 * testimonies the build took minutes): {@link #ready()} answers at once, and the page says how far
 * the build is ({@link #progress()}). An intake submitted while the build runs is indexed when the
 * build ends, so nothing stored is missing from the index.
 */
@Component
public class SearchIndex implements HandlerInterceptor, DisposableBean {

  /** How long a search waits for a build about to end before it shows the progress page. */
  static final Duration BRIEF_WAIT = Duration.ofMillis(1500);

  private final WorkspaceSession session;

  /**
   * The index and what it was built under, read without the lock by every search and record view (a
   * request that waited on this object's monitor behind a descheduled thread waited for a core, not
   * for work); built, updated and dropped under the lock.
   */
  private volatile Built built;

  /** The build under way, if any (at most one; guarded by this object's monitor when changed). */
  private volatile Building building;

  private final AtomicInteger builds = new AtomicInteger();

  /** A build that failed (not cancelled) is not tried again under the same keys before this. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(30);

  private volatile Protection failedUnder;
  private volatile long failedAt;

  private record Built(
      Protection under, TestimonySearch search, NameVariants names, Map<String, String> texts) {}

  /** A build in the background: what it is building under, how far it is, what came meanwhile. */
  private static final class Building {
    final Protection under;
    final List<Documentation> meanwhile = new ArrayList<>();
    volatile boolean cancelled;
    volatile boolean reading = true;
    volatile int done;
    volatile int total;

    Building(Protection under) {
      this.under = under;
    }
  }

  /** Stopped: the keys went, or other keys came, while building. */
  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super(null, null, false, false);
    }
  }

  /**
   * How far the build is: {@code reading} while the documentation is read and opened (step 1 of 2),
   * then {@code indexed} of {@code total} texts (step 2 of 2).
   */
  public record Progress(boolean reading, int indexed, int total) {
    /** Whole per cent of the texts indexed (0 while reading). */
    public int percent() {
      return reading || total == 0 ? 0 : (int) Math.min(99, 100L * indexed / total);
    }
  }

  public SearchIndex(WorkspaceSession session) {
    this.session = session;
  }

  /** What a search needs: the index and the testimony texts it was built from. */
  public record Snapshot(TestimonySearch search, Map<String, String> texts) {}

  /**
   * The index for the keys in memory now if it is built; else the build is started (if it is not
   * under way) and this waits for it at most {@link #BRIEF_WAIT} (a small workspace is indexed in
   * that time) — never longer.
   *
   * @throws LockedException while locked
   */
  public Optional<Snapshot> ready() {
    Protection now = session.protection();
    Built b = built;
    if (b != null && b.under() == now) {
      return Optional.of(new Snapshot(b.search(), b.texts()));
    }
    start();
    return await(BRIEF_WAIT);
  }

  /**
   * The index once it is built under the keys in memory, waiting at most {@code wait} (tests; the
   * pages use {@link #ready()}).
   */
  public Optional<Snapshot> await(Duration wait) {
    long end = System.nanoTime() + wait.toNanos();
    synchronized (this) {
      while (true) {
        Protection now = session.protection();
        Built b = built;
        if (b != null && b.under() == now) {
          return Optional.of(new Snapshot(b.search(), b.texts()));
        }
        if (building == null) {
          start();
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
    }
  }

  /** How far the build under way is; empty when none is (built, or locked). */
  public Optional<Progress> progress() {
    Building p = building;
    return p == null ? Optional.empty() : Optional.of(new Progress(p.reading, p.done, p.total));
  }

  /**
   * Starts building the index in the background if the keys are in memory and neither an index nor
   * a build for them is there already. Cheap when there is nothing to do: called at every request.
   */
  public void start() {
    if (!session.isUnlocked()) {
      return;
    }
    Protection now;
    try {
      now = session.protection();
    } catch (LockedException e) {
      return;
    }
    Built b = built;
    Building p = building;
    if ((b != null && b.under() == now) || (p != null && p.under == now)) {
      return;
    }
    if (failedUnder == now && System.nanoTime() - failedAt < RETRY_AFTER.toNanos()) {
      return;
    }
    synchronized (this) {
      b = built;
      p = building;
      if ((b != null && b.under() == now) || (p != null && p.under == now)) {
        return;
      }
      if (p != null) {
        p.cancelled = true;
      }
      drop();
      Building next = new Building(now);
      building = next;
      Thread t = new Thread(() -> build(next), "search-index");
      t.setDaemon(true);
      t.start();
    }
  }

  private volatile java.util.concurrent.CountDownLatch held;

  /**
   * Builds started from now on wait, after reading the documentation, until {@code gate} opens
   * (tests: a build under way is otherwise over in milliseconds on a small workspace); {@code null}
   * lets them run.
   */
  public void holdBuilds(java.util.concurrent.CountDownLatch gate) {
    held = gate;
  }

  /** Runs in its own thread: reads, indexes, then publishes unless cancelled meanwhile. */
  private void build(Building p) {
    TestimonySearch search = null;
    try {
      Documentation d = session.workspace().documentation().load("web: build the search index");
      java.util.concurrent.CountDownLatch gate = held;
      if (gate != null) {
        p.reading = false;
        gate.await();
      }
      check(p);
      Map<String, String> t = new ConcurrentHashMap<>();
      for (Source s : d.sources()) {
        s.text().ifPresent(x -> t.put(s.id(), x));
      }
      // other spellings of a name (리순희 → Ri Sun Hui, 李 → 리/이…), as `tumen search` does
      NameVariants names = NameVariants.of(d);
      p.reading = false;
      search =
          TestimonySearch.build(
              d,
              names::variants,
              (done, total) -> {
                p.total = total;
                p.done = done;
                check(p);
              });
      synchronized (this) {
        if (p.cancelled || building != p || !session.isUnlocked() || p.under != protection()) {
          search.close();
          return;
        }
        // what intake stored while the build ran: the same ids replace what the read already had
        for (Documentation part : p.meanwhile) {
          names.add(part);
          search.add(part);
          for (Source s : part.sources()) {
            s.text().ifPresent(x -> t.put(s.id(), x));
          }
        }
        built = new Built(p.under, search, names, t);
        builds.incrementAndGet();
        search = null;
      }
    } catch (Cancelled e) {
      // the keys went or changed: nothing to keep
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // a locked session (the read failed for want of keys) or a store error: the next request
      // starts another build; the failure is not shown as progress forever
      failedUnder = p.under;
      failedAt = System.nanoTime();
      if (session.isUnlocked()) {
        org.slf4j.LoggerFactory.getLogger(SearchIndex.class)
            .warn("the search index could not be built: {}", e.getClass().getSimpleName());
      }
    } finally {
      if (search != null) {
        search.close();
      }
      synchronized (this) {
        if (building == p) {
          building = null;
        }
        notifyAll();
      }
    }
  }

  private void check(Building p) {
    if (p.cancelled) {
      throw new Cancelled();
    }
  }

  private Protection protection() {
    try {
      return session.protection();
    } catch (LockedException e) {
      return null;
    }
  }

  /** The testimony of one source, from the index's documentation (no new read); empty if none. */
  public Optional<String> text(Snapshot s, String source) {
    return Optional.ofNullable(s.texts().get(source));
  }

  /** Whether an index is in memory now. */
  public boolean built() {
    return built != null;
  }

  /** Forgets the index (and stops a build under way): the next request starts another. */
  public synchronized void invalidate() {
    Building p = building;
    if (p != null) {
      p.cancelled = true;
      building = null;
    }
    drop();
  }

  /**
   * New documentation was stored (an intake): its texts join the index in memory now, if one is
   * built under the keys in memory; while a build runs, they join when it ends; with neither, the
   * next build reads them anyway.
   */
  public synchronized void added(Documentation part) {
    Building p = building;
    if (p != null) {
      p.meanwhile.add(part);
    }
    Built b = built;
    if (b == null) {
      return;
    }
    if (!session.isUnlocked() || b.under() != session.protection()) {
      drop();
      return;
    }
    b.names().add(part);
    b.search().add(part);
    for (Source s : part.sources()) {
      s.text().ifPresent(x -> b.texts().put(s.id(), x));
    }
  }

  /** How many times the index was built from the whole documentation since the start. */
  public int builds() {
    return builds.get();
  }

  private void drop() {
    Built b = built;
    built = null;
    if (b != null) {
      b.search().close();
    }
  }

  /** When the application is ready: started unlocked (tumen serve --passphrase-file), so build. */
  @EventListener(ApplicationReadyEvent.class)
  public void onReady() {
    start();
  }

  /**
   * Before every request: once the keys are gone, so is the index (and a build under way); once
   * keys are in memory with no index for them, a build starts.
   */
  @Override
  public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
    dropIfLocked();
    start();
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest req, HttpServletResponse res, Object handler, Exception ex) {
    dropIfLocked();
  }

  private void dropIfLocked() {
    if (!session.isUnlocked()) {
      synchronized (this) {
        if (built != null || building != null) {
          invalidate();
        }
      }
    }
  }

  /** The application stops: a build under way stops too. */
  @Override
  public synchronized void destroy() {
    invalidate();
  }
}
