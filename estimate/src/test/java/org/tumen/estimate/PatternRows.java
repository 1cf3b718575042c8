package org.tumen.estimate;

import java.util.List;

/**
 * Capture tables written in tests as "pattern count" lines, the pattern's i-th character for list
 * i.
 */
public final class PatternRows {
  private PatternRows() {}

  public static CaptureTable table(List<String> lists, String... rows) {
    long[] counts = new long[1 << lists.size()];
    for (String row : rows) {
      String[] f = row.split(" ");
      int p = 0;
      for (int i = 0; i < f[0].length(); i++) {
        p |= (f[0].charAt(i) - '0') << i;
      }
      counts[p] = Long.parseLong(f[1]);
    }
    return new CaptureTable(lists, counts);
  }
}
