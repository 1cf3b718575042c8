package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.session.WorkspaceSession;

/** {@code tumen serve --keystore}: HTTPS with the given PKCS#12 keystore, HSTS, secure cookies. */
class TlsTest {

  @TempDir Path tmp;

  @Test
  void servesHttpsWithTheGivenKeystoreAndSendsHstsAndSecureCookies() throws Exception {
    Path ks = tmp.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                "keytool",
                "-genkeypair",
                "-alias",
                "tumen",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                ks.toString(),
                "-storepass",
                "synthetic-ks",
                "-keypass",
                "synthetic-ks")
            .redirectErrorStream(true)
            .start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).isZero();

    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ks)) {
      trust.load(in, "synthetic-ks".toCharArray());
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);

    try (WorkspaceSession session = WorkspaceSession.open(tmp.resolve("ws"), Optional.empty())) {
      session.createKeys("synthetic passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
      session.lock();
      ConfigurableApplicationContext ctx =
          TumenWeb.start(
              session,
              new ServeOptions(
                  0, "127.0.0.1", ks, "synthetic-ks".toCharArray(), Duration.ofMinutes(15)));
      try {
        String port = ctx.getEnvironment().getProperty("local.server.port");
        HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Strict-Transport-Security"))
            .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
        assertThat(r.headers().allValues("Set-Cookie"))
            .allSatisfy(c -> assertThat(c).contains("Secure").contains("HttpOnly"));
        assertThat(r.body()).contains("action=\"/login\"");
      } finally {
        ctx.close();
      }
    }
  }
}
