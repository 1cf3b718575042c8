package org.tumen.store.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.store.identity.FieldSealer;

class TinkCodecTest {

  @TempDir Path dir;
  TinkCodec codec;
  FieldSealer kim;
  byte[] kimKey;

  @BeforeEach
  void keys() {
    codec = new TinkCodec(TestKeys.init(dir));
    kimKey = codec.newPersonKey(1000);
    kim = codec.sealerFor(1000, kimKey);
  }

  @Test
  void sealsAndOpensEveryScript() {
    for (String name : new String[] {"김영희", "金英姬", "Kim Yong-hui", "1975년 3월 9일"}) {
      byte[] sealed = kim.seal("record", 2001, "full_name", name);
      assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(name);
      assertThat(indexOf(sealed, name.getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
      assertThat(kim.open("record", 2001, "full_name", sealed)).isEqualTo(name);
    }
  }

  @Test
  void aValueMovedAnywhereElseDoesNotOpen() {
    byte[] sealed = kim.seal("record", 2001, "full_name", "김영희");
    assertThatThrownBy(() -> kim.open("record", 2002, "full_name", sealed))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> kim.open("record", 2001, "birthplace", sealed))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> kim.open("event", 2001, "full_name", sealed))
        .isInstanceOf(IllegalStateException.class);
    FieldSealer lee = codec.sealerFor(3000, codec.newPersonKey(3000));
    assertThatThrownBy(() -> lee.open("record", 2001, "full_name", sealed))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFlippedBitDoesNotOpen() {
    byte[] sealed = kim.seal("record", 2001, "full_name", "김영희");
    for (int i = 0; i < sealed.length; i++) {
      byte[] bad = sealed.clone();
      bad[i] ^= 1;
      assertThatThrownBy(() -> kim.open("record", 2001, "full_name", bad))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void theWrappedKeyOfAnotherPersonIsRefused() {
    codec.evict(3000);
    assertThatThrownBy(() -> codec.sealerFor(3000, kimKey))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("3000");
  }

  @Test
  void valuesOfNoSinglePersonAreSealedToo() {
    FieldSealer shared = codec.sealerFor(0, null);
    byte[] sealed = shared.seal("event", 5000, "summary", "Detained at the border (synthetic)");
    assertThat(shared.open("event", 5000, "summary", sealed)).contains("synthetic");
    assertThatThrownBy(() -> shared.open("event", 5001, "summary", sealed))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void blindIndexesAreKeyedCoarseAndFieldSeparated() {
    byte[] a = codec.blindIndex("surname_year", "kim|1975");
    assertThat(a).hasSize(TinkCodec.DEFAULT_INDEX_BITS / 8);
    assertThat(codec.blindIndex("surname_year", "kim|1975")).isEqualTo(a);
    // Keying and field separation, seen at 16 bits: the default 8 would agree by chance too often
    // for this test to tell.
    TinkCodec wide = new TinkCodec(TestKeys.init(dir.resolve("wide")), 16);
    TinkCodec other = new TinkCodec(TestKeys.init(dir.resolve("other")), 16);
    int same = 0;
    int sameField = 0;
    for (int y = 1900; y < 2000; y++) {
      byte[] x = wide.blindIndex("surname_year", "kim|" + y);
      if (java.util.Arrays.equals(x, other.blindIndex("surname_year", "kim|" + y))) {
        same++;
      }
      if (java.util.Arrays.equals(x, wide.blindIndex("given_year", "kim|" + y))) {
        sameField++;
      }
    }
    // 100 draws from 65,536 buckets: a chance agreement is rare (p ~ 0.0015 each way).
    assertThat(same).isLessThanOrEqualTo(1);
    assertThat(sameField).isLessThanOrEqualTo(1);
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
