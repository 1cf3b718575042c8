package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.tumen.store.access.Role;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.AccountService;
import org.tumen.web.security.Endpoint;

/**
 * A list upload is refused by role <em>before</em> its body is read. Against the real server
 * (Tomcat, which reads and parses a multipart body only when something asks for a parameter or a
 * part), each role sends an upload whose body it never finishes: the server can only answer if it
 * decided without the body. A role the role table refuses, and a client signed out, get their
 * refusal while the body is still incomplete (had the CSRF check or the handler parsed it, the
 * server would still be waiting for the rest, and this test would time out on its read). A role
 * that may upload sends the whole body and its list is imported.
 */
@SpringBootTest(
    classes = {TumenWeb.class, TestWorkspace.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "tumen.upload.max-bytes=65536")
@Import(TestWorkspace.class)
class UploadRoleBeforeBodyTest {

  static final String PASSWORD = "a long synthetic password";
  static final String BOUNDARY = "tumen-test-boundary";

  @LocalServerPort int port;
  @Autowired WorkspaceSession session;
  @Autowired AccountService accounts;

  @BeforeEach
  void unlocked() {
    if (!session.isUnlocked()) {
      session.unlock(TestWorkspace.PASSPHRASE.toCharArray());
    }
  }

  @Test
  void everyRoleTheTableRefusesIsRefusedBeforeTheBodyIsRead() throws Exception {
    for (Role r : Role.values()) {
      String login = "body-" + r.code();
      byte[] secret =
          Journeys.secret(accounts.create(login, r, PASSWORD.toCharArray(), null, "en", null));
      HttpSignIn client = new HttpSignIn(port).enrolAndSignIn(login, PASSWORD, secret);
      String token = client.csrf("/account");
      String list = "body_" + r.code();
      byte[] body = body(list, LinkagePageTest.syntheticLists(1, 20, 3).get(0));
      boolean mayUpload = Endpoint.UPLOAD.allows(r, false);
      if (mayUpload) {
        String head = send(client.cookieHeader(), token, body, body.length);
        assertThat(head).as(r + " uploads").startsWith("HTTP/1.1 200");
        assertThat(session.workspace().records().lists()).anyMatch(l -> l.name().equals(list));
      } else {
        // a third of the body, and the client waits: only a decision without the body answers
        String head = send(client.cookieHeader(), token, body, body.length / 3);
        assertThat(head).as(r + " is refused before its body is read").startsWith("HTTP/1.1 403");
        assertThat(session.workspace().records().lists()).noneMatch(l -> l.name().equals(list));
      }
    }
  }

  @Test
  void signedOutIsSentToSignInBeforeTheBodyIsRead() throws Exception {
    byte[] body = body("body_nobody", LinkagePageTest.syntheticLists(1, 20, 3).get(0));
    String head = send("", "no-token", body, body.length / 3);
    assertThat(head).startsWith("HTTP/1.1 302");
    assertThat(head.toLowerCase(Locale.ROOT)).contains("location: ").contains("/login");
  }

  private static byte[] body(String list, String csv) {
    String b =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"list\"\r\n\r\n"
            + list
            + "\r\n--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"l.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n--"
            + BOUNDARY
            + "--\r\n";
    return b.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Sends the request's head and the first {@code sent} bytes of its body, then reads the
   * response's head (a 30 s read timeout fails the test instead of hanging it).
   */
  private String send(String cookie, String token, byte[] body, int sent) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      String head =
          "POST /uploads?_csrf="
              + URLEncoder.encode(token, StandardCharsets.UTF_8)
              + " HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\n"
              + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n")
              + "Content-Type: multipart/form-data; boundary="
              + BOUNDARY
              + "\r\nContent-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, sent);
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      while (!got.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
        int c = in.read();
        if (c < 0) {
          break;
        }
        got.write(c);
      }
      return got.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
