package org.tumen.store.imports;

import java.util.List;
import java.util.Objects;
import org.tumen.model.BadInputException;

/**
 * A list file refused by the import, with the kind of problem and its values as data, so that a
 * caller in another language than English (the web application) can say it in its own words; the
 * message stays the English line the command line prints.
 */
public final class ImportProblem extends BadInputException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the file; each kind's arguments are listed beside it. */
  public enum Kind {
    /** The file has no bytes. */
    EMPTY,
    /** Nothing but blank lines: no header row. */
    NO_HEADER,
    /** A header row and nothing else. */
    NO_RECORDS,
    /** Content that is not what its name says: (the format named, in lower case). */
    NOT_THIS_FORMAT,
    /** A name that is not .csv, .txt or .xlsx. */
    UNKNOWN_FORMAT,
    /** Bytes neither UTF-8 nor EUC-KR/CP949 read. */
    ENCODING,
    /** A quoted value never closed, or characters after a closing quote. */
    QUOTING,
    /** (values, columns) */
    VALUE_COUNT,
    /** No column is the record id. */
    NO_ID_COLUMN,
    /** No column is a name. */
    NO_NAME_COLUMN,
    /** (header) two columns say the same thing. */
    DUPLICATE_COLUMN,
    /** A blank record id. */
    ID_BLANK,
    /** A record id over 200 characters. */
    ID_TOO_LONG,
    /** (line) the same record id as an earlier line. */
    ID_DUPLICATE,
    /** A value right of the header's last column. */
    VALUE_BEYOND,
    /** (detail) a value the import cannot take, e.g. a date that cannot be. */
    VALUE,
    /** The list's name is taken by another file. */
    LIST_TAKEN,
    /** The workbook cannot be read as XLSX. */
    NOT_XLSX
  }

  private final Kind kind;
  private final List<String> arguments;

  public ImportProblem(String where, Kind kind, String problem, Object... arguments) {
    this(where, kind, problem, null, arguments);
  }

  public ImportProblem(
      String where, Kind kind, String problem, Throwable cause, Object... arguments) {
    super(where, problem, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.arguments = java.util.Arrays.stream(arguments).map(String::valueOf).toList();
  }

  public Kind kind() {
    return kind;
  }

  /** The kind's values, as text, in the order its Javadoc lists them. */
  public List<String> arguments() {
    return arguments;
  }
}
