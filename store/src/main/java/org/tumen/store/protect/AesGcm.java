package org.tumen.store.protect;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under one data key, through the Java runtime's own provider: {@code nonce (12) ‖
 * ciphertext ‖ tag (16)}, random nonces — the layout of Tink's {@code AesGcmJce}.
 *
 * <p>Why not Tink's class: each person has a key of their own, so an import makes a new key per
 * record, and Tink's AEAD spends about twice the runtime's cost per new key (its key objects and a
 * {@code SecureRandom} call per nonce); here the cipher object is kept per thread and nonces come
 * from a {@link RandomPool}. The algorithm, the runtime's implementation and the bytes are the
 * same.
 */
final class AesGcm implements Aead {

  static final int NONCE = 12;
  static final int TAG = 16;

  private static final ThreadLocal<Cipher> CIPHER =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
            }
          });

  private final SecretKeySpec key;
  private final RandomPool random;

  AesGcm(byte[] key, RandomPool random) {
    if (key.length != 32) {
      throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
    this.random = random;
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
    byte[] out = new byte[NONCE + plaintext.length + TAG];
    random.fill(out, 0, NONCE);
    Cipher c = CIPHER.get();
    c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, out, 0, NONCE));
    c.updateAAD(associatedData);
    c.doFinal(plaintext, 0, plaintext.length, out, NONCE);
    return out;
  }

  @Override
  public byte[] decrypt(byte[] sealed, byte[] associatedData) throws GeneralSecurityException {
    if (sealed.length < NONCE + TAG) {
      throw new GeneralSecurityException("ciphertext too short");
    }
    Cipher c = CIPHER.get();
    c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, sealed, 0, NONCE));
    c.updateAAD(associatedData);
    return c.doFinal(sealed, NONCE, sealed.length - NONCE);
  }
}
