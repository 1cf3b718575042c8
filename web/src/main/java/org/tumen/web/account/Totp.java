package org.tumen.web.account;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, what every
 * authenticator app reads from an {@code otpauth://} URI). A code is accepted for the step before
 * and after the current one (clock drift); which step it matched is returned so that the caller can
 * refuse a step already used (a replayed code).
 */
public final class Totp {

  static final Duration STEP = Duration.ofSeconds(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TimeBasedOneTimePasswordGenerator generator;
  private final Clock clock;

  public Totp(Clock clock) {
    this.generator = new TimeBasedOneTimePasswordGenerator(STEP, 6, "HmacSHA1");
    this.clock = clock;
  }

  /** A new 160-bit secret (RFC 4226 recommends 160 bits). */
  public static byte[] newSecret() {
    byte[] s = new byte[20];
    RANDOM.nextBytes(s);
    return s;
  }

  /** The secret as people type it into an app: Base32 without padding. */
  public static String base32(byte[] secret) {
    return new Base32().encodeToString(secret).replace("=", "");
  }

  /** The enrolment URI that QR codes carry (Google Authenticator's key URI format). */
  public static String uri(String issuer, String login, byte[] secret) {
    String label = enc(issuer) + ":" + enc(login);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32(secret)
        + "&issuer="
        + enc(issuer)
        + "&algorithm=SHA1&digits=6&period=30";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The code for {@code secret} at time step {@code step}. */
  public String code(byte[] secret, long step) {
    try {
      int c =
          generator.generateOneTimePassword(
              new SecretKeySpec(secret, "HmacSHA1"),
              Instant.ofEpochSecond(step * STEP.toSeconds()));
      return String.format("%06d", c);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("a TOTP secret was refused", e);
    }
  }

  /** The current time step. */
  public long currentStep() {
    return clock.instant().getEpochSecond() / STEP.toSeconds();
  }

  /** The step (now, one before or one after) whose code {@code typed} is, if any. */
  public OptionalLong matchingStep(byte[] secret, String typed) {
    String t = typed == null ? "" : typed.replaceAll("\\s", "");
    if (!t.matches("[0-9]{6}")) {
      return OptionalLong.empty();
    }
    long now = currentStep();
    for (long s = now - 1; s <= now + 1; s++) {
      if (java.security.MessageDigest.isEqual(
          code(secret, s).getBytes(StandardCharsets.US_ASCII),
          t.getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(s);
      }
    }
    return OptionalLong.empty();
  }
}
