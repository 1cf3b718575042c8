package org.tumen.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.tumen.store.intake.IntakeDraft;
import org.tumen.store.protect.Protection;
import org.tumen.store.session.WorkspaceSession;

/**
 * The intake drafts an interviewer has open, in the server's memory, so that going through the
 * steps does not open (and audit) the sealed draft again at every page: the first showing of a
 * draft under the keys in memory is one audited read; the steps that follow work on this copy,
 * saved sealed at every post as before. A copy counts only for its owner, for the draft's version
 * stored now (a save from another tab or session makes the stored version newer: opened again,
 * audited) and for the keys it was opened under; it is dropped after {@link #IDLE_NANOS} unused, at
 * submission, and with the keys (the first request after a lock drops them all). At most {@link
 * #MAX} drafts are kept, the least recently used dropped first.
 */
@Component
public class OpenDrafts implements HandlerInterceptor {

  /** As long as a signed-in session may stay idle (15 minutes). */
  static final long IDLE_NANOS = 15L * 60 * 1_000_000_000L;

  static final int MAX = 256;

  private record Open(
      String owner, int version, IntakeDraft draft, Protection under, long usedAt) {}

  private final WorkspaceSession session;

  private final Map<Long, Open> open =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Open> eldest) {
          return size() > MAX;
        }
      };

  public OpenDrafts(WorkspaceSession session) {
    this.session = session;
  }

  /** The owner's open copy of draft {@code id} at {@code version}, if there is one. */
  synchronized Optional<IntakeDraft> get(String owner, long id, int version) {
    Open o = open.get(id);
    long now = System.nanoTime();
    if (o == null
        || !o.owner().equals(owner)
        || o.version() != version
        || o.under() != session.protection()
        || now - o.usedAt() > IDLE_NANOS) {
      open.remove(id);
      return Optional.empty();
    }
    open.put(id, new Open(owner, version, o.draft(), o.under(), now));
    return Optional.of(o.draft());
  }

  /** Keeps the owner's copy of draft {@code id} as stored at {@code version}. */
  synchronized void put(String owner, long id, int version, IntakeDraft draft) {
    open.put(id, new Open(owner, version, draft, session.protection(), System.nanoTime()));
  }

  synchronized void remove(long id) {
    open.remove(id);
  }

  /** How many drafts are open (for tests). */
  synchronized int size() {
    return open.size();
  }

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
        open.clear();
      }
    }
  }
}
