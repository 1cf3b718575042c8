package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tumen.store.access.Account;

/**
 * An interview with two people, two events and three acts, posted step by step through the intake
 * pages as a browser would. The testimony is synthetic.
 */
final class Interviews {

  static final String TESTIMONY = "합성 증언: 우리 두 사람은 2004년 2월 연길 시장에서 공안에게 체포되었다. 그 뒤 3월에 송환되었다.";

  private Interviews() {}

  static Map<String, String> source(String p) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("source.id", p + "s1");
    f.put("source.holder", "NGO A (synthetic)");
    f.put("source.date", "2026-11-30");
    f.put("source.language", "ko");
    f.put("source.place", "kr.seoul");
    f.put("source.reliability", "high");
    f.put("source.consentStore", "2026-11-30");
    f.put("source.text", TESTIMONY);
    return f;
  }

  static Map<String, String> people(String p) {
    return Map.of("people[0].ref", p + "p1", "people[1].ref", p + "p2");
  }

  static Map<String, String> events(String p) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("events[0].id", p + "e1");
    f.put("events[0].type", "arrest");
    f.put("events[0].date", "2004-02");
    f.put("events[0].place", "cn.jilin.yanbian.yanji");
    f.put("events[0].summary", "합성 요약: 시장에서 체포");
    f.put("events[0].nextEvent", p + "e2");
    f.put("events[0].nextPerson", p + "p1");
    f.put("events[1].id", p + "e2");
    f.put("events[1].type", "forced-return");
    f.put("events[1].date", "2004-03/2004-04");
    f.put("events[1].place", "kp");
    return f;
  }

  static Map<String, String> acts(String p) {
    Map<String, String> f = new LinkedHashMap<>();
    act(f, 0, p + "a1", p + "e1", p + "p1", "arbitrary-arrest", "2004-02", "체포");
    act(f, 1, p + "a2", p + "e1", p + "p2", "arbitrary-arrest", "2004-02", "체포");
    act(f, 2, p + "a3", p + "e2", p + "p1", "forced-return", "2004-03", "송환");
    return f;
  }

  private static void act(
      Map<String, String> f,
      int i,
      String id,
      String event,
      String victim,
      String type,
      String date,
      String quote) {
    String at = "acts[" + i + "].";
    f.put(at + "id", id);
    f.put(at + "event", event);
    f.put(at + "victim", victim);
    f.put(at + "type", type);
    f.put(at + "date", date);
    f.put(at + "place", type.equals("forced-return") ? "kp" : "cn.jilin.yanbian.yanji");
    f.put(at + "perpetratorType", "public-security");
    f.put(at + "perpetratorState", "CHN");
    f.put(at + "degree", "direct");
    f.put(at + "quote", quote);
    f.put(at + "reliability", "high");
    f.put(at + "observation", "experienced");
  }

  static MockHttpServletResponse post(
      MockMvc mvc, Account a, String uri, Map<String, String> fields) throws Exception {
    MockHttpServletRequestBuilder req =
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(uri)
            .header("Accept-Language", "ko")
            .with(csrf())
            .with(authentication(TestWorkspace.signedIn(a)));
    fields.forEach(req::param);
    return mvc.perform(req).andReturn().getResponse();
  }

  /** A new draft's id. */
  static long create(MockMvc mvc, Account a) throws Exception {
    MockHttpServletResponse r = post(mvc, a, "/intake", Map.of());
    assertThat(r.getRedirectedUrl()).matches("/intake/\\d+\\?step=source");
    return Long.parseLong(r.getRedirectedUrl().replaceAll("\\D*(\\d+)\\?.*", "$1"));
  }

  /** Posts one step and goes on; returns where it went. */
  static String step(MockMvc mvc, Account a, long draft, String step, Map<String, String> fields)
      throws Exception {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("step", step);
    all.put("go", "next");
    MockHttpServletResponse r = post(mvc, a, "/intake/" + draft, all);
    assertThat(r.getStatus()).isEqualTo(302);
    return r.getRedirectedUrl();
  }

  /** The whole interview, submitted; returns the source id. */
  static String record(MockMvc mvc, Account a, String p) throws Exception {
    return record(mvc, a, p, "ko", TESTIMONY);
  }

  /**
   * The whole interview with another testimony (it must hold the acts' passages, 체포 and 송환) in the
   * given language; returns the source id.
   */
  static String record(MockMvc mvc, Account a, String p, String language, String testimony)
      throws Exception {
    Map<String, String> source = source(p);
    source.put("source.language", language);
    source.put("source.text", testimony);
    long d = create(mvc, a);
    step(mvc, a, d, "source", source);
    step(mvc, a, d, "people", people(p));
    step(mvc, a, d, "events", events(p));
    assertThat(step(mvc, a, d, "acts", acts(p))).endsWith("step=review");
    MockHttpServletResponse r = post(mvc, a, "/intake/" + d + "/submit", Map.of());
    assertThat(r.getRedirectedUrl()).isEqualTo("/intake");
    return p + "s1";
  }
}
