package org.tumen.document.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index never rests in plaintext: a fresh JVM whose temporary directory and working directory
 * are empty folders builds the index, searches it and closes it, and both folders stay empty.
 */
class InMemoryIndexTest {

  /** Run in the child JVM: build, search, print what was found. */
  public static void main(String[] args) {
    try (TestimonySearch s = TestimonySearch.build(TestimonySearchTest.documentation())) {
      System.out.println(s.search("체포", 10).size() + " " + s.search("遣返", 10).size());
    }
  }

  @Test
  void buildingAndSearchingWritesNoFile(@TempDir Path root) throws Exception {
    Path tmp = Files.createDirectory(root.resolve("tmp"));
    Path cwd = Files.createDirectory(root.resolve("cwd"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Djava.io.tmpdir=" + tmp,
                    "-cp",
                    System.getProperty("java.class.path"),
                    InMemoryIndexTest.class.getName()))
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("2 1"); // it did build and search
    assertThat(files(tmp)).isEmpty();
    assertThat(files(cwd)).isEmpty();
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(f -> !f.equals(dir)).toList();
    }
  }
}
