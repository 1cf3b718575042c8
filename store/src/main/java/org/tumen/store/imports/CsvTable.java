package org.tumen.store.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tumen.model.BadInputException;

/**
 * Reads a CSV file (RFC 4180, as spreadsheets write it) with commons-csv. The delimiter is a comma
 * unless the header row has more semicolons or tabs; a UTF-8 byte-order mark is skipped; blank
 * lines are skipped. A quoting error is reported at its line and column.
 */
final class CsvTable {

  /** How far past a record's start a quoting error is looked for, to bound the error path. */
  private static final long MAX_SCAN_LINES = 10_000;

  private CsvTable() {}

  static void read(ListFile file, Charset charset, String where, TableSink sink)
      throws IOException {
    char delimiter;
    try (BufferedReader first = open(file, charset)) {
      delimiter = delimiter(first.readLine());
    }
    CSVFormat format =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    long start = 1;
    try (Reader reader = open(file, charset);
        CSVParser parser = format.parse(reader)) {
      Iterator<CSVRecord> rows = parser.iterator();
      boolean header = true;
      try {
        while (rows.hasNext()) {
          CSVRecord r = rows.next();
          long line = start;
          start = parser.getCurrentLineNumber() + 1;
          if (r.size() == 1 && r.get(0).isEmpty()) {
            continue;
          }
          if (header) {
            sink.header(Arrays.asList(r.values()), line);
            header = false;
          } else {
            sink.row(line, r.values());
          }
        }
      } catch (UncheckedIOException e) {
        throw quoteError(file, charset, where, delimiter, start, parser.getCurrentLineNumber(), e);
      }
    }
  }

  private static BufferedReader open(ListFile file, Charset charset) throws IOException {
    BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                file.open(),
                charset
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            1 << 16);
    r.mark(1);
    if (r.read() != '\uFEFF') {
      r.reset();
    }
    return r;
  }

  private static char delimiter(String headerLine) {
    if (headerLine == null) {
      return ',';
    }
    long commas = headerLine.chars().filter(c -> c == ',').count();
    long semicolons = headerLine.chars().filter(c -> c == ';').count();
    long tabs = headerLine.chars().filter(c -> c == '\t').count();
    if (tabs > commas && tabs >= semicolons) {
      return '\t';
    }
    return semicolons > commas ? ';' : ',';
  }

  /**
   * Turns commons-csv's complaint into one line naming the line and column. The record that failed
   * began on {@code recordLine}; the parser stopped on {@code errorLine}.
   */
  private static BadInputException quoteError(
      ListFile file,
      Charset charset,
      String where,
      char delimiter,
      long recordLine,
      long errorLine,
      UncheckedIOException e)
      throws IOException {
    String text;
    try (BufferedReader r = open(file, charset)) {
      long span = Math.min(MAX_SCAN_LINES, Math.max(1, errorLine - recordLine + 1));
      List<String> lines = r.lines().skip(recordLine - 1).limit(span).toList();
      text = String.join("\n", lines);
    }
    int[] found = QuoteScan.locate(text, delimiter);
    boolean unclosed = found[2] == 1;
    long line = unclosed ? recordLine : recordLine + found[0];
    String problem =
        unclosed
            ? "a quoted value is never closed (a \" opens it and no \" ends it)"
            : "stray characters after a closing quote: a quoted value must end with \" followed by"
                + " the delimiter or the end of the line (write \"\" for a quote inside a value)";
    return new ImportProblem(
        BadInputException.at(where, line, found[1]), ImportProblem.Kind.QUOTING, problem, e);
  }
}
