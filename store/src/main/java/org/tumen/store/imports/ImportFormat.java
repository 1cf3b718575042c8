package org.tumen.store.imports;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats an organisation's list can come in. */
public enum ImportFormat {
  CSV,
  XLSX;

  /** The format named by a file's extension ({@code .csv}, {@code .txt}, {@code .xlsx}). */
  public static Optional<ImportFormat> byExtension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv") || name.endsWith(".txt")) {
      return Optional.of(CSV);
    }
    if (name.endsWith(".xlsx")) {
      return Optional.of(XLSX);
    }
    return Optional.empty();
  }
}
