package org.tumen.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.tumen.model.BadInputException;
import org.tumen.report.publication.DisclosureControl;

/**
 * Writes a publication into a staging folder beside its destination, runs the publication check on
 * the finished bytes, and only then moves it into place. When the check fails nothing is written to
 * the destination and the first problem is reported with where it is.
 */
final class Staging {

  /** Marks a folder as written by Tumen's publishing, so that a later run may replace it. */
  static final String MARKER = ".tumen-publication";

  /** Writes into the folder it is given. */
  interface Writer {
    void write(Path folder) throws IOException;
  }

  private Staging() {}

  static void publish(String option, Path target, DisclosureControl control, Writer writer)
      throws IOException {
    Path dest = target.toAbsolutePath().normalize();
    if (Files.exists(dest)) {
      if (!Files.isDirectory(dest)) {
        throw new BadInputException(option, dest + " exists and is not a folder");
      }
      boolean empty;
      try (Stream<Path> s = Files.list(dest)) {
        empty = s.findAny().isEmpty();
      }
      if (!empty && !Files.exists(dest.resolve(MARKER))) {
        throw new BadInputException(
            option, dest + " is not empty and was not written by Tumen; choose another folder");
      }
    }
    Path parent = dest.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + dest.getFileName() + ".staging-");
    try {
      writer.write(staging);
      List<String> problems = control.check(staging);
      if (!problems.isEmpty()) {
        if (System.getenv("TUMEN_DEBUG") != null) {
          problems.forEach(x -> System.err.println("tumen: publication check: " + x));
        }
        throw new BadInputException(
            "publication check",
            problems.size()
                + " problem(s), nothing written to "
                + dest
                + "; first: "
                + problems.get(0).replace(staging.toString(), dest.toString()));
      }
      Files.writeString(staging.resolve(MARKER), "written by tumen; safe to replace\n");
      Path old = null;
      if (Files.exists(dest)) {
        old = Files.createTempDirectory(parent, "." + dest.getFileName() + ".old-");
        Files.delete(old);
        Files.move(dest, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, dest, StandardCopyOption.ATOMIC_MOVE);
      if (old != null) {
        delete(old);
      }
    } finally {
      if (Files.exists(staging)) {
        delete(staging);
      }
    }
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
