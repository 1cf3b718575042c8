package org.tumen.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** One request matcher per row of the role table, and the row a request falls under. */
public final class EndpointMatchers {

  private final Map<Endpoint, RequestMatcher> matchers = new EnumMap<>(Endpoint.class);

  public EndpointMatchers() {
    PathPatternRequestMatcher.Builder b = PathPatternRequestMatcher.withDefaults();
    for (Endpoint e : Endpoint.values()) {
      matchers.put(e, e.method() == null ? b.matcher(e.path()) : b.matcher(e.method(), e.path()));
    }
  }

  public RequestMatcher of(Endpoint e) {
    return matchers.get(e);
  }

  /** The row {@code request} falls under, if any. */
  public Optional<Endpoint> find(HttpServletRequest request) {
    for (Map.Entry<Endpoint, RequestMatcher> m : matchers.entrySet()) {
      if (m.getValue().matches(request)) {
        return Optional.of(m.getKey());
      }
    }
    return Optional.empty();
  }
}
