package org.tumen.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Files and folders only their owner can read: every file Tumen makes that holds a workspace's data
 * (the workspace and its keys, backups, exports, linkage outputs that carry names).
 *
 * <p>The permissions are given when the file or folder is created (0600 and 0700), not set after,
 * so there is no moment at which another account can open it, and the umask can only narrow them.
 * Existing files and folders keep theirs: Tumen does not change the mode of a folder the user
 * chose. On a file system without POSIX permissions the platform's defaults apply.
 */
public final class PrivateFiles {

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {}

  /** Creates {@code dir} and any missing parents, each 0700; existing ones are left as they are. */
  public static Path createDirectories(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      return dir;
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      if (POSIX) {
        Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
      } else {
        Files.createDirectory(absolute);
      }
    } catch (java.nio.file.FileAlreadyExistsException e) {
      if (!Files.isDirectory(absolute)) {
        throw e;
      }
    }
    return dir;
  }

  /**
   * Opens {@code file} for writing; if this creates it, it is created 0600. Options as {@link
   * Files#newOutputStream}; none means create, truncate, write.
   */
  public static OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
    Set<OpenOption> opts = new HashSet<>(Arrays.asList(options));
    if (opts.isEmpty()) {
      opts.add(StandardOpenOption.CREATE);
      opts.add(StandardOpenOption.TRUNCATE_EXISTING);
    }
    opts.add(StandardOpenOption.WRITE);
    return Channels.newOutputStream(Files.newByteChannel(file, opts, fileAttributes()));
  }

  /** A buffered UTF-8 writer on a new (or truncated) file, created 0600. */
  public static Writer newWriter(Path file) throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
  }

  /** Writes {@code text} as UTF-8 to a new (or truncated) file, created 0600. */
  public static void writeString(Path file, String text) throws IOException {
    try (Writer w = newWriter(file)) {
      w.write(text);
    }
  }

  /** The attribute that creates a file 0600 where permissions exist. */
  public static FileAttribute<?>[] fileAttributes() {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  /**
   * Narrows an existing file to 0600: for files another library creates (H2's database files), as
   * soon as they exist. A no-op where there are no POSIX permissions or the file is gone.
   */
  public static void restrict(Path file) throws IOException {
    if (POSIX && Files.exists(file)) {
      Files.setPosixFilePermissions(file, FILE);
    }
  }
}
