package org.tumen.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.h2.engine.Constants;

/**
 * The statements a fresh embedded database holds after every migration, written into the jar when
 * the store is built ({@code process-classes}, store/pom.xml), so that {@link H2SchemaGuard} need
 * not migrate an in-memory database at every process start (about 3.5 s of each command's start,
 * docs/benchmarks.md, "Quiet-machine check at the end of the ninth session").
 *
 * <p>The file is trusted because it is inside the jar, beside the migrations it was made from:
 * never in the workspace folder or a cache beside it, which whoever can write the workspace could
 * also write. It names the H2 version, the URL settings and the migration locations it was made
 * with; when any differs the guard migrates a fresh database as before. {@code H2SchemaFileTest}
 * fails when the file is not what a fresh migration gives.
 */
public final class H2SchemaFile {

  /** Where the file is, on the class path. */
  static final String RESOURCE = "/org/tumen/store/h2-schema-latest.txt";

  private H2SchemaFile() {}

  /** Writes the file: {@code args[0]} is its path. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out.getParent());
    Set<String> statements =
        H2SchemaGuard.migrateFresh(Workspace.MIGRATIONS, Workspace.H2_SETTINGS, false);
    Files.write(out, lines(Workspace.MIGRATIONS, Workspace.H2_SETTINGS, statements));
  }

  /** The file's lines: the header, then each statement on one line, sorted. */
  static List<String> lines(String[] locations, String urlSettings, Set<String> statements) {
    List<String> out = new ArrayList<>();
    out.add(header(locations, urlSettings));
    for (String s : new TreeSet<>(statements)) {
      out.add(s.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n"));
    }
    return out;
  }

  /** What the statements depend on besides the migrations themselves. */
  static String header(String[] locations, String urlSettings) {
    return "# h2 "
        + Constants.FULL_VERSION
        + " settings "
        + urlSettings
        + " locations "
        + String.join(",", locations);
  }

  /** The statements in the jar, if they were made for these locations and settings. */
  static Optional<Set<String>> read(String[] locations, String urlSettings) {
    try (InputStream in = H2SchemaFile.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return Optional.empty();
      }
      return parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(),
          header(locations, urlSettings));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The statements of {@code lines}, if their header is {@code header}. */
  static Optional<Set<String>> parse(List<String> lines, String header) {
    if (lines.isEmpty() || !lines.get(0).equals(header)) {
      return Optional.empty();
    }
    Set<String> out = new java.util.HashSet<>();
    for (String line : lines.subList(1, lines.size())) {
      out.add(unescape(line));
    }
    return Optional.of(Set.copyOf(out));
  }

  private static String unescape(String line) {
    StringBuilder b = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        char n = line.charAt(++i);
        b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
