package org.tumen.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.tumen.store.protect.Actor;
import org.tumen.store.session.LockedException;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.SignedIn;
import org.tumen.web.security.EndpointMatchers;

/**
 * Per-request wiring: the audit actor, the locked check, the user's language, pages rendered a few
 * at a time.
 */
@Configuration
public class WebConfig implements WebMvcConfigurer {

  /** The session attribute holding the signed-in account's language (en, ko, zh). */
  public static final String LANGUAGE = "tumen.language";

  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.KOREAN, Locale.CHINESE);

  private final WorkspaceSession session;
  private final EndpointMatchers matchers;

  public WebConfig(WorkspaceSession session, EndpointMatchers matchers) {
    this.session = session;
    this.matchers = matchers;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new RequestScope());
  }

  /**
   * Sets the audit actor to the signed-in account for the request, and refuses (with the "locked"
   * page) a row of the role table that needs the keys while they are not in memory.
   */
  private final class RequestScope implements HandlerInterceptor {
    private static final String SCOPE = "tumen.actorScope";

    @Override
    public boolean preHandle(HttpServletRequest req, HttpServletResponse res, Object handler) {
      Authentication a = SecurityContextHolder.getContext().getAuthentication();
      if (a != null && a.getPrincipal() instanceof SignedIn s) {
        req.setAttribute(SCOPE, Actor.as(s.actor()));
      }
      if (!session.isUnlocked() && matchers.find(req).map(e -> e.needsUnlocked()).orElse(false)) {
        throw new LockedException(session.directory().getFileName().toString());
      }
      return true;
    }

    @Override
    public void afterCompletion(
        HttpServletRequest req, HttpServletResponse res, Object handler, Exception ex) {
      if (req.getAttribute(SCOPE) instanceof Actor.Scope s) {
        s.close();
      }
    }
  }

  /**
   * Pages rendered a few at a time, into memory ({@link RenderPermits}): Boot's Thymeleaf view
   * resolver makes {@link PermittedThymeleafView}s.
   */
  @Bean
  public static BeanPostProcessor permittedThymeleafViews() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof ThymeleafViewResolver r) {
          r.setViewClass(PermittedThymeleafView.class);
        }
        return bean;
      }
    };
  }

  /** The account's language once signed in; before, the browser's (of en, ko, zh), else English. */
  @Bean
  public LocaleResolver localeResolver() {
    return new LocaleResolver() {
      @Override
      public Locale resolveLocale(HttpServletRequest request) {
        HttpSession s = request.getSession(false);
        if (s != null && s.getAttribute(LANGUAGE) instanceof String lang) {
          return Locale.forLanguageTag(lang);
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null) {
          try {
            Locale l = Locale.lookup(Locale.LanguageRange.parse(accept), LANGUAGES);
            if (l != null) {
              return l;
            }
          } catch (IllegalArgumentException e) {
            // A malformed header: English.
          }
        }
        return Locale.ENGLISH;
      }

      @Override
      public void setLocale(HttpServletRequest req, HttpServletResponse res, Locale locale) {
        req.getSession().setAttribute(LANGUAGE, locale.getLanguage());
      }
    };
  }
}
