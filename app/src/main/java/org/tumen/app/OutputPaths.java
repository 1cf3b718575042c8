package org.tumen.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.tumen.model.BadInputException;
import org.tumen.store.PrivateFiles;

/**
 * Where {@code backup --out} and {@code export --out} may write (issue 12, finding 4): never inside
 * the workspace folder, whose files ({@code keys.tumen}, {@code tumen.mv.db}, {@code audit.anchor})
 * an output would replace — a backup written over {@code keys.tumen} is sealed under the key it
 * destroyed — and a plaintext export there would sit beside the data it was meant to leave. Paths
 * are compared after resolving symbolic links, so a link into the workspace is inside it too.
 */
final class OutputPaths {

  private OutputPaths() {}

  /**
   * @throws BadInputException naming {@code option} if {@code out} is the workspace folder or lies
   *     inside it
   */
  static void outsideWorkspace(String option, Path out, Path workspace) {
    Path real = real(out);
    Path folder = real(workspace);
    if (real.startsWith(folder)) {
      throw new BadInputException(
          option,
          out
              + " is inside the workspace "
              + workspace
              + ": write backups and exports outside it (it would overwrite the workspace's own"
              + " files, or put plain text beside them)");
    }
  }

  /**
   * @throws BadInputException naming {@code option} if {@code out} exists and {@code force} is not
   *     given
   */
  static void notExisting(String option, Path out, boolean force) {
    if (!force && Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      throw new BadInputException(
          option, out + " already exists: choose a new file, or add --force to replace it");
    }
  }

  /** Creates the folder {@code out} goes in, owner-only, if it is missing. */
  static void createParent(String option, Path out) {
    try {
      PrivateFiles.createDirectories(out.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new BadInputException(option, "cannot create the folder of " + out + ": " + e);
    }
  }

  /**
   * The path with every symbolic link in its longest existing ancestor resolved, and the rest
   * appended: a file that does not exist yet still lands where its folder really is.
   */
  private static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    } catch (IOException e) {
      return absolute;
    }
  }
}
