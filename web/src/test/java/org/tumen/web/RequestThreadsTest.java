package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.session.WorkspaceSession;

/**
 * {@code tumen serve} runs a few requests per core at once and queues the rest in arrival order
 * (docs/web.md, "A few requests per core"), instead of Tomcat's 200 threads.
 */
class RequestThreadsTest {

  @TempDir Path tmp;

  @Test
  void theServerRunsFourRequestsPerCoreAtOnce() throws Exception {
    try (WorkspaceSession session = WorkspaceSession.open(tmp.resolve("ws"), Optional.empty())) {
      session.createKeys("synthetic passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
      session.lock();
      ConfigurableApplicationContext ctx =
          TumenWeb.start(
              session, new ServeOptions(0, "127.0.0.1", null, null, Duration.ofMinutes(15)));
      try {
        TomcatWebServer server =
            (TomcatWebServer) ((ServletWebServerApplicationContext) ctx).getWebServer();
        ThreadPoolExecutor executor =
            (ThreadPoolExecutor)
                server.getTomcat().getConnector().getProtocolHandler().getExecutor();
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(executor.getMaximumPoolSize()).isEqualTo(4 * cores).isLessThan(200);
        assertThat(executor.getCorePoolSize()).isEqualTo(4 * cores);
      } finally {
        ctx.close();
      }
    }
  }

  @Test
  void aMachineOfOneCoreStillGetsFour() {
    assertThat(TumenWeb.requestThreads(1)).isEqualTo(4);
    assertThat(TumenWeb.requestThreads(0)).isEqualTo(4);
    assertThat(TumenWeb.requestThreads(16)).isEqualTo(64);
  }
}
