package org.tumen.model.vocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of the model's data files: UTF-8 text, one row per line, cells separated by {@code |}, lines
 * starting with {@code #} are comments, and {@code #! key: value} lines carry the file's metadata
 * (vocabulary, version, migration note). The first other line names the columns.
 *
 * <p>A data file that breaks these rules is a defect of the build, not bad input: reading throws
 * {@link IllegalStateException} naming the file and line, and the vocabulary tests fail.
 */
public final class DataFile {

  private final String name;
  private final Map<String, String> meta;
  private final List<Row> rows;

  private DataFile(String name, Map<String, String> meta, List<Row> rows) {
    this.name = name;
    this.meta = Map.copyOf(meta);
    this.rows = List.copyOf(rows);
  }

  /** One line of cells, with the place it came from. */
  public record Row(String file, int line, Map<String, String> cells) {

    /** A cell that must not be blank. */
    public String get(String column) {
      String v = optional(column);
      if (v.isEmpty()) {
        throw new IllegalStateException(at() + ": column " + column + " is empty");
      }
      return v;
    }

    /** A cell, or "" when blank. */
    public String optional(String column) {
      String v = cells.get(column);
      if (v == null) {
        throw new IllegalStateException(at() + ": no column " + column);
      }
      return v.strip();
    }

    /** {@code file:line}, for messages. */
    public String at() {
      return file + ":" + line;
    }

    /** An {@link IllegalStateException} about this row. */
    public IllegalStateException error(String problem) {
      return new IllegalStateException(at() + ": " + problem);
    }
  }

  /** Reads a resource that lies beside {@code anchor}'s class file. */
  public static DataFile read(Class<?> anchor, String resource) {
    try (InputStream in = anchor.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing data file " + resource);
      }
      return parse(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DataFile parse(String name, BufferedReader reader) throws IOException {
    Map<String, String> meta = new LinkedHashMap<>();
    List<String> columns = null;
    List<Row> rows = new ArrayList<>();
    String text;
    int line = 0;
    while ((text = reader.readLine()) != null) {
      line++;
      if (text.startsWith("#!")) {
        int colon = text.indexOf(':');
        if (colon < 0) {
          throw new IllegalStateException(name + ":" + line + ": metadata needs 'key: value'");
        }
        meta.put(text.substring(2, colon).strip(), text.substring(colon + 1).strip());
        continue;
      }
      if (text.startsWith("#") || text.isBlank()) {
        continue;
      }
      String[] cells = text.split("\\|", -1);
      if (columns == null) {
        columns = Arrays.asList(cells);
        continue;
      }
      if (cells.length != columns.size()) {
        throw new IllegalStateException(
            name + ":" + line + ": " + cells.length + " cells, expected " + columns.size());
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < cells.length; i++) {
        row.put(columns.get(i), cells[i]);
      }
      rows.add(new Row(name, line, row));
    }
    return new DataFile(name, meta, rows);
  }

  public String name() {
    return name;
  }

  public List<Row> rows() {
    return rows;
  }

  /** A metadata value that must be present. */
  public String meta(String key) {
    return optionalMeta(key)
        .orElseThrow(() -> new IllegalStateException(name + ": no '#! " + key + ":' line"));
  }

  public Optional<String> optionalMeta(String key) {
    return Optional.ofNullable(meta.get(key));
  }

  /** The file's version: a positive integer, raised with every change. */
  public int version() {
    String v = meta("version");
    try {
      int n = Integer.parseInt(v);
      if (n < 1) {
        throw new NumberFormatException(v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalStateException(name + ": version must be a positive integer: " + v, e);
    }
  }
}
