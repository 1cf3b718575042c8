package org.tumen.store.documentation;

/**
 * A map from {@code long} keys to values, by open addressing: {@link CountingReader}'s cache of
 * date ranges, looked up once for each of a million records, where a {@code HashMap<Long, ...>}
 * made a {@code Long} at every look-up (a twentieth of a cold {@code tumen count}'s allocation,
 * docs/benchmarks.md "cold13"). Keys are expected well mixed (the reader multiplies them by an odd
 * constant). Not thread-safe.
 */
final class LongMap<V> {
  private long[] keys = new long[64];
  private Object[] values = new Object[64];
  private int size;

  @SuppressWarnings("unchecked")
  V get(long key) {
    int mask = keys.length - 1;
    for (int at = slot(key, mask); values[at] != null; at = (at + 1) & mask) {
      if (keys[at] == key) {
        return (V) values[at];
      }
    }
    return null;
  }

  /** Puts {@code value} (not null) under {@code key}, in place of any value it had. */
  void put(long key, V value) {
    if (value == null) {
      throw new IllegalArgumentException("no null values");
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    if (insert(keys, values, key, value)) {
      size++;
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] k = new long[keys.length * 2];
    Object[] v = new Object[values.length * 2];
    for (int i = 0; i < keys.length; i++) {
      if (values[i] != null) {
        insert(k, v, keys[i], values[i]);
      }
    }
    keys = k;
    values = v;
  }

  /** Whether the key is new. */
  private static boolean insert(long[] keys, Object[] values, long key, Object value) {
    int mask = keys.length - 1;
    int at = slot(key, mask);
    while (values[at] != null) {
      if (keys[at] == key) {
        values[at] = value;
        return false;
      }
      at = (at + 1) & mask;
    }
    keys[at] = key;
    values[at] = value;
    return true;
  }

  private static int slot(long key, int mask) {
    return (int) (key ^ (key >>> 32)) & mask;
  }
}
