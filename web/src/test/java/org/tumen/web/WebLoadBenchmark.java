package org.tumen.web;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.tumen.store.access.CaseKind;
import org.tumen.store.access.Role;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;
import org.tumen.web.account.Totp;

/**
 * The web load benchmark of issue 14 (docs/benchmarks.md, docs/web.md "Performance"): {@code tumen
 * serve}'s application on 127.0.0.1 over an existing workspace (made beforehand with {@code tumen
 * simulate --witness-groups} and {@code tumen document import}, H2 or PostgreSQL), then USERS
 * concurrent interviewers, each signed in over HTTP with password and TOTP and given a case file of
 * every USERS-th source, looping for SECONDS: 40 % searches of a Korean word ({@code /search}), 30
 * % record views (one of their testimonies, {@code /search/sources/{source}}, an audited showing),
 * 30 % intake saves (a step of their draft posted, sealed and committed, then the step page the
 * browser is sent back to). PHASES says how many measured phases of SECONDS, one after the other,
 * and how long users pause in each between two actions: {@code 0} no pause (a tight loop), {@code
 * 1000-5000} a pause drawn uniformly from 1 to 5 s, as people reading a page or typing a form; the
 * default {@code 0,1000-5000} runs both, each printed under its own heading. Prints p50/p95/max per
 * kind, the errors, the throughput and the process CPU per request (the HTTP clients run in the
 * same JVM: their CPU is counted too). Not a test:
 *
 * <pre>
 * java -cp app/target/tumen.jar:web/target/test-classes org.tumen.web.WebLoadBenchmark \
 *   WORKSPACE PASSPHRASE-FILE [JDBC-URL|-] [USERS] [SECONDS] [PHASES]
 * </pre>
 *
 * Each run adds its own accounts, case files, drafts and audit entries to the workspace.
 */
public final class WebLoadBenchmark {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String PASSWORD = "a long synthetic password";
  private static final List<String> WORDS = List.of("체포", "송환", "시장", "구금", "강을 건너");

  /** The search page's mark while the index is being built (search-building.html). */
  private static final String BUILDING = "id=\"index-building\"";

  /**
   * One measured phase: every user pauses between two actions a time drawn uniformly from [min,
   * max] ms (0-0: no pause, a tight loop).
   */
  record Phase(long minMs, long maxMs) {
    static List<Phase> parse(String spec) {
      List<Phase> out = new ArrayList<>();
      for (String p : spec.split(",")) {
        String[] mm = p.trim().split("-");
        long min = Long.parseLong(mm[0]);
        out.add(new Phase(min, mm.length > 1 ? Long.parseLong(mm[1]) : min));
      }
      return out;
    }

    String name() {
      return maxMs == 0
          ? "NO PAUSE (each user sends its next request as soon as the last one is answered)"
          : String.format(
              "THINK TIME (each user pauses %.1f-%.1f s, uniformly random, between two actions)",
              minMs / 1e3, maxMs / 1e3);
    }

    long pause(Random r) {
      return maxMs == 0 ? 0 : minMs + (long) (r.nextDouble() * (maxMs - minMs));
    }
  }

  private static RequestStages stages;

  private static void measure(
      Phase phase, List<User> signed, int seconds, com.sun.management.OperatingSystemMXBean os)
      throws Exception {
    int users = signed.size();
    System.out.printf("%n=== %s, %d users, %d s ===%n", phase.name(), users, seconds);
    Map<String, List<Long>> times = new ConcurrentHashMap<>();
    for (String k : List.of("search", "view", "save", "page")) {
      times.put(k, Collections.synchronizedList(new ArrayList<>()));
    }
    AtomicInteger errors = new AtomicInteger();
    Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    // -Dbench.jfr=FILE: a JFR profile of each measured phase (FILE-nopause.jfr, FILE-think.jfr)
    String jfrFile = System.getProperty("bench.jfr");
    jdk.jfr.Recording jfr = null;
    if (jfrFile != null) {
      jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      jfr.start();
    }
    if (stages != null) {
      stages.reset();
    }
    double load0 = os.getSystemLoadAverage();
    long cpu0 = os.getProcessCpuTime();
    long m0 = System.nanoTime();
    long end = m0 + seconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(users);
    for (int u = 0; u < users; u++) {
      User user = signed.get(u);
      Random r = new Random(u * 31L + phase.maxMs());
      new Thread(
              () -> {
                try {
                  // users with think time start spread over one pause, not all at once
                  Thread.sleep(phase.pause(r) / 2);
                  while (System.nanoTime() < end) {
                    double x = r.nextDouble();
                    String kind = x < 0.4 ? "search" : x < 0.7 ? "view" : "save";
                    for (Timed t : user.timed(kind, r)) {
                      times.get(t.kind()).add(t.nanos());
                      if (!t.ok()) {
                        errors.incrementAndGet();
                        failures
                            .computeIfAbsent(t.kind() + " " + t.status(), k -> new AtomicInteger())
                            .incrementAndGet();
                      }
                    }
                    long pause = phase.pause(r);
                    if (pause > 0 && System.nanoTime() + pause * 1_000_000L < end) {
                      Thread.sleep(pause);
                    } else if (pause > 0) {
                      break;
                    }
                  }
                } catch (Exception e) {
                  errors.incrementAndGet();
                  System.err.println(e);
                } finally {
                  done.countDown();
                }
              })
          .start();
    }
    done.await();
    double wall = (System.nanoTime() - m0) / 1e9;
    if (jfr != null) {
      jfr.stop();
      jfr.dump(Path.of(jfrFile + (phase.maxMs() == 0 ? "-nopause.jfr" : "-think.jfr")));
      jfr.close();
    }
    long cpu = os.getProcessCpuTime() - cpu0;
    double load1 = os.getSystemLoadAverage();
    long n = 0;
    List<Long> pages = new ArrayList<>();
    for (String k : List.of("search", "view", "page", "save")) {
      List<Long> l = new ArrayList<>(times.get(k));
      n += l.size();
      if (!k.equals("search") && !k.equals("save")) {
        pages.addAll(l);
      }
      print(k, l);
    }
    print("pages", pages);
    if (stages != null) {
      stages.print();
    }
    System.out.printf(
        "%s: errors: %d %s; %d users, %d s; %,d requests, %.1f requests/s;"
            + " process CPU %.1f s = %.1f ms per request (server and clients);"
            + " load average %.1f -> %.1f on %d cores%n",
        phase.maxMs() == 0 ? "NO PAUSE" : "THINK TIME",
        errors.get(),
        failures,
        users,
        seconds,
        n,
        n / wall,
        cpu / 1e9,
        cpu / 1e6 / Math.max(1, n),
        load0,
        load1,
        os.getAvailableProcessors());
  }

