package org.tumen.web.pages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tumen.store.jobs.Jobs;

/**
 * The pages' own wiring: the lock watch of the search index and of the open drafts, and the
 * background jobs.
 */
@Configuration
public class PagesConfig implements WebMvcConfigurer {

  private final SearchIndex search;
  private final OpenDrafts drafts;

  public PagesConfig(SearchIndex search, OpenDrafts drafts) {
    this.search = search;
    this.drafts = drafts;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    // first, so that it also sees the requests another interceptor refuses as "locked"
    registry.addInterceptor(search).order(-100);
    registry.addInterceptor(drafts).order(-100);
  }

  /** One worker (an estimate uses every core already); the latest 100 results are kept. */
  @Bean(destroyMethod = "close")
  public Jobs jobs() {
    return new Jobs(1, 100);
  }
}
