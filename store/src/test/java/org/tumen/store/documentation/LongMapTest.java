package org.tumen.store.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongMapTest {

  @Test
  void holdsWhatAHashMapHolds() {
    SplittableRandom random = new SplittableRandom(13);
    LongMap<String> map = new LongMap<>();
    Map<Long, String> expected = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      // few distinct keys at first, then many, so that some are put again and the table grows
      long key =
          random.nextLong(i < 1_000 ? 100 : Long.MAX_VALUE) * (random.nextBoolean() ? 1 : -1);
      String value = "v" + i;
      map.put(key, value);
      expected.put(key, value);
      long probe = random.nextLong();
      assertThat(map.get(probe)).isEqualTo(expected.get(probe));
    }
    assertThat(map.size()).isEqualTo(expected.size());
    for (Map.Entry<Long, String> e : expected.entrySet()) {
      assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
    }
    assertThat(map.get(0L)).isEqualTo(expected.get(0L));
  }
}
