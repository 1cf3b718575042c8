package org.tumen.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.thymeleaf.spring6.view.ThymeleafView;

/**
 * Thymeleaf's view, rendered under one of {@link RenderPermits}' permits into memory. The view
 * resolver makes its views by class, without injection: the permits are one per process.
 */
public class PermittedThymeleafView extends ThymeleafView {

  static final RenderPermits PERMITS = RenderPermits.perCore();

  @Override
  public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    PERMITS.render(response, buffered -> super.render(model, request, buffered));
  }
}
