package org.tumen.store.imports;

import java.util.List;

/** Receives a table as a file reader finds it: the header row once, then each data row. */
public interface TableSink {

  /**
   * @param line the header's line (CSV) or row number (XLSX), from 1
   */
  void header(List<String> headers, long line);

  /**
   * @param line the line (CSV: where the row starts) or row number (XLSX), from 1
   * @param values the row's values; blank cells are empty strings, never null
   */
  void row(long line, String[] values);
}