  private WebLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path passphrase = Path.of(args[1]);
    Optional<String> db =
        args.length > 2 && !args[2].equals("-") ? Optional.of(args[2]) : Optional.empty();
    int users = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
    List<Phase> phases = Phase.parse(args.length > 5 ? args[5] : "0,1000-5000");
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long t0 = System.nanoTime();
    WorkspaceSession session = WorkspaceSession.openExisting(dir, db);
    session.unlock(passphrase);
    long t1 = System.nanoTime();
    var app =
        TumenWeb.application(
            session, new ServeOptions(0, "127.0.0.1", null, null, ServeOptions.DEFAULT_TIMEOUT));
    // -Dbench.stages: each kind of request's time in the server, stage by stage (RequestStages)
    if (Boolean.getBoolean("bench.stages")) {
      stages = new RequestStages();
      stages.addTo(app);
    }
    ConfigurableApplicationContext ctx = app.run();
    int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
    System.out.printf(
        "opened and unlocked in %.1f s, started in %.1f s%n",
        (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);

    List<String> refs = new ArrayList<>();
    long people;
    long acts;
    try (Connection c = session.workspace().dataSource().getConnection();
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery("SELECT ref FROM doc_source WHERE has_text ORDER BY ref")) {
        while (rs.next()) {
          refs.add(rs.getString(1));
        }
      }
      people = count(st, "SELECT COUNT(*) FROM doc_person");
      acts = count(st, "SELECT COUNT(*) FROM doc_act");
    }
    System.out.printf(
        "workspace: %,d people, %,d acts, %,d sources with testimony%n", people, acts, refs.size());

    // accounts of this run, each granted a case file of every USERS-th source
    AccountService accounts = ctx.getBean(AccountService.class);
    String tag = Long.toString(System.currentTimeMillis() % 10_000_000L, 36);
    List<byte[]> secrets = new ArrayList<>();
    List<List<String>> sourcesOf = new ArrayList<>();
    long g0 = System.nanoTime();
    for (int u = 0; u < users; u++) {
      String login = "load-" + tag + "-" + u;
      var c = accounts.create(login, Role.INTERVIEWER, PASSWORD.toCharArray(), null, "ko", null);
      secrets.add(new Base32().decode(c.secretBase32()));
      List<String> mine = new ArrayList<>();
      for (int i = u; i < refs.size(); i += users) {
        mine.add(refs.get(i));
      }
      session.access().addAllToCase(login, CaseKind.SOURCE, mine);
      session.access().grant(c.id(), CaseKind.CASE, login, "benchmark");
      sourcesOf.add(mine);
    }
    System.out.printf(
        "%d accounts and case files (%,d sources each) in %.1f s%n",
        users, sourcesOf.get(0).size(), (System.nanoTime() - g0) / 1e9);

