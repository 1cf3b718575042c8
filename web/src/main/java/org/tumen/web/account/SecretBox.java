package org.tumen.web.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Seals an account's second factor (TOTP secret, recovery codes) under a key derived from its own
 * password with Argon2id, so that sign-in works while the workspace is locked and a copy of the
 * database yields no second factor without the password. AES-256-GCM, 12-byte random nonce,
 * associated data {@code tumen/web_account|ID|FIELD}: a value moved to another account or field
 * does not open.
 */
public final class SecretBox {

  /** OWASP Password Storage Cheat Sheet's first Argon2id option: 19 MiB, 2 passes, 1 lane. */
  public static final int MEMORY_KIB = 19 * 1024;

  public static final int PASSES = 2;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int NONCE = 12;

  private final byte[] key;

  private SecretBox(byte[] key) {
    this.key = key;
  }

  /** A new random salt for {@link #derive}. */
  public static byte[] newSalt() {
    byte[] s = new byte[16];
    RANDOM.nextBytes(s);
    return s;
  }

  /** The box of the account whose password is {@code password} and salt {@code salt}. */
  public static SecretBox derive(char[] password, byte[] salt) {
    Argon2BytesGenerator g = new Argon2BytesGenerator();
    g.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withSalt(salt)
            .withMemoryAsKB(MEMORY_KIB)
            .withIterations(PASSES)
            .withParallelism(1)
            .build());
    byte[] k = new byte[32];
    g.generateBytes(password, k);
    return new SecretBox(k);
  }

  /** The derived key, to keep in the server-side session between the two sign-in steps. */
  byte[] keyBytes() {
    return key.clone();
  }

  static SecretBox ofKey(byte[] key) {
    return new SecretBox(key.clone());
  }

  public byte[] seal(long accountId, String field, byte[] plaintext) {
    try {
      byte[] nonce = new byte[NONCE];
      RANDOM.nextBytes(nonce);
      Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, accountId, field);
      byte[] ct = c.doFinal(plaintext);
      byte[] out = Arrays.copyOf(nonce, NONCE + ct.length);
      System.arraycopy(ct, 0, out, NONCE, ct.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal an account's " + field, e);
    }
  }

  /** The plaintext, or null when it does not open (another password, account or field). */
  public byte[] open(long accountId, String field, byte[] sealed) {
    if (sealed == null || sealed.length < NONCE + 16) {
      return null;
    }
    try {
      Cipher c = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE), accountId, field);
      return c.doFinal(sealed, NONCE, sealed.length - NONCE);
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  private Cipher cipher(int mode, byte[] nonce, long accountId, String field)
      throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    c.updateAAD(("tumen/web_account|" + accountId + "|" + field).getBytes(StandardCharsets.UTF_8));
    return c;
  }

  /** Overwrites the key (after sign-in). */
  public void wipe() {
    Arrays.fill(key, (byte) 0);
  }
}
