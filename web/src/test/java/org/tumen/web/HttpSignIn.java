package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tumen.web.account.Totp;

/**
 * A browser without a browser: signs an account in over HTTP (password, then enrolment with a TOTP
 * code from its secret) and keeps the session cookie, for tests that must speak to the real server
 * byte by byte.
 */
final class HttpSignIn {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  final String base;
  final CookieManager cookies = new CookieManager();
  final HttpClient http;

  HttpSignIn(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Signs in an account that has not enrolled yet; the session is then signed in. */
  HttpSignIn enrolAndSignIn(String login, String password, byte[] secret) throws Exception {
    String token = csrf("/login");
    HttpResponse<String> r = post("/login", Map.of("login", login, "password", password), token);
    assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login/enrol");
    token = csrf("/login/enrol");
    Totp totp = new Totp(Clock.systemUTC());
    r = post("/login/enrol", Map.of("code", totp.code(secret, totp.currentStep())), token);
    assertThat(r.statusCode()).as("enrolment of " + login).isEqualTo(200);
    return this;
  }

  /** The CSRF token of the form on {@code path}. */
  String csrf(String path) throws Exception {
    String page = get(path).body();
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("a form with a CSRF token on " + path).isTrue();
    return m.group(1);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, Map<String, String> form, String token) throws Exception {
    String body =
        form.entrySet().stream()
                .map(
                    e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"))
            + "&_csrf="
            + URLEncoder.encode(token, StandardCharsets.UTF_8);
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The session cookie as a request header's value, or empty when signed out. */
  String cookieHeader() {
    return cookies.getCookieStore().getCookies().stream()
        .map(HttpCookie::toString)
        .collect(Collectors.joining("; "));
  }
}
