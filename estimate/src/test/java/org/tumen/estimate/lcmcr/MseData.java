package org.tumen.estimate.lcmcr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.tumen.estimate.CaptureTable;

/**
 * Reads the published capture tables of {@code /work/shared/data/mse} (CSV: one 0/1 column per
 * list, then {@code count}) for tests; column i becomes bit i of the pattern.
 */
public final class MseData {
  private MseData() {}

  public static CaptureTable table(String fileName) {
    Path file = directory().resolve(fileName);
    try {
      List<String> lines = Files.readAllLines(file);
      String[] header = lines.get(0).split(",");
      int lists = header.length - 1;
      long[] counts = new long[1 << lists];
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",");
        int pattern = 0;
        for (int i = 0; i < lists; i++) {
          pattern |= Integer.parseInt(cells[i].trim()) << i;
        }
        counts[pattern] += Long.parseLong(cells[lists].trim());
      }
      return new CaptureTable(Arrays.asList(header).subList(0, lists), counts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared data folder, found by walking up from the working directory. */
  static Path directory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data/mse");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/data/mse not found above " + Path.of("").toAbsolutePath());
  }
}
