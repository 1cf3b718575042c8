package org.tumen.report.disclosure;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One reason a finished publication may not go out, with where it is. The text never holds the
 * identity it found (a person is named by their pseudonymous id), so findings can be printed and
 * logged.
 *
 * @param file the published file, relative to the checked folder
 * @param line 1-based line of the text (of the extracted text for a PDF), 0 when not known
 * @param column 1-based column in that line, 0 when not known
 */
public record Finding(Path file, int line, int column, Kind kind, String what) {

  /** What was found. */
  public enum Kind {
    /** A person's full name, in any script or romanization. */
    NAME,
    /** A person's given name alone (two syllables or more). */
    GIVEN_NAME,
    /** A person's full birth date. */
    BIRTH_DATE,
    /** A published count below the threshold. */
    SMALL_CELL,
    /** A suppressed count the published cells and totals pin to a too narrow interval. */
    RECOVERABLE_CELL,
    /** A count table that cannot be read or whose totals contradict its cells. */
    UNREADABLE_TABLE,
    /** A file that cannot be read at all. */
    UNREADABLE_FILE
  }

  public Finding {
    Objects.requireNonNull(file);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(what);
  }

  /** {@code file:line:column: kind: what}, the form {@code tumen publish} prints. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(file.toString());
    if (line > 0) {
      s.append(':').append(line);
      if (column > 0) {
        s.append(':').append(column);
      }
    }
    return s.append(": ")
        .append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
        .append(": ")
        .append(what)
        .toString();
  }
}
