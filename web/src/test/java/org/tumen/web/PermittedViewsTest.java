package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** The application's pages are Thymeleaf views rendered under the render permits. */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class})
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class PermittedViewsTest {

  @Autowired MockMvc mvc;
  @Autowired ThymeleafViewResolver views;

  @Test
  void everyPageIsAPermittedView() throws Exception {
    assertThat(views.resolveViewName("login", Locale.ENGLISH))
        .isInstanceOf(PermittedThymeleafView.class);
    MvcResult login = mvc.perform(get("/login")).andReturn();
    assertThat(login.getModelAndView().getViewName()).isEqualTo("login");
    assertThat(login.getResponse().getStatus()).isEqualTo(200);
    assertThat(login.getResponse().getContentType()).startsWith("text/html");
    assertThat(login.getResponse().getContentAsString()).contains("name=\"_csrf\"", "</html>");
  }
}
