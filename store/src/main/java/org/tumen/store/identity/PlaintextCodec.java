package org.tumen.store.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stores identity values as their UTF-8 bytes: no protection at all. It is the codec of a workspace
 * without keys, and the baseline that proves protection tests can fail. Its blind index is an
 * unkeyed SHA-256, which anyone can recompute from a guess: only a keyed codec hides values.
 */
public final class PlaintextCodec implements IdentityCodec {

  /** The value of {@link #id()}. */
  public static final String ID = "plaintext";

  private static final FieldSealer SEALER =
      new FieldSealer() {
        @Override
        public byte[] seal(String table, long rowId, String field, String plaintext) {
          return plaintext.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String open(String table, long rowId, String field, byte[] sealed) {
          return new String(sealed, StandardCharsets.UTF_8);
        }
      };

  @Override
  public String id() {
    return ID;
  }

  @Override
  public byte[] newPersonKey(long personId) {
    return null;
  }

  @Override
  public FieldSealer sealerFor(long personId, byte[] wrappedKey) {
    return SEALER;
  }

  @Override
  public byte[] blindIndex(String field, String normalisedKey) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(field.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return sha.digest(normalisedKey.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
