package org.tumen.store.imports;

/**
 * Finds where an RFC 4180 record's quoting goes wrong, for the error message only: commons-csv says
 * that it failed, not in which column.
 */
final class QuoteScan {

  private QuoteScan() {}

  /**
   * @param text the record's text, its physical lines joined with '\n'
   * @return {line offset within text (0-based), column (1-based, 0 if not found), 1 if a quoted
   *     value is never closed else 0}
   */
  static int[] locate(String text, char delimiter) {
    int column = 1;
    int line = 0;
    int quoteLine = 0;
    int quoteColumn = 0;
    boolean fieldStart = true;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            i++;
          } else {
            quoted = false;
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\n';
            if (next != delimiter && next != '\n' && next != '\r') {
              return new int[] {line, column, 0};
            }
          }
        } else if (c == '\n') {
          line++;
        }
        continue;
      }
      if (c == '\n') {
        line++;
        column = 1;
        fieldStart = true;
      } else if (c == delimiter) {
        column++;
        fieldStart = true;
      } else if (c == '"' && fieldStart) {
        quoted = true;
        quoteLine = line;
        quoteColumn = column;
      } else {
        fieldStart = false;
      }
    }
    return quoted ? new int[] {quoteLine, quoteColumn, 1} : new int[] {line, 0, 0};
  }
}
