package org.tumen.store.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.subtle.AesGcmJce;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AesGcmTest {

  private static final RandomPool POOL = new RandomPool(new SecureRandom());
  private static final byte[] AD = "record|7|values|3".getBytes(StandardCharsets.UTF_8);

  @Property(tries = 200)
  void opensWhatItSealsAndTinkAgreesOnTheLayout(
      @ForAll @Size(32) byte[] key, @ForAll @Size(max = 300) byte[] plaintext) throws Exception {
    AesGcm ours = new AesGcm(key, POOL);
    AesGcmJce tink = new AesGcmJce(key);
    byte[] sealed = ours.encrypt(plaintext, AD);
    assertThat(sealed).hasSize(AesGcm.NONCE + plaintext.length + AesGcm.TAG);
    assertThat(ours.decrypt(sealed, AD)).isEqualTo(plaintext);
    assertThat(tink.decrypt(sealed, AD)).isEqualTo(plaintext);
    assertThat(ours.decrypt(tink.encrypt(plaintext, AD), AD)).isEqualTo(plaintext);
  }

  @Test
  void everyAlteredByteOrOtherAssociatedDataFails() throws Exception {
    AesGcm aead = new AesGcm(POOL.next(32), POOL);
    byte[] sealed = aead.encrypt("김영희|1975-03-09".getBytes(StandardCharsets.UTF_8), AD);
    for (int i = 0; i < sealed.length; i++) {
      byte[] altered = sealed.clone();
      altered[i] ^= 0x40;
      assertThatThrownBy(() -> aead.decrypt(altered, AD))
          .isInstanceOf(GeneralSecurityException.class);
    }
    byte[] otherRow = "record|8|values|3".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> aead.decrypt(sealed, otherRow))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> new AesGcm(POOL.next(32), POOL).decrypt(sealed, AD))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> aead.decrypt(new byte[AesGcm.NONCE + AesGcm.TAG - 1], AD))
        .isInstanceOf(GeneralSecurityException.class);
    // A failed open leaves the thread's cipher usable.
    assertThat(aead.decrypt(aead.encrypt(new byte[] {1}, AD), AD)).containsExactly(1);
  }

  @Test
  void theSamePlaintextSealsDifferentlyEachTime() throws Exception {
    AesGcm aead = new AesGcm(POOL.next(32), POOL);
    byte[] p = "same".getBytes(StandardCharsets.UTF_8);
    assertThat(aead.encrypt(p, AD)).isNotEqualTo(aead.encrypt(p, AD));
  }

  @Test
  void refusesKeysOfAnotherSize() {
    assertThatThrownBy(() -> new AesGcm(new byte[16], POOL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePoolHandsOutEachByteOnce() {
    RandomPool pool = new RandomPool(new SecureRandom());
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < 2000; i++) {
      // 2000 x 12 bytes crosses several 4 KiB refills; a repeat would mean bytes handed out twice.
      assertThat(seen.add(java.util.HexFormat.of().formatHex(pool.next(12)))).isTrue();
    }
    assertThat(pool.next(10_000)).hasSize(10_000).isNotEqualTo(new byte[10_000]);
  }
}
