package org.tumen.store.protect;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Fresh random bytes for keys, salts and nonces, drawn from {@link SecureRandom} 4 KiB at a time.
 *
 * <p>Why: Java's default {@code NativePRNG} costs about 0.7 µs a call whatever the length (a lock,
 * a read of {@code /dev/urandom}, a SHA-1 mix), and an import asks for randomness three times per
 * record; one call per 4 KiB makes that cost vanish. Every byte is handed out once and wiped from
 * the pool as it is taken.
 */
final class RandomPool {

  private static final int SIZE = 4096;

  private final SecureRandom random;
  private final byte[] pool = new byte[SIZE];
  private int next = SIZE;

  RandomPool(SecureRandom random) {
    this.random = random;
  }

  /** Fills {@code out} with fresh random bytes. */
  synchronized void fill(byte[] out, int offset, int length) {
    if (length > SIZE) {
      byte[] b = new byte[length];
      random.nextBytes(b);
      System.arraycopy(b, 0, out, offset, length);
      Arrays.fill(b, (byte) 0);
      return;
    }
    if (next + length > SIZE) {
      random.nextBytes(pool);
      next = 0;
    }
    System.arraycopy(pool, next, out, offset, length);
    Arrays.fill(pool, next, next + length, (byte) 0);
    next += length;
  }

  byte[] next(int length) {
    byte[] out = new byte[length];
    fill(out, 0, length);
    return out;
  }
}
