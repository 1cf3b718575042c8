package org.tumen.store.protect;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.spec.SecretKeySpec;
import org.tumen.model.BadInputException;

/**
 * The unlocked keys of one workspace (docs/threat-model.md, "Keys"): the AEAD that wraps per-person
 * data keys, the forgetting tree, the blind-index PRF, the audit MAC and the backup streaming AEAD.
 * They live in {@value #FILE_NAME} in the workspace folder, encrypted under the passphrase; never
 * in the database, never in a backup.
 *
 * <p>Every change (rotation, forgetting, a new passphrase) rewrites the file beside the old one and
 * renames it into place, so a crash leaves either the old keys or the new ones.
 */
public final class WorkspaceKeys {

  /** The key file's name in the workspace folder. */
  public static final String FILE_NAME = "keys.tumen";

  private static final byte[] MAGIC = "TKS1".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Fresh bytes for salts, data keys and nonces (see {@link RandomPool} for why pooled). */
  static final RandomPool POOL = new RandomPool(RANDOM);

  private static final int SALT = 16;
  private static final int PAD = 32;
  private static final byte[] PAD_LABEL = "tumen/dek-pad|".getBytes(StandardCharsets.US_ASCII);
  private static final ThreadLocal<javax.crypto.Mac> PAD_MAC =
      ThreadLocal.withInitial(
          () -> {
            try {
              return javax.crypto.Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
            }
          });

