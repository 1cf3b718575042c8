package org.tumen.store.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;

class WorkspaceKeysTest {

  @TempDir Path dir;

  @Test
  void unlocksWithThePassphraseAndOpensWhatItWrapped() throws Exception {
    WorkspaceKeys k = TestKeys.init(dir);
    byte[] wrapped = fresh(k, 1000);
    WorkspaceKeys again = WorkspaceKeys.unlock(dir, TestKeys.PASSPHRASE.clone());
    assertThat(again.unwrapDataKey(1000, wrapped)).hasSize(32);
    assertThat(Files.readString(WorkspaceKeys.file(dir))).contains("\"memoryKiB\" : 64");
  }

  @Test
  void theRealCostIsAtLeast64MiB() {
    assertThat(Argon2Cost.RFC9106_SECOND.memoryKiB()).isGreaterThanOrEqualTo(64 * 1024);
  }

  @Test
  void wrongPassphraseIsOneClearLineAndChangesNothing() throws Exception {
    TestKeys.init(dir);
    byte[] before = Files.readAllBytes(WorkspaceKeys.file(dir));
    assertThatThrownBy(() -> WorkspaceKeys.unlock(dir, "not the passphrase".toCharArray()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("wrong passphrase")
        .hasMessageNotContaining("\n");
    assertThat(Files.readAllBytes(WorkspaceKeys.file(dir))).isEqualTo(before);
  }

  @Test
  void aDamagedKeyFileIsNamedAsDamaged() throws Exception {
    TestKeys.init(dir);
    Path f = WorkspaceKeys.file(dir);
    String json = Files.readString(f);
    int at = json.indexOf("\"keyset\" : \"") + 14;
    char c = json.charAt(at);
    Files.writeString(f, json.substring(0, at) + (c == 'A' ? 'B' : 'A') + json.substring(at + 1));
    assertThatThrownBy(() -> WorkspaceKeys.unlock(dir, TestKeys.PASSPHRASE.clone()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("damaged");

    Files.writeString(f, "{ not json");
    assertThatThrownBy(() -> WorkspaceKeys.unlock(dir, TestKeys.PASSPHRASE.clone()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("damaged");
  }

  @Test
  void aDowngradedCostIsDetected() throws Exception {
    TestKeys.init(dir);
    Path f = WorkspaceKeys.file(dir);
    Files.writeString(f, Files.readString(f).replace("\"iterations\" : 1", "\"iterations\" : 2"));
    // The parameters are associated data: changing them changes the key and the check value.
    assertThatThrownBy(() -> WorkspaceKeys.unlock(dir, TestKeys.PASSPHRASE.clone()))
        .isInstanceOf(BadInputException.class);
  }

  @Test
  void changingThePassphraseKeepsTheKeys() throws Exception {
    WorkspaceKeys k = TestKeys.init(dir);
    byte[] wrapped = fresh(k, 2000);
    k.changePassphrase("a new passphrase".toCharArray());
    assertThatThrownBy(() -> WorkspaceKeys.unlock(dir, TestKeys.PASSPHRASE.clone()))
        .hasMessageContaining("wrong passphrase");
    WorkspaceKeys again = WorkspaceKeys.unlock(dir, "a new passphrase".toCharArray());
    assertThat(again.unwrapDataKey(2000, wrapped)).isEqualTo(k.unwrapDataKey(2000, wrapped));
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
        .containsExactly(WorkspaceKeys.FILE_NAME);
  }

  @Test
  void rotationRewrapsWithoutChangingTheDataKey() throws Exception {
    WorkspaceKeys k = TestKeys.init(dir);
    byte[] wrapped = fresh(k, 3000);
    byte[] dek = k.unwrapDataKey(3000, wrapped);
    assertThat(k.wrappedUnderPrimary(wrapped)).isTrue();
    k.addWrapPrimary();
    assertThat(k.wrappedUnderPrimary(wrapped)).isFalse();
    byte[] rewrapped = k.rewrapDataKey(3000, wrapped);
    assertThat(k.wrappedUnderPrimary(rewrapped)).isTrue();
    WorkspaceKeys again = WorkspaceKeys.unlock(dir, TestKeys.PASSPHRASE.clone());
    assertThat(again.wrapKeyCount()).isEqualTo(2);
    assertThat(again.unwrapDataKey(3000, rewrapped)).isEqualTo(dek);
    // The old wrapping stays readable, for backups taken before the rotation.
    assertThat(again.unwrapDataKey(3000, wrapped)).isEqualTo(dek);
  }

  @Test
  void unwrapGivesBackTheKeyAndEachWrapIsFresh() throws Exception {
    WorkspaceKeys k = TestKeys.init(dir);
    byte[] dek = new byte[32];
    new java.security.SecureRandom().nextBytes(dek);
    byte[] once = k.wrapDataKey(8000, dek);
    byte[] twice = k.wrapDataKey(8000, dek);
    // A fresh salt (inner pad) and a fresh nonce (outer AEAD) per wrap.
    assertThat(once).isNotEqualTo(twice);
    WorkspaceKeys again = WorkspaceKeys.unlock(dir, TestKeys.PASSPHRASE.clone());
    assertThat(again.unwrapDataKey(8000, once)).isEqualTo(dek);
    assertThat(again.unwrapDataKey(8000, twice)).isEqualTo(dek);
  }

  @Test
  void anAlteredWrappedKeyDoesNotOpen() throws Exception {
    WorkspaceKeys k = TestKeys.init(dir);
    byte[] wrapped = fresh(k, 9000);
    for (int i = 0; i < wrapped.length; i++) {
      byte[] altered = wrapped.clone();
      altered[i] ^= 0x01;
      assertThatThrownBy(() -> k.unwrapDataKey(9000, altered))
          .isInstanceOf(GeneralSecurityException.class);
    }
  }

  @Test
  void aWrappedKeyMovedToAnotherPersonDoesNotOpen() throws Exception {
    WorkspaceKeys k = TestKeys.init(dir);
    byte[] wrapped = fresh(k, 4000);
    assertThatThrownBy(() -> k.unwrapDataKey(5000, wrapped))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void forgettingSurvivesReopeningAndSparesOthers() throws Exception {
    WorkspaceKeys k = TestKeys.init(dir);
    byte[] a = fresh(k, 6000);
    byte[] b = fresh(k, 7000);
    k.forget(6000);
    WorkspaceKeys again = WorkspaceKeys.unlock(dir, TestKeys.PASSPHRASE.clone());
    assertThat(again.forgotten()).containsExactly(6000L);
    assertThatThrownBy(() -> again.unwrapDataKey(6000, a))
        .isInstanceOf(GeneralSecurityException.class);
    assertThat(again.unwrapDataKey(7000, b)).hasSize(32);
    assertThat(new String(Files.readAllBytes(WorkspaceKeys.file(dir)), StandardCharsets.UTF_8))
        .doesNotContain("6000");
  }

  @Test
  void refusesShortPassphrasesAndASecondInit() {
    assertThatThrownBy(() -> WorkspaceKeys.init(dir, "short".toCharArray(), TestKeys.CHEAP))
        .isInstanceOf(BadInputException.class);
    TestKeys.init(dir);
    assertThatThrownBy(() -> TestKeys.init(dir)).hasMessageContaining("already has keys");
  }

  /** A new random data key for {@code personId}, wrapped. */
  private static byte[] fresh(WorkspaceKeys k, long personId) throws GeneralSecurityException {
    byte[] dek = new byte[32];
    new java.security.SecureRandom().nextBytes(dek);
    return k.wrapDataKey(personId, dek);
  }
}
