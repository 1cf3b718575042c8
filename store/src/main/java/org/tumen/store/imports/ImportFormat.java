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
    return byName(file.getFileName().toString());
  }

  /** The format named by a file name's extension ({@code .csv}, {@code .txt}, {@code .xlsx}). */
  public static Optional<ImportFormat> byName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv") || name.endsWith(".txt")) {
      return Optional.of(CSV);
    }
    if (name.endsWith(".xlsx")) {
      return Optional.of(XLSX);
    }
    return Optional.empty();
  }

  /**
   * Checks that a file's first bytes are of this format, whatever its name says: an XLSX workbook
   * is a ZIP archive; CSV is text, so no NUL byte and not a ZIP, OLE2 (old .xls) or PDF file.
   *
   * @throws ImportProblem of kind {@code NOT_THIS_FORMAT} when they are not
   */
  void checkContent(byte[] head, String where) {
    boolean zip = startsWith(head, 'P', 'K', 3, 4);
    if (this == XLSX) {
      if (!zip) {
        throw new ImportProblem(
            where,
            ImportProblem.Kind.NOT_THIS_FORMAT,
            "not an XLSX workbook: its content is not a ZIP archive; save it as .xlsx or as CSV",
            "xlsx");
      }
      return;
    }
    boolean binary =
        zip || startsWith(head, 0xD0, 0xCF, 0x11, 0xE0) || startsWith(head, '%', 'P', 'D', 'F');
    for (int i = 0; i < head.length && !binary; i++) {
      binary = head[i] == 0;
    }
    if (binary) {
      throw new ImportProblem(
          where,
          ImportProblem.Kind.NOT_THIS_FORMAT,
          "not CSV text: its content is a workbook, a PDF or other binary data; save it as CSV in"
              + " UTF-8",
          "csv");
    }
  }

  private static boolean startsWith(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
