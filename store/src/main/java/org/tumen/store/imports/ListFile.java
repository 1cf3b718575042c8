package org.tumen.store.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.tumen.model.TextEncoding;

/**
 * The bytes of one list file, readable as often as the import needs (it reads a file more than
 * once: its hash and encoding first, then its rows): a file on disk, or an upload held in memory,
 * which never touches the disk.
 *
 * @param where the file's name in messages
 * @param path the file, or null when in memory
 * @param bytes the content when in memory, else null
 */
record ListFile(String where, Path path, byte[] bytes) implements TextEncoding.Bytes {

  /** How many leading bytes tell a file's kind. */
  static final int HEAD = 8192;

  static ListFile of(Path file) {
    return new ListFile(file.toString(), file, null);
  }

  static ListFile inMemory(String name, byte[] bytes) {
    return new ListFile(name, null, bytes);
  }

  @Override
  public InputStream open() throws IOException {
    return path != null ? Files.newInputStream(path) : new ByteArrayInputStream(bytes);
  }

  long size() throws IOException {
    return path != null ? Files.size(path) : bytes.length;
  }

  /** The first {@link #HEAD} bytes (fewer for a shorter file). */
  byte[] head() throws IOException {
    if (path == null) {
      return Arrays.copyOf(bytes, Math.min(HEAD, bytes.length));
    }
    try (InputStream in = open()) {
      return in.readNBytes(HEAD);
    }
  }
}
