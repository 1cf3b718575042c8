package org.tumen.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tumen.store.session.WorkspaceSession;

/**
 * The role table's decision for a request with a multipart body (a list upload), taken <em>before
 * anything reads the body</em>. Spring Security decides by role last, after the CSRF check, and the
 * CSRF check reads the request's parameters, which makes the servlet container read and parse the
 * whole multipart body: an account that may not upload (or nobody at all) could make the server
 * take in a file of the upload limit. This filter sits before the CSRF check and asks the same
 * {@link EndpointAuthorization} the role table configures; a refusal answers at once (signed out:
 * to the sign-in page; signed in: 403) without a parameter, part or byte of the body having been
 * read. An allowed request goes on to the CSRF check and the ordinary decision, unchanged.
 */
final class RoleBeforeBody extends OncePerRequestFilter {

  private final EndpointMatchers matchers;
  private final WorkspaceSession session;
  private final AuthenticationEntryPoint signIn;

  RoleBeforeBody(
      EndpointMatchers matchers, WorkspaceSession session, AuthenticationEntryPoint signIn) {
    this.matchers = matchers;
    this.session = session;
    this.signIn = signIn;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication a =
        SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
    if (allowed(request, a)) {
      chain.doFilter(request, response);
      return;
    }
    // The rest of the body is never wanted: no reason to keep the connection for another request.
    response.setHeader("Connection", "close");
    if (a == null || !a.isAuthenticated()) {
      signIn.commence(request, response, null);
    } else {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
  }

  private boolean allowed(HttpServletRequest request, Authentication a) {
    Optional<Endpoint> row = matchers.find(request);
    if (row.isEmpty()) {
      return false; // no row: denied, as the chain's last rule would
    }
    Map<String, String> variables = matchers.of(row.get()).matcher(request).getVariables();
    AuthorizationResult r =
        new EndpointAuthorization(row.get(), session)
            .authorize(() -> a, new RequestAuthorizationContext(request, variables));
    return r != null && r.isGranted();
  }
}
