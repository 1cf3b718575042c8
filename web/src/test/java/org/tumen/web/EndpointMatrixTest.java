package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tumen.store.access.Account;
import org.tumen.store.access.CaseKind;
import org.tumen.store.access.Role;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;
import org.tumen.web.security.Endpoint;

/**
 * Every endpoint × every role × (own case, other case), and signed out: a request gets through
 * exactly when the role table ({@link Endpoint}) says so. Every handler Spring MVC knows must have
 * a row, and every row a handler. Runs with the workspace locked, so that no allowed request
 * changes anything (rows that need the keys answer "locked", which is not a refusal).
 */
@SpringBootTest(classes = {TumenWeb.class, TestWorkspace.class})
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointMatrixTest {

  static final String OWN = "own-case";
  static final String OTHER = "other-case";

  @Autowired MockMvc mvc;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  final Map<Role, Account> byRole = new EnumMap<>(Role.class);

  @BeforeAll
  void accountsOfEveryRoleWithOneCaseEach() {
    for (Role r : Role.values()) {
      String login = "matrix-" + r.code();
      accounts.create(login, r, "a long synthetic password".toCharArray(), null, "en", null);
      Account a = session.accounts().byLogin(login).orElseThrow();
      for (CaseKind k : CaseKind.values()) {
        session.access().grant(a.id(), k, OWN, "test");
      }
      byRole.put(r, a);
    }
    session.lock();
  }

  @Test
  void everyHandlerHasARowAndEveryRowAHandler() {
    List<String> handlers = new ArrayList<>();
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String path : info.getPatternValues()) {
        if (methods.isEmpty()) {
          handlers.add("* " + path);
        }
        for (RequestMethod m : methods) {
          handlers.add(m.name() + " " + path);
        }
      }
    }
    List<String> rows = new ArrayList<>();
    for (Endpoint e : Endpoint.values()) {
      rows.add((e.method() == null ? "*" : e.method().name()) + " " + e.path());
    }
    assertThat(rows)
        .as("every handler needs its row in Endpoint (the role table)")
        .containsAll(handlers);
    assertThat(handlers).as("every row of the role table needs its handler").containsAll(rows);
  }

  @Test
  void theTableKeepsIdentitiesFromAnalystsAndViewersAndAdministrationToAdministrators() {
    for (Endpoint e : Endpoint.values()) {
      if (e.path().startsWith("/admin")) {
        assertThat(e.who().roles()).as(e.name()).containsExactly(Role.ADMINISTRATOR);
      }
      if (e.who() == Endpoint.Who.IDENTITIES) {
        assertThat(e.who().roles()).doesNotContain(Role.ANALYST, Role.VIEWER);
        assertThat(e.scope()).as(e.name() + " shows identities: scoped to a case").isNotNull();
      }
    }
  }

  @TestFactory
  List<DynamicTest> everyEndpointEveryRoleOwnAndOtherCaseAndSignedOut() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoint e : Endpoint.values()) {
      for (String caseName : List.of(OWN, OTHER)) {
        if (e.scope() == null && caseName.equals(OTHER)) {
          continue;
        }
        tests.add(
            DynamicTest.dynamicTest(e + " signed out " + caseName, () -> check(e, null, caseName)));
        for (Role r : Role.values()) {
          tests.add(
              DynamicTest.dynamicTest(e + " " + r + " " + caseName, () -> check(e, r, caseName)));
        }
      }
    }
    return tests;
  }

  private void check(Endpoint e, Role role, String caseName) throws Exception {
    String uri =
        e.path()
            .replace("{" + (e.caseVariable() == null ? "-" : e.caseVariable()) + "}", caseName)
            .replace("{login}", "nobody")
            .replace("{id}", "999999")
            .replace("{record}", "r1");
    HttpMethod method = e.method() == null ? HttpMethod.GET : e.method();
    MockHttpServletRequestBuilder req = request(method, uri);
    if (method != HttpMethod.GET) {
      req = req.with(csrf());
    }
    if (role != null) {
      req = req.with(authentication(TestWorkspace.signedIn(byRole.get(role))));
    }
    MockHttpServletResponse res = mvc.perform(req).andReturn().getResponse();
    boolean refused =
        res.getStatus() == 403
            || res.getStatus() == 401 && !e.isPublic()
            || (res.getStatus() / 100 == 3
                && String.valueOf(res.getRedirectedUrl()).endsWith("/login")
                && !e.isPublic());
    boolean expected = role == null ? e.isPublic() : e.allows(role, caseName.equals(OWN));
    assertThat(!refused)
        .as(
            "%s %s as %s on %s: status %d, redirect %s",
            method, uri, role, caseName, res.getStatus(), res.getRedirectedUrl())
        .isEqualTo(expected);
  }
}