    String base = "http://127.0.0.1:" + port;
    List<User> signed = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      signed.add(User.signIn(base, "load-" + tag + "-" + u, secrets.get(u), sourcesOf.get(u)));
    }
    System.out.printf("%d users signed in (password + TOTP + first draft)%n", users);
    // The index is built after the unlock, in the background (before webload9: by the first
    // search, which waited for it). Searches before it is ready get the "being built" page: the
    // benchmark asks every 2 s until it gets results, and times that from the start.
    long w0 = System.nanoTime();
    int asked = 0;
    while (true) {
      HttpResponse<String> first =
          signed.get(0).get("/search?q=" + URLEncoder.encode(WORDS.get(0), StandardCharsets.UTF_8));
      asked++;
      if (first.statusCode() != 200) {
        throw new IllegalStateException("the first search failed: " + first.statusCode());
      }
      if (!first.body().contains(BUILDING)) {
        break;
      }
      Thread.sleep(2000);
    }
    System.out.printf(
        "index ready %.1f s after the users signed in, %.1f s after the start (%d searches asked)%n",
        (System.nanoTime() - w0) / 1e9, (System.nanoTime() - t1) / 1e9, asked);

    for (Phase phase : phases) {
      measure(phase, signed, seconds, os);
    }
    System.out.printf("whole run %.0f s%n", (System.nanoTime() - t0) / 1e9);
    ctx.close();
    session.close();
    System.exit(0);
  }

  private static long count(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void print(String kind, List<Long> l) {
    Collections.sort(l);
    if (l.isEmpty()) {
      return;
    }
    System.out.printf(
        "%-6s n=%6d  p50 %6.0f ms  p95 %6.0f ms  p99 %6.0f ms  max %6.0f ms%n",
        kind,
        l.size(),
        l.get(l.size() / 2) / 1e6,
        l.get((int) (l.size() * 0.95)) / 1e6,
        l.get((int) (l.size() * 0.99)) / 1e6,
        l.get(l.size() - 1) / 1e6);
  }

  /** One timed request. */
  record Timed(String kind, long nanos, boolean ok, int status) {}

  /** One signed-in browser: its cookies, its CSRF token, its draft. */
  private static final class User {
    final HttpClient http;
    final String base;
    final List<String> sources;
    String csrf;
    String draft;

    private User(String base, List<String> sources) {
      this.http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      this.base = base;
      this.sources = sources;
    }

    static User signIn(String base, String login, byte[] secret, List<String> sources)
        throws Exception {
      User u = new User(base, sources);
      u.csrf(u.get("/login").body());
      u.post("/login", Map.of("login", login, "password", PASSWORD));
      u.csrf(u.get("/login/enrol").body());
      Totp totp = new Totp(Clock.systemUTC());
      u.post("/login/enrol", Map.of("code", totp.code(secret, totp.currentStep())));
      HttpResponse<String> home = u.get("/intake");
      if (home.statusCode() != 200) {
        throw new IllegalStateException(login + " not signed in: " + home.statusCode());
      }
      u.csrf(home.body());
      HttpResponse<String> created = u.post("/intake", Map.of());
      u.draft = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");
      u.draft = u.draft.substring(u.draft.indexOf("/intake/"));
      return u;
    }

    void csrf(String html) {
      Matcher m = CSRF.matcher(html);
      if (m.find()) {
        csrf = m.group(1);
      }
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
      StringJoiner body = new StringJoiner("&");
      body.add("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
      fields.forEach(
          (k, v) ->
              body.add(
                  URLEncoder.encode(k, StandardCharsets.UTF_8)
                      + "="
                      + URLEncoder.encode(v, StandardCharsets.UTF_8)));
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    boolean act(String kind, Random r) throws Exception {
      return timed(kind, r).stream().allMatch(Timed::ok);
    }

    /**
     * One action of a user: a search, a record view, or a save followed by the page the browser is
     * redirected to.
     */
    List<Timed> timed(String kind, Random r) throws Exception {
      String word = WORDS.get(r.nextInt(WORDS.size()));
      String q = URLEncoder.encode(word, StandardCharsets.UTF_8);
      long s = System.nanoTime();
      switch (kind) {
        case "search" -> {
          int st = get("/search?q=" + q).statusCode();
          return List.of(new Timed(kind, System.nanoTime() - s, st == 200, st));
        }
        case "view" -> {
          String source = sources.get(r.nextInt(sources.size()));
          int st = get("/search/sources/" + source + "?q=" + q).statusCode();
          return List.of(new Timed(kind, System.nanoTime() - s, st == 200, st));
        }
        default -> {
          HttpResponse<String> saved =
              post(
                  draft,
                  Map.of(
                      "step", "source",
                      "go", "stay",
                      "source.id", "draft-" + r.nextInt(1000),
                      "source.holder", "NGO A (synthetic)",
                      "source.text", Interviews.TESTIMONY));
          Timed save =
              new Timed(
                  "save", System.nanoTime() - s, saved.statusCode() == 302, saved.statusCode());
          String to = saved.headers().firstValue("Location").orElse(null);
          if (to == null) {
            return List.of(save);
          }
          long p = System.nanoTime();
          HttpResponse<String> page = get(to.substring(to.indexOf("/intake/")));
          csrf(page.body());
          return List.of(
              save,
              new Timed(
                  "page", System.nanoTime() - p, page.statusCode() == 200, page.statusCode()));
        }
      }
    }
  }
}
