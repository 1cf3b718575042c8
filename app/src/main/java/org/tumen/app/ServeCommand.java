package org.tumen.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.tumen.model.BadInputException;
import org.tumen.store.protect.Passphrase;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.ServeOptions;
import org.tumen.web.TumenWeb;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tumen serve}: the web application on the workspace (docs/web.md). Starts locked: an
 * administrator unlocks it in the browser with the workspace passphrase, unless a passphrase file
 * (or TUMEN_PASSPHRASE) is given, which unlocks it at start.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the web application on this workspace (sign-in with password and TOTP). It starts",
      "locked; an administrator unlocks it in the browser. Create the first administrator with",
      "'tumen users add --role administrator NAME'. Stop it with Ctrl-C (the keys leave memory)."
    })
final class ServeCommand implements Callable<Integer> {

  @Mixin WorkspaceOptions workspace;
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", description = "Port (default 8080).")
  int port = 8080;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default 127.0.0.1; put TLS in front for others).")
  String bind = "127.0.0.1";

  @Option(
      names = "--keystore",
      paramLabel = "FILE",
      description = "Serve HTTPS with this PKCS#12 keystore (HSTS is then sent).")
  Path keystore;

  @Option(
      names = "--keystore-password-file",
      paramLabel = "FILE",
      description = "File whose first line is the keystore's password.")
  Path keystorePasswordFile;

  @Option(
      names = "--session-timeout",
      paramLabel = "MINUTES",
      description = "Idle minutes before a signed-in session ends (default 15).")
  int sessionMinutes = 15;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new BadInputException("--port", "use 0 to 65535");
    }
    if (sessionMinutes < 1 || sessionMinutes > 24 * 60) {
      throw new BadInputException("--session-timeout", "use 1 to 1440 minutes");
    }
    char[] keystorePassword = null;
    if (keystore != null) {
      if (!Files.isReadable(keystore)) {
        throw new BadInputException(keystore.toString(), "no such keystore, or it cannot be read");
      }
      if (keystorePasswordFile == null) {
        throw new BadInputException("--keystore", "give --keystore-password-file too");
      }
      keystorePassword = Passphrase.read(keystorePasswordFile, "keystore password");
    }
    long start = System.nanoTime();
    WorkspaceSession session = WorkspaceSession.open(workspace.workspace(), workspace.jdbcUrl());
    try {
      if (!session.hasKeys()) {
        throw new BadInputException(
            session.directory().toString(),
            "this workspace has no keys: create them first (tumen keys init); the web application"
                + " never stores identities unsealed");
      }
      String env = System.getenv(Passphrase.ENV);
      if (workspace.passphraseFile != null || (env != null && !env.isEmpty())) {
        session.unlock(workspace.passphraseFile);
      }
      ConfigurableApplicationContext ctx =
          TumenWeb.start(
              session,
              new ServeOptions(
                  port, bind, keystore, keystorePassword, Duration.ofMinutes(sessionMinutes)));
      int actual =
          Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port", "" + port));
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "tumen: serving %s on %s://%s:%d/ (%s); ready in %.1f s; Ctrl-C stops%n",
          session.directory(),
          keystore == null ? "http" : "https",
          bind,
          actual,
          session.isUnlocked() ? "unlocked" : "locked",
          (System.nanoTime() - start) / 1e9);
      out.flush();
      CountDownLatch stopped = new CountDownLatch(1);
      ctx.addApplicationListener(
          (org.springframework.context.event.ContextClosedEvent e) -> stopped.countDown());
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    ctx.close();
                    session.close();
                  }));
      stopped.await();
      return 0;
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }
}
