package org.tumen.web.pages;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.tumen.store.session.WorkspaceSession;

/**
 * Uploads (a list to import): size-limited, held in memory and never written to disk. The servlet
 * container keeps a part in memory up to its threshold, which is set to the limit itself, so a part
 * is either in memory or refused; its location (where it would write above the threshold) is the
 * workspace folder, so that even a container that wrote would write inside the workspace. The body
 * is parsed only after the role table let the request in ({@code RoleBeforeBody} decides a
 * multipart request before the CSRF check reads its parameters), and a refusal (too large) is shown
 * beside the field.
 */
@Configuration
public class UploadConfig {

  /** The largest list file the web application takes, in bytes (default 32 MiB). */
  static final String MAX_BYTES = "tumen.upload.max-bytes";

  /** The form's other fields (list name, CSRF token) and the part headers. */
  private static final long FORM_OVERHEAD = 64 * 1024;

  @Bean
  public MultipartConfigElement multipartConfigElement(
      WorkspaceSession session, @Value("${" + MAX_BYTES + ":33554432}") long maxBytes) {
    return new MultipartConfigElement(
        session.directory().toAbsolutePath().toString(),
        maxBytes,
        maxBytes + FORM_OVERHEAD,
        (int) Math.min(Integer.MAX_VALUE, maxBytes + FORM_OVERHEAD));
  }

  /** Before Spring Security's filters (order -100), which read the CSRF token. */
  @Bean
  public FilterRegistrationBean<UploadRequests> uploadRequests() {
    FilterRegistrationBean<UploadRequests> r = new FilterRegistrationBean<>(new UploadRequests());
    r.setOrder(-101);
    r.addUrlPatterns("/uploads");
    return r;
  }

  @Bean(name = "multipartResolver")
  public MultipartResolver multipartResolver() {
    StandardServletMultipartResolver r = new StandardServletMultipartResolver();
    r.setResolveLazily(true);
    return r;
  }
}
