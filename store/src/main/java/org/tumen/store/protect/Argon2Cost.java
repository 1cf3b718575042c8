package org.tumen.store.protect;

/**
 * The cost of deriving the key-file key from a passphrase with Argon2id (RFC 9106).
 *
 * @param memoryKiB memory in KiB (the {@code m} parameter)
 * @param iterations passes over the memory (the {@code t} parameter)
 * @param parallelism lanes (the {@code p} parameter)
 */
public record Argon2Cost(int memoryKiB, int iterations, int parallelism) {

  /**
   * RFC 9106 section 4, the second recommended option for memory-constrained settings: 64 MiB, 3
   * passes, 4 lanes. Every workspace the command line creates uses it.
   */
  public static final Argon2Cost RFC9106_SECOND = new Argon2Cost(64 * 1024, 3, 4);

  public Argon2Cost {
    if (parallelism < 1 || parallelism > 255) {
      throw new IllegalArgumentException("Argon2 parallelism must be 1..255: " + parallelism);
    }
    // RFC 9106 section 3.1: m >= 8p KiB, t >= 1.
    if (memoryKiB < 8 * parallelism || iterations < 1) {
      throw new IllegalArgumentException(
          "Argon2 memory must be >= 8p KiB and iterations >= 1: " + memoryKiB + "/" + iterations);
    }
  }
}