  static {
    try {
      AeadConfig.register();
      PrfConfig.register();
      MacConfig.register();
      StreamingAeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Path file;
  private KeyFile.Header header;
  private byte[] derivedKey;
  private KeysetHandle wrap;
  private final KeysetHandle index;
  private final KeysetHandle audit;
  private final KeysetHandle backup;
  private final ForgetTree forget;
  private final TreeSet<Long> forgotten;

  private Aead wrapAead;
  private final PrfSet prf;
  private final Mac auditMac;
  private final StreamingAead backupAead;

  private WorkspaceKeys(
      Path file,
      KeyFile.Header header,
      byte[] derivedKey,
      KeysetHandle wrap,
      KeysetHandle index,
      KeysetHandle audit,
      KeysetHandle backup,
      ForgetTree forget,
      TreeSet<Long> forgotten)
      throws GeneralSecurityException {
    this.file = file;
    this.header = header;
    this.derivedKey = derivedKey;
    this.wrap = wrap;
    this.index = index;
    this.audit = audit;
    this.backup = backup;
    this.forget = forget;
    this.forgotten = forgotten;
    Configuration rc = RegistryConfiguration.get();
    this.wrapAead = wrap.getPrimitive(rc, Aead.class);
    this.prf = index.getPrimitive(rc, PrfSet.class);
    this.auditMac = audit.getPrimitive(rc, Mac.class);
    this.backupAead = backup.getPrimitive(rc, StreamingAead.class);
  }

  /** The key file of a workspace folder. */
  public static Path file(Path workspace) {
    return workspace.resolve(FILE_NAME);
  }

  /** Whether the workspace has keys (and so seals identities). */
  public static boolean exist(Path workspace) {
    return Files.exists(file(workspace));
  }

  /** Creates the keys of a workspace with the cost every real workspace uses. */
  public static WorkspaceKeys init(Path workspace, char[] passphrase) {
    return init(workspace, passphrase, Argon2Cost.RFC9106_SECOND);
  }

  /**
   * Creates the keys of a workspace.
   *
   * @param cost the Argon2id cost; anything but {@link Argon2Cost#RFC9106_SECOND} is for tests
   */
  public static WorkspaceKeys init(Path workspace, char[] passphrase, Argon2Cost cost) {
    Path f = file(workspace);
    if (Files.exists(f)) {
      throw new BadInputException(f.toString(), "the workspace already has keys");
    }
    checkPassphrase(passphrase);
    try {
      KeyFile.Header h = KeyFile.Header.fresh(cost, RANDOM);
      WorkspaceKeys k =
          new WorkspaceKeys(
              f,
              h,
              KeyFile.deriveKey(h, passphrase),
              KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
              KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF),
              KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG),
              KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB),
              ForgetTree.generate(RANDOM),
              new TreeSet<>());
      k.save();
      return k;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate keys", e);
    }
  }

  /**
   * Opens the keys of a workspace.
   *
   * @throws BadInputException for a wrong passphrase, a missing or a damaged key file
   */
  public static WorkspaceKeys unlock(Path workspace, char[] passphrase) {
    Path f = file(workspace);
    KeyFile.Header h = KeyFile.readHeader(f);
    byte[] key = KeyFile.deriveKey(h, passphrase);
    byte[] secrets = KeyFile.read(f, h, key);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(secrets))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException("unknown secrets format");
      }
      KeysetHandle wrap = readKeyset(in);
      KeysetHandle index = readKeyset(in);
      KeysetHandle audit = readKeyset(in);
      KeysetHandle backup = readKeyset(in);
      ForgetTree tree = ForgetTree.read(in);
      int n = in.readInt();
      TreeSet<Long> forgotten = new TreeSet<>();
      for (int i = 0; i < n; i++) {
        forgotten.add(in.readLong());
      }
      return new WorkspaceKeys(f, h, key, wrap, index, audit, backup, tree, forgotten);
    } catch (IOException | GeneralSecurityException e) {
      throw new BadInputException(
          f.toString(), "the key file is damaged (" + e.getMessage() + "); restore your copy");
    } finally {
      Arrays.fill(secrets, (byte) 0);
    }
  }

  /** Re-encrypts the key file under a new passphrase and a new salt. */
  public synchronized void changePassphrase(char[] newPassphrase) {
    checkPassphrase(newPassphrase);
    KeyFile.Header h = KeyFile.Header.fresh(header.cost(), RANDOM);
    byte[] key = KeyFile.deriveKey(h, newPassphrase);
    KeyFile.Header oldHeader = header;
    byte[] oldKey = derivedKey;
    header = h;
    derivedKey = key;
    try {
      save();
    } catch (RuntimeException e) {
      header = oldHeader;
      derivedKey = oldKey;
      throw e;
    }
    Arrays.fill(oldKey, (byte) 0);
  }

  /**
   * Adds a fresh wrapping key and makes it primary (saved before returning). Older wrapping keys
   * stay, for data keys not yet re-wrapped and for backups taken before.
   *
   * @return the new primary key's id
   */
  public synchronized int addWrapPrimary() {
    try {
      KeysetHandle.Builder b = KeysetHandle.newBuilder(wrap);
      b.addEntry(
          KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
              .withRandomId()
              .makePrimary());
      KeysetHandle next = b.build();
      KeysetHandle prev = wrap;
      Aead prevAead = wrapAead;
      wrap = next;
      wrapAead = next.getPrimitive(RegistryConfiguration.get(), Aead.class);
      try {
        save();
      } catch (RuntimeException e) {
        wrap = prev;
        wrapAead = prevAead;
        throw e;
      }
      return next.getPrimary().getId();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot add a wrapping key", e);
    }
  }

  /** The number of wrapping keys (1 + the number of rotations). */
  public synchronized int wrapKeyCount() {
    return wrap.size();
  }

  /** The id of the primary wrapping key. */
  public synchronized int wrapPrimaryId() {
    return wrap.getPrimary().getId();
  }

  /** Whether a wrapped data key was wrapped by the current primary (Tink's 5-byte key prefix). */
  public synchronized boolean wrappedUnderPrimary(byte[] wrapped) {
    return wrapped.length > 5
        && wrapped[0] == 1
        && ByteBuffer.wrap(wrapped, 1, 4).getInt() == wrap.getPrimary().getId();
  }

  /**
   * Wraps a person's data key twice: a one-time pad derived from their forgetting-tree leaf (a
   * fresh salt per wrap, so a pad never repeats), then the wrapping AEAD, which also authenticates
   * the inner layer. The inner layer used to be AES-GCM under the leaf; the pad gives the same
   * secrecy without a new AES key schedule per person (docs/threat-model.md).
   */
  byte[] wrapDataKey(long personId, byte[] dek) throws GeneralSecurityException {
    if (dek.length != PAD) {
      throw new IllegalArgumentException("a data key has " + PAD + " bytes");
    }
    byte[] inner = new byte[SALT + PAD];
    POOL.fill(inner, 0, SALT);
    byte[] pad = pad(personId, inner);
    try {
      for (int i = 0; i < PAD; i++) {
        inner[SALT + i] = (byte) (dek[i] ^ pad[i]);
      }
      return currentWrap().encrypt(inner, outerAd(personId));
    } finally {
      Arrays.fill(pad, (byte) 0);
    }
  }

  /**
   * The data key of a person.
   *
   * @throws GeneralSecurityException if the person was forgotten or the wrapped key was moved from
   *     another person or altered
   */
  byte[] unwrapDataKey(long personId, byte[] wrapped) throws GeneralSecurityException {
    byte[] inner = currentWrap().decrypt(wrapped, outerAd(personId));
    if (inner.length != SALT + PAD) {
      throw new GeneralSecurityException("not a data key wrapped by this version");
    }
    byte[] pad = pad(personId, inner);
    try {
      byte[] dek = new byte[PAD];
      for (int i = 0; i < PAD; i++) {
        dek[i] = (byte) (inner[SALT + i] ^ pad[i]);
      }
      return dek;
    } finally {
      Arrays.fill(pad, (byte) 0);
      Arrays.fill(inner, (byte) 0);
    }
  }

  /**
   * The one-time pad that hides a person's data key: HMAC-SHA256 under the person's leaf of the
   * forgetting tree, of the salt at the start of {@code inner}. Destroying the leaf destroys the
   * pad, and with it the key.
   */
  private byte[] pad(long personId, byte[] inner) throws GeneralSecurityException {
    byte[] leafKey = forget.leafKey(personId);
    try {
      javax.crypto.Mac hmac = PAD_MAC.get();
      hmac.init(new SecretKeySpec(leafKey, "HmacSHA256"));
      hmac.update(PAD_LABEL);
      hmac.update(inner, 0, SALT);
      return hmac.doFinal();
    } finally {
      Arrays.fill(leafKey, (byte) 0);
    }
  }

  /**
   * Re-wraps the outer layer under the primary wrapping key. The inner layer stays sealed under the
   * tree leaf, so the data key itself is never in plaintext here.
   */
  public byte[] rewrapDataKey(long personId, byte[] wrapped) throws GeneralSecurityException {
    Aead aead = currentWrap();
    byte[] inner = aead.decrypt(wrapped, outerAd(personId));
    return aead.encrypt(inner, outerAd(personId));
  }

  /**
   * Destroys the person's leaf of the forgetting tree and records the person as forgotten; saved
   * before returning. Every wrapped copy of that person's data key, in any backup, is then
   * unreadable.
   */
  public synchronized void forget(long personId) {
    try {
      forget.puncture(personId);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot destroy the key", e);
    }
    forgotten.add(personId);
    save();
  }

  /** The persons forgotten so far (restore re-applies them to older backups). */
  public synchronized Set<Long> forgotten() {
    return Collections.unmodifiableSet(new TreeSet<>(forgotten));
  }

  /** Whether this person's key can still be derived. */
  public boolean canOpen(long personId) {
    return forget.alive(personId);
  }

  /** The keyed digest of a blind index: the full 32 bytes; the codec truncates it. */
  byte[] prf(byte[] input) throws GeneralSecurityException {
    return prf.computePrimary(input, 32);
  }

  /** The AEAD for values that belong to no single person. */
  Aead sharedAead() {
    return currentWrap();
  }

  /** The MAC that anchors the audit trail. */
  public Mac auditMac() {
    return auditMac;
  }

  /** The streaming AEAD that encrypts backups. */
  public StreamingAead backupAead() {
    return backupAead;
  }

  /** The key file. */
  public Path file() {
    return file;
  }

  private synchronized Aead currentWrap() {
    return wrapAead;
  }

  private synchronized void save() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      writeKeyset(out, wrap);
      writeKeyset(out, index);
      writeKeyset(out, audit);
      writeKeyset(out, backup);
      forget.write(out);
      out.writeInt(forgotten.size());
      for (long id : forgotten) {
        out.writeLong(id);
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot serialise the keys", e);
    }
    byte[] secrets = bytes.toByteArray();
    try {
      KeyFile.write(file, header, derivedKey, secrets);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } finally {
      Arrays.fill(secrets, (byte) 0);
    }
  }

  private static void writeKeyset(DataOutputStream out, KeysetHandle h)
      throws IOException, GeneralSecurityException {
    byte[] b = TinkProtoKeysetFormat.serializeKeyset(h, InsecureSecretKeyAccess.get());
    out.writeInt(b.length);
    out.write(b);
  }

  private static KeysetHandle readKeyset(DataInputStream in)
      throws IOException, GeneralSecurityException {
    int n = in.readInt();
    if (n < 0 || n > 1 << 20) {
      throw new IOException("bad keyset length");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return TinkProtoKeysetFormat.parseKeyset(b, InsecureSecretKeyAccess.get());
  }

  private static void checkPassphrase(char[] passphrase) {
    if (passphrase == null || passphrase.length < 8) {
      throw new BadInputException("passphrase", "use a passphrase of at least 8 characters");
    }
  }

  private static byte[] outerAd(long personId) {
    return ("tumen/dek|" + personId).getBytes(StandardCharsets.US_ASCII);
  }
}
