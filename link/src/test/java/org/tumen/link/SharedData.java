package org.tumen.link;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The read-only reference data in ../shared/data (FEBRL, Splink fake_1000). */
final class SharedData {

  private SharedData() {}

  static Path dir(String name) {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path candidate = p.resolve("shared/data").resolve(name);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("shared/data/" + name + " not found above the working folder");
  }

  static SourceTable febrl(String file) {
    return SourceTable.read(dir("febrl").resolve(file + ".csv"));
  }

  /** FEBRL's truth is in its ids: rec-<n>-org and rec-<n>-dup-<k> are the same person n. */
  static Map<RecordRef, String> febrlTruth(List<SourceTable> tables) {
    Pattern id = Pattern.compile("rec-(\\d+)-.*");
    Map<RecordRef, String> truth = new HashMap<>();
    for (SourceTable t : tables) {
      int c = t.column("rec_id");
      for (List<String> row : t.rows()) {
        Matcher m = id.matcher(row.get(c));
        if (m.matches()) {
          truth.put(new RecordRef(t.name(), row.get(c)), m.group(1));
        }
      }
    }
    return truth;
  }
}
