package org.tumen.simulate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the simulator's tab-separated tables from the class path; {@code #} starts a comment. */
final class Tsv {
  private Tsv() {}

  static List<String[]> read(String resource, int columns) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Tsv.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the build");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != columns) {
          throw new IllegalStateException(
              resource + ":" + n + ": expected " + columns + " columns, found " + cells.length);
        }
        rows.add(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
    return rows;
  }
}
