package org.tumen.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.tumen.store.identity.FieldSealer;
import org.tumen.store.identity.IdentityCodec;

/**
 * A test codec that is not plaintext and binds each value to its person, table, row and field, as a
 * real AEAD codec must: it stores the value's UTF-8 bytes reversed after a header naming where it
 * belongs, and refuses to open a value somewhere else. Not protection: a test of the seam.
 */
final class ReversingCodec implements IdentityCodec {

  @Override
  public String id() {
    return "reversing-test";
  }

  @Override
  public byte[] newPersonKey(long personId) {
    return ByteBuffer.allocate(8).putLong(personId ^ 0x5A5A5A5AL).array();
  }

  @Override
  public FieldSealer sealerFor(long personId, byte[] wrappedKey) {
    if (wrappedKey == null) {
      // A value about no single person (a file name, a header): the "workspace key".
      return sealerOf(-1);
    }
    if (ByteBuffer.wrap(wrappedKey).getLong() != (personId ^ 0x5A5A5A5AL)) {
      throw new IllegalStateException("not this person's key: " + personId);
    }
    return sealerOf(personId);
  }

  private static FieldSealer sealerOf(long personId) {
    return new FieldSealer() {
      @Override
      public byte[] seal(String table, long rowId, String field, String plaintext) {
        byte[] ad = ad(personId, table, rowId, field);
        byte[] v = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[ad.length + v.length];
        System.arraycopy(ad, 0, out, 0, ad.length);
        for (int i = 0; i < v.length; i++) {
          out[ad.length + i] = v[v.length - 1 - i];
        }
        return out;
      }

      @Override
      public String open(String table, long rowId, String field, byte[] sealed) {
        byte[] ad = ad(personId, table, rowId, field);
        for (int i = 0; i < ad.length; i++) {
          if (sealed[i] != ad[i]) {
            throw new IllegalStateException("value does not belong here");
          }
        }
        byte[] v = new byte[sealed.length - ad.length];
        for (int i = 0; i < v.length; i++) {
          v[i] = sealed[sealed.length - 1 - i];
        }
        return new String(v, StandardCharsets.UTF_8);
      }
    };
  }

  private static byte[] ad(long personId, String table, long rowId, String field) {
    return (personId + "/" + table + "/" + rowId + "/" + field + "|")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] blindIndex(String field, String normalisedKey) {
    return ("bi:" + field + ":" + normalisedKey.length()).getBytes(StandardCharsets.UTF_8);
  }
}
