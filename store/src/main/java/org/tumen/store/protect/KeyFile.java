package org.tumen.store.protect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.tumen.model.BadInputException;

/**
 * The on-disk form of the workspace keys: a small JSON file holding the Argon2id parameters and
 * salt in the clear, a passphrase check value, and the secrets encrypted with AES-256-GCM under the
 * Argon2id-derived key. The header is the associated data of the ciphertext, so parameters cannot
 * be downgraded without the decryption failing.
 */
final class KeyFile {

  static final String FORMAT = "tumen-keys/1";
  private static final int SALT_BYTES = 16;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The clear part of the file. */
  record Header(Argon2Cost cost, byte[] salt) {
    byte[] associatedData() {
      return (FORMAT
              + "|argon2id|19|"
              + cost.memoryKiB()
              + "|"
              + cost.iterations()
              + "|"
              + cost.parallelism()
              + "|"
              + Base64.getEncoder().encodeToString(salt))
          .getBytes(StandardCharsets.US_ASCII);
    }

    static Header fresh(Argon2Cost cost, SecureRandom random) {
      byte[] salt = new byte[SALT_BYTES];
      random.nextBytes(salt);
      return new Header(cost, salt);
    }
  }

  private KeyFile() {}

  /** The key that encrypts the secrets: Argon2id (RFC 9106, version 0x13) of the passphrase. */
  static byte[] deriveKey(Header header, char[] passphrase) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(header.cost().memoryKiB())
            .withIterations(header.cost().iterations())
            .withParallelism(header.cost().parallelism())
            .withSalt(header.salt())
            .build();
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(params);
    byte[] key = new byte[32];
    gen.generateBytes(passphrase, key);
    return key;
  }

  static void write(Path file, Header header, byte[] derivedKey, byte[] secrets)
      throws IOException {
    try {
      byte[] ct = new AesGcmJce(derivedKey).encrypt(secrets, header.associatedData());
      ObjectNode root = JSON.createObjectNode();
      root.put("format", FORMAT);
      ObjectNode kdf = root.putObject("kdf");
      kdf.put("algorithm", "argon2id");
      kdf.put("version", 19);
      kdf.put("memoryKiB", header.cost().memoryKiB());
      kdf.put("iterations", header.cost().iterations());
      kdf.put("parallelism", header.cost().parallelism());
      kdf.put("salt", Base64.getEncoder().encodeToString(header.salt()));
      root.put("check", Base64.getEncoder().encodeToString(check(derivedKey)));
      root.put("keyset", Base64.getEncoder().encodeToString(ct));
      AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt the key file", e);
    }
  }

  static Header readHeader(Path file) {
    return parse(file).header();
  }

  /** The decrypted secrets, or a one-line {@link BadInputException} naming the file. */
  static byte[] read(Path file, Header header, byte[] derivedKey) {
    Parsed p = parse(file);
    if (!MessageDigest.isEqual(check(derivedKey), p.check())) {
      throw new BadInputException(file.toString(), "wrong passphrase for the workspace keys");
    }
    try {
      return new AesGcmJce(derivedKey).decrypt(p.ciphertext(), header.associatedData());
    } catch (GeneralSecurityException e) {
      throw new BadInputException(
          file.toString(),
          "the key file is damaged (the passphrase is right but the keys do not authenticate);"
              + " restore it from your offline copy");
    }
  }

  private record Parsed(Header header, byte[] check, byte[] ciphertext) {}

  private static Parsed parse(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          file.toString(), "no workspace keys here; create them with: tumen keys init");
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read the key file: " + e.getMessage());
    }
    try {
      JsonNode root = JSON.readTree(bytes);
      if (root == null || !FORMAT.equals(root.path("format").asText())) {
        throw new IllegalArgumentException("not a " + FORMAT + " file");
      }
      JsonNode kdf = root.path("kdf");
      if (!"argon2id".equals(kdf.path("algorithm").asText()) || kdf.path("version").asInt() != 19) {
        throw new IllegalArgumentException("unknown key derivation");
      }
      Argon2Cost cost =
          new Argon2Cost(
              kdf.path("memoryKiB").asInt(),
              kdf.path("iterations").asInt(),
              kdf.path("parallelism").asInt());
      if (cost.memoryKiB() > 4 * 1024 * 1024 || cost.iterations() > 100) {
        throw new IllegalArgumentException("implausible Argon2 cost");
      }
      // More than this runtime can give would end in an OutOfMemoryError, not a message.
      long heap = Runtime.getRuntime().maxMemory();
      if (cost.memoryKiB() * 1024L > heap / 2) {
        throw new IllegalArgumentException(
            "its Argon2 memory of "
                + cost.memoryKiB() / 1024
                + " MiB is more than half of this Java runtime's "
                + heap / (1024 * 1024)
                + " MiB heap");
      }
      byte[] salt = Base64.getDecoder().decode(kdf.path("salt").asText());
      byte[] check = Base64.getDecoder().decode(root.path("check").asText());
      byte[] ct = Base64.getDecoder().decode(root.path("keyset").asText());
      if (salt.length != SALT_BYTES || check.length != 16 || ct.length < 28) {
        throw new IllegalArgumentException("fields of the wrong length");
      }
      return new Parsed(new Header(cost, salt), check, ct);
    } catch (IOException | IllegalArgumentException e) {
      throw new BadInputException(
          file.toString(),
          "the key file is damaged ("
              + e.getMessage().lines().findFirst().orElse("")
              + "); restore it from your offline copy");
    }
  }

  /**
   * A 16-byte value that tells a wrong passphrase from a damaged file. It lets an attacker test a
   * guess no faster than the ciphertext's own tag does: each guess still costs one Argon2id run.
   */
  private static byte[] check(byte[] derivedKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(derivedKey, "HmacSHA256"));
      return Arrays.copyOf(
          mac.doFinal("tumen passphrase check".getBytes(StandardCharsets.US_ASCII)), 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }
}
