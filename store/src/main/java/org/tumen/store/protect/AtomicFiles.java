package org.tumen.store.protect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.tumen.store.PrivateFiles;

/**
 * Crash-safe file replacement: write beside, fsync, atomic rename, fsync the folder. A reader sees
 * the old file or the new one, never a mix; after a crash the leftover temporary file is ignored.
 */
final class AtomicFiles {

  private AtomicFiles() {}

  static void write(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    PrivateFiles.createDirectories(dir);
    Path tmp = dir.resolve(target.getFileName() + ".new");
    Files.deleteIfExists(tmp); // a leftover would keep its old mode; a new file is 0600
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PrivateFiles.fileAttributes())) {
      ByteBuffer buf = ByteBuffer.wrap(content);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    }
    Path old = dir.resolve(target.getFileName() + ".old");
    boolean hadOld = false;
    if (Files.exists(target)) {
      // Keep a name on the old bytes so they can be overwritten once the new file is in place.
      Files.deleteIfExists(old);
      try {
        Files.createLink(old, target);
        hadOld = true;
      } catch (UnsupportedOperationException | IOException e) {
        // No hard links here (e.g. some network or FAT file systems): skip the overwrite.
      }
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(dir);
    if (hadOld) {
      shred(old);
    }
  }

  /**
   * Overwrites a file with zeros, syncs and deletes it. Best effort only: journaling file systems
   * and SSDs may keep old blocks (see docs/threat-model.md).
   */
  static void shred(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      long size = ch.size();
      ByteBuffer zeros = ByteBuffer.allocate(8192);
      for (long pos = 0; pos < size; ) {
        zeros.clear();
        zeros.limit((int) Math.min(zeros.capacity(), size - pos));
        pos += ch.write(zeros, pos);
      }
      ch.force(true);
    } catch (NoSuchFileException e) {
      return;
    }
    Files.deleteIfExists(file);
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a folder; the rename is still atomic there.
    }
  }
}
