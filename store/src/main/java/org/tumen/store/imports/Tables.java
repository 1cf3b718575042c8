package org.tumen.store.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tumen.model.BadInputException;

/**
 * Reads a CSV or XLSX table with the readers of list import (encoding detection, quote errors at
 * file:line:column, streaming XLSX), for imports other than lists, such as documentation.
 */
public final class Tables {

  private Tables() {}

  /**
   * @throws BadInputException for a missing, empty or unreadable file, a format the name does not
   *     tell, or a malformed table
   */
  public static void read(Path file, TableSink sink) {
    String where = file.toString();
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new BadInputException(where, "no such file, or it cannot be read");
    }
    ImportFormat fmt =
        ImportFormat.byExtension(file)
            .orElseThrow(() -> new BadInputException(where, "not a .csv, .txt or .xlsx file name"));
    try {
      if (Files.size(file) == 0) {
        throw new BadInputException(where, "the file is empty");
      }
      if (fmt == ImportFormat.CSV) {
        ListFile f = ListFile.of(file);
        CsvTable.read(f, FileScan.csv(f, where).charset(), where, sink);
      } else {
        XlsxTable.read(ListFile.of(file), where, sink);
      }
    } catch (IOException e) {
      throw new BadInputException(where, "cannot read the file: " + e.getMessage());
    }
  }
}
