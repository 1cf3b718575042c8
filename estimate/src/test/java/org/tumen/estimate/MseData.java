package org.tumen.estimate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared reference tables of /work/shared/data/mse (read-only): each CSV has a note beside it
 * ({@code NAME.md}) with the published figures and their sources, which the tests quote.
 */
public final class MseData {
  private MseData() {}

  /** The directory, found from the module or the repository root; tests skip when it is absent. */
  public static Path directory() {
    for (String candidate : List.of("../shared/data/mse", "../../shared/data/mse")) {
      Path p = Path.of(candidate).toAbsolutePath().normalize();
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    assumeTrue(false, "shared/data/mse not found beside the repository");
    return null;
  }

  public static CaptureTable table(String name) {
    return CaptureTables.readCsv(directory().resolve(name + ".csv"));
  }
}
