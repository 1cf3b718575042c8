package org.tumen.store.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ForgetTreeTest {

  @Property(tries = 50)
  void puncturingDestroysExactlyThoseLeaves(
      @ForAll @Size(min = 1, max = 8) List<@LongRange(min = 0, max = 5000) Long> forgotten,
      @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 0, max = 5000) Long> probes)
      throws Exception {
    ForgetTree t = ForgetTree.generate(new SecureRandom());
    List<byte[]> before = probes.stream().map(p -> key(t, p)).toList();
    for (long f : forgotten) {
      t.puncture(f);
    }
    ForgetTree reread = roundTrip(t);
    Set<Long> gone = new HashSet<>(forgotten);
    for (int i = 0; i < probes.size(); i++) {
      long p = probes.get(i);
      if (gone.contains(p)) {
        assertThat(reread.alive(p)).isFalse();
        assertThatThrownBy(() -> reread.leafKey(p)).isInstanceOf(GeneralSecurityException.class);
      } else {
        // Every other leaf derives the same key as before, so older backups still open.
        assertThat(reread.leafKey(p)).isEqualTo(before.get(i));
      }
    }
  }

  @Test
  void cachedPathGivesTheSameKeysAsAFreshDerivation() throws Exception {
    ForgetTree t = ForgetTree.generate(new SecureRandom());
    ForgetTree copy = roundTrip(t);
    long[] order = {1000, 2000, 3000, 7, ForgetTree.LEAVES - 1, 2000, 0, 123_456_789};
    for (long leaf : order) {
      ForgetTree fresh = roundTrip(copy);
      assertThat(t.leafKey(leaf)).isEqualTo(fresh.leafKey(leaf));
    }
    assertThat(t.leafKey(1)).isNotEqualTo(t.leafKey(2));
  }

  @Test
  void frontierGrowsByAtMostTheDepthPerPuncture() throws Exception {
    ForgetTree t = ForgetTree.generate(new SecureRandom());
    for (int i = 0; i < 100; i++) {
      t.puncture(1000L * i);
    }
    assertThat(t.size()).isLessThanOrEqualTo(100 * ForgetTree.DEPTH);
    t.puncture(0); // idempotent
    assertThat(t.alive(1)).isTrue();
  }

  @Test
  void rejectsLeavesOutsideTheTree() {
    ForgetTree t = ForgetTree.generate(new SecureRandom());
    assertThatThrownBy(() -> t.leafKey(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.leafKey(ForgetTree.LEAVES))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] key(ForgetTree t, long leaf) {
    try {
      return t.leafKey(leaf);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static ForgetTree roundTrip(ForgetTree t) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      t.write(out);
    }
    return ForgetTree.read(new DataInputStream(new ByteArrayInputStream(b.toByteArray())));
  }
}
