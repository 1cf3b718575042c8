package org.tumen.web;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@code tumen serve} runs.
 *
 * @param bind the address to listen on (127.0.0.1 by default: a shared server puts a TLS proxy or
 *     {@code keystore} in front)
 * @param keystore a PKCS#12 keystore to serve HTTPS with, or null for HTTP
 * @param keystorePassword its password, or null
 * @param sessionTimeout idle time after which a signed-in session ends
 */
public record ServeOptions(
    int port, String bind, Path keystore, char[] keystorePassword, Duration sessionTimeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

  public boolean tls() {
    return keystore != null;
  }
}
