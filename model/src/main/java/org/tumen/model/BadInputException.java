package org.tumen.model;

import java.util.Objects;

/**
 * Input that a user can fix: a malformed file, an impossible value, a spec naming a missing column.
 *
 * <p>Every module throws this (or a subclass) for bad input; the command line turns it into exit
 * status 2 and prints {@link #getMessage()} as its single line. The message says where (file, line,
 * column when known) and what is wrong, so it must never contain an identity from the input.
 */
public class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String where;
  private final String problem;

  /**
   * @param where the place of the problem, e.g. {@code "lists/a.csv:12:3"} or {@code "--model"};
   *     may be empty when the problem has no place
   * @param problem what is wrong, and if possible how to fix it
   */
  public BadInputException(String where, String problem) {
    this(where, problem, null);
  }

  public BadInputException(String where, String problem, Throwable cause) {
    super(where == null || where.isEmpty() ? problem : where + ": " + problem, cause);
    this.where = where == null ? "" : where;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** A place string {@code file:line:column}, omitting the parts that are unknown (null or < 1). */
  public static String at(String file, long line, int column) {
    StringBuilder sb = new StringBuilder(file == null ? "" : file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.toString();
  }

  public String where() {
    return where;
  }

  public String problem() {
    return problem;
  }
}
