package org.tumen.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The load benchmark's look inside the server (-Dbench.stages): for each kind of request, the
 * wall-clock and thread CPU time of its stages — the filters before the handler (Spring Security,
 * the session), the handler, the rendering of its view, and what follows until the response is
 * written out (the filters' way back and the flush to the socket). Wall time in a stage beyond its
 * CPU is waiting: for a core, a lock, the database or the client. Not part of the application.
 */
final class RequestStages implements Filter, HandlerInterceptor {

  /** Marks of one request: wall and thread CPU at filter entry, pre-handle, post-handle, done. */
  private static final ThreadLocal<long[]> MARKS = new ThreadLocal<>();

  private static final String[] STAGES = {"before", "handler", "render", "write"};

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<String, List<long[]>> byKind = new ConcurrentHashMap<>();

  /** Registers the filter (first of all) and the interceptor with the application. */
  void addTo(org.springframework.boot.SpringApplication app) {
    app.addInitializers(
        ctx -> {
          FilterRegistrationBean<RequestStages> f = new FilterRegistrationBean<>(this);
          f.setOrder(Ordered.HIGHEST_PRECEDENCE);
          ctx.getBeanFactory().registerSingleton("benchRequestStages", f);
          WebMvcConfigurer w =
              new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                  registry.addInterceptor(RequestStages.this);
                }
              };
          ctx.getBeanFactory().registerSingleton("benchRequestStagesInterceptor", w);
        });
  }

  private void mark(int i) {
    long[] m = MARKS.get();
    if (m != null) {
      m[2 * i] = System.nanoTime();
      m[2 * i + 1] = threads.getCurrentThreadCpuTime();
    }
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    long[] m = new long[10];
    MARKS.set(m);
    mark(0);
    m[2] = -1;
    m[4] = -1;
    m[6] = -1;
    try {
      chain.doFilter(req, res);
      res.flushBuffer();
    } finally {
      mark(4);
      MARKS.remove();
      record(kind((HttpServletRequest) req, (HttpServletResponse) res), m);
    }
  }

  @Override
  public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
    mark(1);
    return true;
  }

  @Override
  public void postHandle(
      HttpServletRequest req, HttpServletResponse res, Object handler, ModelAndView mv) {
    mark(2);
  }

  @Override
  public void afterCompletion(
      HttpServletRequest req, HttpServletResponse res, Object handler, Exception ex) {
    mark(3);
  }

  private static String kind(HttpServletRequest req, HttpServletResponse res) {
    String path = req.getRequestURI();
    if (path.startsWith("/search/sources/")) {
      path = "/search/sources/*";
    }
    path = path.replaceAll("/[0-9]+", "/{n}");
    return req.getMethod() + " " + path + " " + res.getStatus();
  }

  private void record(String kind, long[] m) {
    // a stage the request did not reach (no handler, no view) counts as nothing
    for (int i = 1; i <= 3; i++) {
      if (m[2 * i] < 0 || m[2 * i] == 0) {
        m[2 * i] = m[2 * i - 2];
        m[2 * i + 1] = m[2 * i - 1];
      }
    }
    byKind
        .computeIfAbsent(kind, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
        .add(m);
  }

  void reset() {
    byKind.clear();
  }

  /** Per kind: mean and p50 of each stage's wall and CPU time, and of the whole request. */
  void print() {
    System.out.println("server stages (ms: wall mean / p50 | cpu mean):");
    for (Map.Entry<String, List<long[]>> e : new TreeMap<>(byKind).entrySet()) {
      List<long[]> l;
      synchronized (e.getValue()) {
        l = new ArrayList<>(e.getValue());
      }
      StringBuilder b = new StringBuilder(String.format("  %-32s n=%6d", e.getKey(), l.size()));
      for (int s = 0; s <= STAGES.length; s++) {
        int from = s == STAGES.length ? 0 : s;
        int to = s == STAGES.length ? 4 : s + 1;
        long[] wall = new long[l.size()];
        long cpu = 0;
        for (int i = 0; i < l.size(); i++) {
          long[] m = l.get(i);
          wall[i] = m[2 * to] - m[2 * from];
          cpu += m[2 * to + 1] - m[2 * from + 1];
        }
        Arrays.sort(wall);
        b.append(
            String.format(
                "  %s %.1f/%.1f|%.2f",
                s == STAGES.length ? "TOTAL" : STAGES[s],
                Arrays.stream(wall).average().orElse(0) / 1e6,
                wall.length == 0 ? 0 : wall[wall.length / 2] / 1e6,
                cpu / 1e6 / Math.max(1, l.size())));
      }
      System.out.println(b);
    }
  }
}
