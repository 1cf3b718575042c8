package org.tumen.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.tumen.document.search.TestimonySearch;
import org.tumen.link.name.NameVariants;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Source;
import org.tumen.store.protect.Protection;
import org.tumen.store.session.WorkspaceSession;

/**
 * The in-memory search index of the testimonies (document/search): built on the first search after
 * an unlock (one audited read of the documentation), kept while the same keys are in memory,
 * updated in place when an intake adds documentation (only the new source's texts are indexed: no
 * search waits for a rebuild), and dropped with the keys — on the next request after a lock (an
 * interceptor looks after every request) or when a search finds other keys.
 */
@Component
public class SearchIndex implements HandlerInterceptor {

  private final WorkspaceSession session;

  /**
   * The index and what it was built under, read without the lock by every search and record view (a
   * request that waited on this object's monitor behind a descheduled thread waited for a core, not
   * for work); built, updated and dropped under the lock.
   */
  private volatile Built built;

  private final AtomicInteger builds = new AtomicInteger();

  private record Built(
      Protection under, TestimonySearch search, NameVariants names, Map<String, String> texts) {}

  public SearchIndex(WorkspaceSession session) {
    this.session = session;
  }

  /** What a search needs: the index and the testimony texts it was built from. */
  public record Snapshot(TestimonySearch search, Map<String, String> texts) {}

  /**
   * The index for the keys in memory now, built if needed.
   *
   * @throws org.tumen.store.session.LockedException while locked
   */
  public Snapshot get() {
    Protection now = session.protection();
    Built b = built;
    if (b != null && b.under() == now) {
      return new Snapshot(b.search(), b.texts());
    }
    return build(now);
  }

  private synchronized Snapshot build(Protection now) {
    Built b = built;
    if (b == null || b.under() != now) {
      drop();
      Documentation d = session.workspace().documentation().load("web: build the search index");
      Map<String, String> t = new ConcurrentHashMap<>();
      for (Source s : d.sources()) {
        s.text().ifPresent(x -> t.put(s.id(), x));
      }
      // other spellings of a name (리순희 → Ri Sun Hui, 李 → 리/이…), as `tumen search` does
      NameVariants names = NameVariants.of(d);
      b = new Built(now, TestimonySearch.build(d, names::variants), names, t);
      built = b;
      builds.incrementAndGet();
    }
    return new Snapshot(b.search(), b.texts());
  }

  /** The testimony of one source, from the index's documentation (no new read). */
  public Optional<String> text(String source) {
    return Optional.ofNullable(get().texts().get(source));
  }

  /** Whether an index is in memory now. */
  public boolean built() {
    return built != null;
  }

  /** Forgets the index: the next search builds it again. */
  public synchronized void invalidate() {
    drop();
  }

  /**
   * New documentation was stored (an intake): its texts join the index in memory now, if one is
   * built under the keys in memory; with none, the next search's build reads them anyway.
   */
  public synchronized void added(Documentation part) {
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

  /** Before and after every request: once the keys are gone, so is the index. */
  @Override
  public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
    dropIfLocked();
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
        if (built != null) {
          drop();
        }
      }
    }
  }
}
