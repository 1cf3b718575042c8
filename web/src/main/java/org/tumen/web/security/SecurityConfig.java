package org.tumen.web.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.tumen.store.session.WorkspaceSession;

/**
 * Spring Security from the role table ({@link Endpoint}): each row's matcher gets its decision, and
 * every other request is denied. CSRF tokens on every form (Spring's default, kept), strict
 * headers, sign-in by our own two-step controller (password, then TOTP).
 */
@Configuration
public class SecurityConfig {

  /**
   * No inline script or style, nothing from elsewhere; images may be data: (the QR code is inline
   * SVG, but a PNG fallback would be data:).
   */
  public static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  public EndpointMatchers endpointMatchers() {
    return new EndpointMatchers();
  }

  @Bean
  public SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  public SecurityFilterChain filterChain(
      HttpSecurity http,
      EndpointMatchers matchers,
      WorkspaceSession session,
      SecurityContextRepository contexts)
      throws Exception {
    LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
    // the role table's decision for a multipart body comes before the CSRF check reads the body
    http.addFilterBefore(new RoleBeforeBody(matchers, session, signIn), CsrfFilter.class);
    http.authorizeHttpRequests(
            a -> {
              a.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/css/**"))
                  .permitAll();
              for (Endpoint e : Endpoint.values()) {
                a.requestMatchers(matchers.of(e)).access(new EndpointAuthorization(e, session));
              }
              a.anyRequest().denyAll();
            })
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .requestCache(c -> c.requestCache(new NullRequestCache()))
        .securityContext(c -> c.securityContextRepository(contexts))
        .exceptionHandling(e -> e.authenticationEntryPoint(signIn))
        .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?out"))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                    .frameOptions(f -> f.deny())
                    .httpStrictTransportSecurity(
                        s -> s.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
    return http.build();
  }
}
