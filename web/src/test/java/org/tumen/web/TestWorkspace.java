package org.tumen.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.tumen.store.access.Account;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.session.WorkspaceSession;
import org.tumen.web.account.SignedIn;

/** A fresh workspace with keys (cheap Argon2 for the key file, never used outside tests). */
@TestConfiguration
public class TestWorkspace {

  public static final String PASSPHRASE = "synthetic test passphrase";

  @Bean(destroyMethod = "close")
  public WorkspaceSession workspaceSession() {
    try {
      Path dir = Files.createTempDirectory("tumen-web-test");
      WorkspaceSession s = WorkspaceSession.open(dir.resolve("ws"), Optional.empty());
      s.createKeys(PASSPHRASE.toCharArray(), new Argon2Cost(64, 1, 1));
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The authentication a complete sign-in of {@code a} makes. */
  public static UsernamePasswordAuthenticationToken signedIn(Account a) {
    return UsernamePasswordAuthenticationToken.authenticated(
        new SignedIn(a.id(), a.login(), a.role()),
        null,
        List.of(new SimpleGrantedAuthority("ROLE_" + a.role().name())));
  }
}
