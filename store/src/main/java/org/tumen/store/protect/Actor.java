package org.tumen.store.protect;

/**
 * Who the audit trail says is acting. On the command line it is the operating-system user (which
 * proves little: docs/threat-model.md, "What the actor proves"); in the web application it is the
 * signed-in account, set for the duration of each request by {@link #as}.
 */
public final class Actor {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private Actor() {}

  /** The actor of the current thread: the account set by {@link #as}, else the OS user. */
  public static String current() {
    String a = CURRENT.get();
    return a != null ? a : System.getProperty("user.name", "unknown");
  }

  /** Sets the actor of the current thread until the returned scope is closed. */
  public static Scope as(String actor) {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("an actor needs a name");
    }
    String before = CURRENT.get();
    CURRENT.set(actor);
    return () -> {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    };
  }

  /** Restores the previous actor when closed. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
