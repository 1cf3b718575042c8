package org.tumen.store.protect;

import com.google.crypto.tink.Aead;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tumen.store.identity.FieldSealer;
import org.tumen.store.identity.IdentityCodec;

/**
 * Seals identity values with AES-256-GCM under each person's own data key (docs/threat-model.md):
 * the associated data is {@code table | row | field | person}, so a value moved to another row,
 * field, table or person fails to open. Data keys are random, wrapped by {@link WorkspaceKeys}, and
 * held unwrapped only in this object's memory (a bounded cache).
 *
 * <p>Values about no single person (a null wrapped key) are sealed with the workspace's wrapping
 * AEAD, under the same associated data.
 */
public final class TinkCodec implements IdentityCodec {

  /** The value of {@link #id()}: the algorithm and the layout of the associated data. */
  public static final String ID = "tink-aes256gcm-v2";

  /**
   * Blind indexes keep this many bits by default: with 16, most records sharing a bucket had
   * identical names, in workspaces of 500 to 50,000 records; with 8, chance outnumbers them
   * (measured: docs/threat-model.md, "Blind indexes"; issue 12, finding 13).
   */
  public static final int DEFAULT_INDEX_BITS = 8;

  private static final int CACHE = 1 << 16;

  private final WorkspaceKeys keys;
  private final int indexBytes;
  private final Map<Long, FieldSealer> sealers =
      new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, FieldSealer> eldest) {
          return size() > CACHE;
        }
      };

  public TinkCodec(WorkspaceKeys keys) {
    this(keys, DEFAULT_INDEX_BITS);
  }

  /**
   * @param indexBits bits kept of each blind index, a multiple of 8 from 8 to 256
   */
  public TinkCodec(WorkspaceKeys keys, int indexBits) {
    if (indexBits < 8 || indexBits > 256 || indexBits % 8 != 0) {
      throw new IllegalArgumentException("index bits must be a multiple of 8 in 8..256");
    }
    this.keys = keys;
    this.indexBytes = indexBits / 8;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public byte[] newPersonKey(long personId) {
    byte[] dek = WorkspaceKeys.POOL.next(32);
    try {
      byte[] wrapped = keys.wrapDataKey(personId, dek);
      // The importer seals the new person's values next: keep the key rather than unwrap it.
      FieldSealer s = new Sealer(new AesGcm(dek, WorkspaceKeys.POOL), personId);
      synchronized (sealers) {
        sealers.put(personId, s);
      }
      return wrapped;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a data key for person " + personId, e);
    } finally {
      Arrays.fill(dek, (byte) 0);
    }
  }

  @Override
  public FieldSealer sealerFor(long personId, byte[] wrappedKey) {
    if (wrappedKey == null) {
      return new Sealer(keys.sharedAead(), -1);
    }
    synchronized (sealers) {
      FieldSealer s = sealers.get(personId);
      if (s != null) {
        return s;
      }
    }
    byte[] dek;
    try {
      dek = keys.unwrapDataKey(personId, wrappedKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "the data key of person " + personId + " does not open (forgotten, moved or altered)", e);
    }
    try {
      FieldSealer s = new Sealer(new AesGcm(dek, WorkspaceKeys.POOL), personId);
      synchronized (sealers) {
        sealers.put(personId, s);
      }
      return s;
    } finally {
      Arrays.fill(dek, (byte) 0);
    }
  }

  /** Drops every unwrapped data key from memory (when the workspace is locked). */
  public void evictAll() {
    synchronized (sealers) {
      sealers.clear();
    }
  }

  /** Drops a person's unwrapped key from memory (after forgetting). */
  public void evict(long personId) {
    synchronized (sealers) {
      sealers.remove(personId);
    }
  }

  @Override
  public byte[] blindIndex(String field, String normalisedKey) {
    byte[] f = field.getBytes(StandardCharsets.UTF_8);
    byte[] k = normalisedKey.getBytes(StandardCharsets.UTF_8);
    byte[] in = new byte[f.length + 1 + k.length];
    System.arraycopy(f, 0, in, 0, f.length);
    System.arraycopy(k, 0, in, f.length + 1, k.length);
    try {
      return Arrays.copyOf(keys.prf(in), indexBytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot compute a blind index", e);
    }
  }

  @Override
  public String contentKey(String sha256Hex) {
    // The index PRF with a domain no blind index uses (a blind index's field name never holds a
    // slash), at full length: equal files must match, and only equal files.
    byte[] in = ("tumen/import-content" + '\0' + sha256Hex).getBytes(StandardCharsets.UTF_8);
    try {
      return java.util.HexFormat.of().formatHex(keys.prf(in));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot compute a content key", e);
    }
  }

  /** Length-prefixed, so that no two (table, row, field, person) give the same bytes. */
  static byte[] associatedData(String table, long rowId, String field, long personId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    for (String s : new String[] {table, Long.toString(rowId), field, Long.toString(personId)}) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      out.write(b.length >>> 8);
      out.write(b.length);
      out.write(b, 0, b.length);
    }
    return out.toByteArray();
  }

  private record Sealer(Aead aead, long personId) implements FieldSealer {
    @Override
    public byte[] seal(String table, long rowId, String field, String plaintext) {
      try {
        return aead.encrypt(
            plaintext.getBytes(StandardCharsets.UTF_8),
            associatedData(table, rowId, field, personId));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot seal " + table + "/" + rowId + "/" + field, e);
      }
    }

    @Override
    public String open(String table, long rowId, String field, byte[] sealed) {
      try {
        return new String(
            aead.decrypt(sealed, associatedData(table, rowId, field, personId)),
            StandardCharsets.UTF_8);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(
            table + "/" + rowId + "/" + field + " does not open (moved, altered or forgotten)");
      }
    }
  }
}
