package org.tumen.link;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tumen.model.BadInputException;
import org.tumen.model.TextEncoding;

/**
 * One organisation's list: its name (the source), its column headers and its rows of text. Rows
 * have exactly as many cells as there are headers; a blank cell is a missing value.
 *
 * @param name the source's name, e.g. the file name without extension
 * @param headers column names, in order
 * @param rows the records
 */
public record SourceTable(String name, List<String> headers, List<List<String>> rows) {

  public SourceTable {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a source needs a name");
    }
    headers = List.copyOf(headers);
    rows = List.copyOf(rows);
    for (List<String> row : rows) {
      if (row.size() != headers.size()) {
        throw new IllegalArgumentException(
            name + ": a row has " + row.size() + " cells, the header " + headers.size());
      }
    }
  }

  /**
   * The longest value read, in characters: far above any name, date or note (a page of testimony is
   * a few thousand), and far below what would exhaust memory once standardised and compared.
   */
  static final int MAX_CELL = 1_000_000;

  /** The index of a column, or -1. */
  public int column(String header) {
    return headers.indexOf(header);
  }

  /**
   * Reads a CSV file with a header row, in UTF-8 or EUC-KR/CP949 as {@code tumen import} reads it
   * ({@link TextEncoding}). Cells are trimmed, because lists such as FEBRL separate cells by {@code
   * ", "}. The source is named after the file without its extension.
   *
   * @throws BadInputException naming the file if it cannot be read, is empty, has no records, or
   *     has a row whose cell count differs from the header's
   */
  public static SourceTable read(Path file) {
    String where = file.toString();
    String fileName = file.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    String name = dot > 0 ? fileName.substring(0, dot) : fileName;
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .get();
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(where, "no such file");
    }
    try (Reader in =
            new java.io.InputStreamReader(
                Files.newInputStream(file),
                TextEncoding.of(file, where)
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVParser parser = CSVParser.parse(skipBom(in), format)) {
      List<String> headers = new ArrayList<>(parser.getHeaderNames());
      if (headers.isEmpty()) {
        throw new BadInputException(where, "empty file: expected a header row and records");
      }
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord r : parser) {
        if (r.size() != headers.size()) {
          throw new BadInputException(
              BadInputException.at(where, r.getParser().getCurrentLineNumber(), 0),
              "row has " + r.size() + " cells but the header has " + headers.size());
        }
        List<String> row = new ArrayList<>(r.size());
        for (String cell : r) {
          if (cell.length() > MAX_CELL) {
            throw new BadInputException(
                BadInputException.at(where, r.getParser().getCurrentLineNumber(), row.size() + 1),
                String.format(
                    "a value of %,d characters; a list's values are read up to %,d",
                    cell.length(), MAX_CELL));
          }
          row.add(cell);
        }
        rows.add(row);
      }
      if (rows.isEmpty()) {
        throw new BadInputException(where, "no records below the header row");
      }
      return new SourceTable(name, headers, rows);
    } catch (CharacterCodingException e) {
      throw new BadInputException(where, "not UTF-8 or EUC-KR/CP949 text", e);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new BadInputException(where, "cannot read: " + e.getMessage(), e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new BadInputException(where, "not a CSV file with a header row: " + e.getMessage(), e);
    }
  }

  private static Reader skipBom(Reader in) throws IOException {
    java.io.PushbackReader p = new java.io.PushbackReader(in, 1);
    int c = p.read();
    if (c != -1 && c != '\uFEFF') {
      p.unread(c);
    }
    return p;
  }
}
