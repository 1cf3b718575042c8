package org.tumen.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;

/**
 * The web application on one workspace session ({@code tumen serve}). It starts locked unless the
 * caller unlocked the session; the session is the caller's to close.
 */
@SpringBootApplication
public class TumenWeb {

  @Bean
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  public AccountService accountService(WorkspaceSession session, Clock clock) {
    return new AccountService(session, clock);
  }

  /** Starts the server; returns once it accepts connections. */
  public static ConfigurableApplicationContext start(WorkspaceSession session, ServeOptions o) {
    return application(session, o).run();
  }

  /**
   * The application {@link #start} runs, not yet started (the load benchmark adds its request
   * timing to it).
   */
  static SpringApplication application(WorkspaceSession session, ServeOptions o) {
    // Logging goes to SLF4J's provider of the caller (none for the command line): Boot must not
    // reconfigure it, and nothing a request carries is logged.
    System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    SpringApplication app = new SpringApplication(TumenWeb.class);
    app.setDefaultProperties(properties(o));
    app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("workspaceSession", session));
    return app;
  }

  /** Request threads for a machine of this many cores. */
  static int requestThreads(int cores) {
    return REQUEST_THREADS_PER_CORE * Math.max(1, cores);
  }

  static final int REQUEST_THREADS_PER_CORE = 4;

  static Map<String, Object> properties(ServeOptions o) {
    Map<String, Object> p = new HashMap<>();
    p.put("server.port", o.port());
    p.put("server.address", o.bind());
    p.put("server.servlet.session.timeout", o.sessionTimeout().toSeconds() + "s");
    p.put("server.servlet.session.cookie.http-only", true);
    p.put("server.servlet.session.cookie.same-site", "strict");
    p.put("server.servlet.session.cookie.secure", o.tls());
    p.put("server.servlet.session.cookie.name", "TUMEN");
    p.put("server.servlet.session.tracking-modes", "cookie");
    // Sessions hold a pending sign-in's derived key: never written to disk at shutdown.
    p.put("server.servlet.session.persistent", false);
    p.put("server.error.include-stacktrace", "never");
    p.put("server.error.include-message", "never");
    p.put("server.server-header", "");
    p.put("spring.messages.basename", "messages");
    p.put("spring.messages.fallback-to-system-locale", false);
    p.put("spring.thymeleaf.cache", true);
    p.put("spring.main.banner-mode", "off");
    // Uploads are configured by UploadConfig (in memory, size-limited), not by Boot's defaults.
    p.put("spring.servlet.multipart.enabled", false);
    // An upload refused as too large is read to its end, so that the browser sees the refusal.
    p.put("server.tomcat.max-swallow-size", "256MB");
    p.put("spring.mvc.problemdetails.enabled", false);
    // A few requests per core at a time; the rest wait in Tomcat's queue in the order they came
    // (docs/web.md, "A few requests per core"). A request is a few milliseconds of CPU with short
    // waits (the audit group's commit, a database round trip): more threads than that do not add
    // throughput, they only queue inside the CPU scheduler, where no order is kept and every
    // hand-off (an audited record view waking after its group's commit) waits behind every
    // runnable thread. Measured with 50 users who never pause: the same requests per second, p95
    // of record views 301 -> 177 ms on H2 and 277 -> 157 ms on PostgreSQL. A system property
    // (-Dserver.tomcat.threads.max=N in TUMEN_JAVA_OPTS) overrides it.
    int threads = requestThreads(Runtime.getRuntime().availableProcessors());
    p.put("server.tomcat.threads.max", threads);
    p.put("server.tomcat.threads.min-spare", threads);
    p.put("tumen.session-timeout", o.sessionTimeout().toSeconds());
    if (o.tls()) {
      p.put("server.ssl.enabled", true);
      p.put("server.ssl.key-store", o.keystore().toAbsolutePath().toString());
      p.put("server.ssl.key-store-type", "PKCS12");
      p.put("server.ssl.key-store-password", new String(o.keystorePassword()));
    }
    return p;
  }
}
