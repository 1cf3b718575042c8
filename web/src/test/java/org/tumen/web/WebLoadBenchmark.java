package org.tumen.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.tumen.store.access.CaseKind;
import org.tumen.store.access.Role;
import org.tumen.store.intake.IntakeDraft;
import org.tumen.store.intake.IntakeDrafts;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;
import org.tumen.web.account.Totp;

/**
 * The web load benchmark of issue 14 (docs/benchmarks.md): the application on 127.0.0.1 over a
 * fresh H2 workspace of INTERVIEWS synthetic interviews (2 people, 2 events, 3 acts each, spread
 * over the users and granted to them), then USERS concurrent users, each signed in over HTTP with
 * password and TOTP, mixing searches (Korean words), record views (an own testimony, audited) and
 * intake saves (a step of their draft, sealed) for SECONDS. Prints p50/p95/max per kind and the
 * errors. The client runs in the same JVM, so its CPU is counted with the server's. Not a test:
 * {@code java -cp ... org.tumen.web.WebLoadBenchmark [users] [interviews] [seconds]}.
 */
public final class WebLoadBenchmark {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String PASSWORD = "a long synthetic password";
  private static final List<String> WORDS = List.of("체포", "송환", "시장", "합성", "증언");

  private WebLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int interviews = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    long t0 = System.nanoTime();
    ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(TumenWeb.class, TestWorkspace.class)
            .properties("server.port=0", "server.address=127.0.0.1")
            .run();
    int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
    WorkspaceSession session = ctx.getBean(WorkspaceSession.class);
    AccountService accounts = ctx.getBean(AccountService.class);
    session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    List<byte[]> secrets = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      var c =
          accounts.create(
              "load-" + u, Role.INTERVIEWER, PASSWORD.toCharArray(), null, "ko", "staff-" + u);
      secrets.add(new Base32().decode(c.secretBase32()));
      ids.add(c.id());
    }
    // the workspace: interviews submitted through the store's intake (as the pages do)
    IntakeDrafts drafts = session.workspace().intake();
    List<List<String>> sourcesOf = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      sourcesOf.add(new ArrayList<>());
    }
    long g0 = System.nanoTime();
    for (int i = 0; i < interviews; i++) {
      int u = i % users;
      String owner = "web:load-" + u;
      long d = drafts.save(owner, 0, draft("b" + i + ".", "staff-" + u)).id();
      var s = drafts.submit(owner, d, "benchmark: generate");
      if (!s.problems().isEmpty()) {
        throw new IllegalStateException("generated draft has problems: " + s.problems());
      }
      session.access().grant(ids.get(u), CaseKind.SOURCE, "b" + i + ".s1", "benchmark");
      sourcesOf.get(u).add("b" + i + ".s1");
    }
    System.out.printf(
        "workspace: %d interviews, %d people, %d acts, generated in %.1f s%n",
        interviews, 2 * interviews, 3 * interviews, (System.nanoTime() - g0) / 1e9);

    String base = "http://127.0.0.1:" + port;
    List<User> signed = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      signed.add(User.signIn(base, "load-" + u, secrets.get(u), sourcesOf.get(u)));
    }
    System.out.printf("%d users signed in (password + TOTP + first draft)%n", users);

    Map<String, List<Long>> times = new ConcurrentHashMap<>();
    for (String k : List.of("search", "view", "save")) {
      times.put(k, Collections.synchronizedList(new ArrayList<>()));
    }
    AtomicInteger errors = new AtomicInteger();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(users);
    for (int u = 0; u < users; u++) {
      User user = signed.get(u);
      Random r = new Random(u);
      new Thread(
              () -> {
                try {
                  while (System.nanoTime() < end) {
                    double x = r.nextDouble();
                    String kind = x < 0.4 ? "search" : x < 0.7 ? "view" : "save";
                    long s = System.nanoTime();
                    boolean ok = user.act(kind, r);
                    times.get(kind).add(System.nanoTime() - s);
                    if (!ok) {
                      errors.incrementAndGet();
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
    for (var e : times.entrySet()) {
      List<Long> l = new ArrayList<>(e.getValue());
      Collections.sort(l);
      if (l.isEmpty()) {
        continue;
      }
      System.out.printf(
          "%-6s n=%6d  p50 %6.0f ms  p95 %6.0f ms  max %6.0f ms%n",
          e.getKey(),
          l.size(),
          l.get(l.size() / 2) / 1e6,
          l.get((int) (l.size() * 0.95)) / 1e6,
          l.get(l.size() - 1) / 1e6);
    }
    System.out.printf(
        "errors: %d; %d users for %d s; whole run %.0f s%n",
        errors.get(), users, seconds, (System.nanoTime() - t0) / 1e9);
    ctx.close();
    System.exit(0);
  }

  static IntakeDraft draft(String p, String staff) {
    String text = Interviews.TESTIMONY;
    int arrest = text.indexOf("체포");
    int ret = text.indexOf("송환");
    return new IntakeDraft(
        new IntakeDraft.SourceForm(
            p + "s1",
            "interview",
            "NGO A (synthetic)",
            "2026-11-30",
            "ko",
            staff,
            "kr.seoul",
            "high",
            "2026-11-30",
            "",
            null,
            text),
        List.of(new IntakeDraft.PersonForm(p + "p1"), new IntakeDraft.PersonForm(p + "p2")),
        List.of(
            new IntakeDraft.EventForm(
                p + "e1",
                "arrest",
                "2004-02",
                "cn.jilin.yanbian.yanji",
                "합성 요약: 시장에서 체포",
                p + "e2",
                p + "p1"),
            new IntakeDraft.EventForm(
                p + "e2", "forced-return", "2004-03/2004-04", "kp", null, "", "")),
        List.of(
            act(p + "a1", p + "e1", p + "p1", "arbitrary-arrest", arrest),
            act(p + "a2", p + "e1", p + "p2", "arbitrary-arrest", arrest),
            act(p + "a3", p + "e2", p + "p1", "forced-return", ret)));
  }

  private static IntakeDraft.ActForm act(String id, String e, String v, String type, int at) {
    return new IntakeDraft.ActForm(
        id,
        e,
        v,
        "",
        type,
        type.equals("forced-return") ? "2004-03" : "2004-02",
        type.equals("forced-return") ? "kp" : "cn.jilin.yanbian.yanji",
        "public-security",
        "CHN",
        "",
        "direct",
        Integer.toString(at),
        Integer.toString(at + 2),
        "high",
        "experienced");
  }

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
      String word = WORDS.get(r.nextInt(WORDS.size()));
      String q = URLEncoder.encode(word, StandardCharsets.UTF_8);
      return switch (kind) {
        case "search" -> get("/search?q=" + q).statusCode() == 200;
        case "view" ->
            get("/search/sources/" + sources.get(r.nextInt(sources.size())) + "?q=" + q)
                    .statusCode()
                == 200;
        default ->
            post(
                        draft,
                        Map.of(
                            "step", "source",
                            "go", "stay",
                            "source.id", "draft-" + r.nextInt(1000),
                            "source.holder", "NGO A (synthetic)",
                            "source.text", Interviews.TESTIMONY))
                    .statusCode()
                == 302;
      };
    }
  }
}
