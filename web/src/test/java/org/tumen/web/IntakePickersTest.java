package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.tumen.model.documentation.Reliability;
import org.tumen.store.access.Account;
import org.tumen.store.access.Role;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;
import org.tumen.web.pages.Choices;
import org.unbescape.html.HtmlEscape;

/**
 * The intake step page's pickers, rendered from options built once per language: each select holds
 * exactly the options of {@link Choices} in the page's language, in order, escaped, the saved value
 * selected, as the per-option template wrote them.
 */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class})
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class IntakePickersTest {

  @Autowired MockMvc mvc;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;

  @Test
  void theSelectsHoldEveryOptionInThePagesLanguageWithTheSavedOneSelected() throws Exception {
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
    long n = System.nanoTime();
    accounts.create(
        "pickers-" + n,
        Role.INTERVIEWER,
        "a long synthetic password".toCharArray(),
        null,
        "ko",
        null);
    Account a = session.accounts().byLogin("pickers-" + n).orElseThrow();
    long d = Interviews.create(mvc, a);
    Map<String, String> source = new LinkedHashMap<>(Interviews.source("pk" + n + "."));
    source.put("step", "source");
    Interviews.post(mvc, a, "/intake/" + d, source);
    for (String language : List.of("ko", "zh", "en")) {
      String html =
          mvc.perform(
                  get("/intake/" + d + "?step=source")
                      .header("Accept-Language", language)
                      .with(authentication(TestWorkspace.signedIn(a))))
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(options(html, "source.place"))
          .isEqualTo(expected(language, Choices::places, "kr.seoul"));
      assertThat(options(html, "source.reliability"))
          .isEqualTo(expected(language, () -> Choices.scale(Reliability.class), "high"));
    }
  }

  /** The options of one select after its "choose" option, as rendered. */
  private static String options(String html, String id) {
    int select = html.indexOf("<select id=\"" + id + "\"");
    assertThat(select).as(id).isGreaterThan(0);
    int first = html.indexOf("</option>", select) + "</option>".length();
    return html.substring(first, html.indexOf("</select>", select));
  }

  private static String expected(
      String language, Supplier<List<Choices.Option>> options, String v) {
    LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
    try {
      List<String> out = new ArrayList<>();
      for (Choices.Option o : options.get()) {
        out.add(
            "<option value=\""
                + HtmlEscape.escapeHtml4Xml(o.code())
                + "\""
                + (o.code().equals(v) ? " selected=\"selected\"" : "")
                + ">"
                + HtmlEscape.escapeHtml4Xml(o.label())
                + "</option>");
      }
      assertThat(out).hasSizeGreaterThan(2);
      return "\n    " + String.join("\n    ", out) + "\n  ";
    } finally {
      LocaleContextHolder.resetLocaleContext();
    }
  }
}
