package org.tumen.web.pages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a refused upload answerable. When an upload is larger than the limit, the servlet container
 * fails every later reading of the request's parameters, so the CSRF check (which reads the token
 * from the address of the upload form) would end the request before the upload page could say why.
 * For a multipart POST to {@code /uploads} only, this wrapper answers parameter reads from the
 * address alone once the body has failed to parse; the handler then meets the failure itself (as a
 * too-large upload) and shows it beside the field. Registered before Spring Security.
 */
final class UploadRequests extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return !"POST".equals(request.getMethod())
        || !"/uploads".equals(request.getServletPath())
        || type == null
        || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new Wrapper(request), response);
  }

  private static final class Wrapper extends HttpServletRequestWrapper {
    private Map<String, String[]> fromAddress;

    Wrapper(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getParameter(String name) {
      try {
        return super.getParameter(name);
      } catch (IllegalStateException refused) {
        String[] v = address().get(name);
        return v == null ? null : v[0];
      }
    }

    @Override
    public String[] getParameterValues(String name) {
      try {
        return super.getParameterValues(name);
      } catch (IllegalStateException refused) {
        String[] v = address().get(name);
        return v == null ? null : v.clone();
      }
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      try {
        return super.getParameterMap();
      } catch (IllegalStateException refused) {
        return Collections.unmodifiableMap(address());
      }
    }

    @Override
    public Enumeration<String> getParameterNames() {
      try {
        return super.getParameterNames();
      } catch (IllegalStateException refused) {
        return Collections.enumeration(address().keySet());
      }
    }

    private Map<String, String[]> address() {
      if (fromAddress == null) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        String q = getQueryString();
        if (q != null) {
          for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k =
                URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v =
                eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
          }
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
        fromAddress = out;
      }
      return fromAddress;
    }
  }
}
