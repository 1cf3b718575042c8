package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tumen link} end to end, in process: the FEBRL floors of issue 5 (truth from FEBRL's ids,
 * ../shared/data/febrl/README.md) and one clear line with exit status 2 for every bad input.
 */
class LinkCommandTest {

  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  static Path febrl(String name) {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path f = p.resolve("shared/data/febrl").resolve(name + ".csv");
      if (Files.isRegularFile(f)) {
        return f;
      }
      p = p.getParent();
    }
    throw new IllegalStateException("shared/data/febrl not found");
  }

  private static double f1(Run r) {
    Matcher m = Pattern.compile("F1 ([0-9.]+)").matcher(r.out());
    assertThat(m.find()).as(r.out() + r.err()).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void febrl4AllFields() throws IOException {
    Path out = dir.resolve("clusters.csv");
    Run r =
        run(
            "link",
            "--input",
            febrl("dataset4a").toString(),
            febrl("dataset4b").toString(),
            "--out",
            out.toString(),
            "--pairs",
            dir.resolve("pairs.csv").toString(),
            "--review",
            dir.resolve("review.csv").toString(),
            "--truth-pattern",
            "rec-(\\d+)-.*");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(f1(r)).isGreaterThanOrEqualTo(0.995);
    List<String> clusters = Files.readAllLines(out);
    assertThat(clusters.get(0)).isEqualTo("source,record_id,cluster_id");
    assertThat(clusters).hasSize(10_001);
    assertThat(Files.readAllLines(dir.resolve("pairs.csv")).get(0))
        .isEqualTo("source_a,record_id_a,source_b,record_id_b,match_probability,match_weight");
    assertThat(Files.readAllLines(dir.resolve("review.csv")).get(0))
        .startsWith("source_a,record_id_a,source_b,record_id_b,match_probability,match_weight,")
        .contains("birth_date_level");
    assertThat(r.err()).contains("inferred spec").contains("\"soc_sec_id\"");
  }

  @Test
  void febrl4WithoutSocialSecurityId() throws IOException {
    Path spec =
        write(
            "spec.json",
            "{\"id\": \"rec_id\", \"fields\": ["
                + "{\"column\": \"given_name\", \"type\": \"name\"},"
                + "{\"column\": \"surname\", \"type\": \"name\"},"
                + "{\"column\": \"street_number\", \"type\": \"code\"},"
                + "{\"column\": \"address_1\", \"type\": \"text\"},"
                + "{\"column\": \"address_2\", \"type\": \"text\"},"
                + "{\"column\": \"suburb\", \"type\": \"place\"},"
                + "{\"column\": \"postcode\", \"type\": \"code\"},"
                + "{\"column\": \"state\", \"type\": \"exact\"},"
                + "{\"column\": \"date_of_birth\", \"type\": \"date\"},"
                + "{\"column\": \"soc_sec_id\", \"type\": \"ignore\"}]}");
    Run r =
        run(
            "link",
            "--input",
            febrl("dataset4a").toString(),
            febrl("dataset4b").toString(),
            "--spec",
            spec.toString(),
            "--out",
            dir.resolve("c.csv").toString(),
            "--truth-pattern",
            "rec-(\\d+)-.*");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(f1(r)).isGreaterThanOrEqualTo(0.994);
  }

  /** --errors writes the expected linkage errors as JSON that reads back; --verbose prints them. */
  @Test
  void expectedLinkageErrors() throws IOException {
    Path errors = dir.resolve("errors.json");
    Run r =
        run(
            "link",
            "--input",
            febrl("dataset4a").toString(),
            febrl("dataset4b").toString(),
            "--out",
            dir.resolve("c.csv").toString(),
            "--errors",
            errors.toString(),
            "--verbose");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).contains("calibration: dataset4a × dataset4b: 5000 linked");
    org.tumen.link.LinkageErrors e;
    try (var in = Files.newBufferedReader(errors)) {
      e = org.tumen.link.LinkageErrors.read(in, errors.toString());
    }
    assertThat(e.sources()).containsExactly("dataset4a", "dataset4b");
    // FEBRL 4a and 4b hold one record of each of 5,000 people, linked perfectly with every field
    assertThat(e.between("dataset4a", "dataset4b").linkedPairs()).isEqualTo(5000);
    assertThat(e.within("dataset4a").linkedPairs()).isZero();
    assertThat(e.expectedFalse()).isLessThan(5);
    assertThat(e.expectedMissed()).isLessThan(5);
    assertThat(e.material()).isFalse();
  }

  @Test
  void outputsGoIntoFoldersThatDoNotExistYet() {
    Path folder = dir.resolve("not/yet");
    Run r =
        run(
            "link",
            "--input",
            febrl("dataset4a").toString(),
            febrl("dataset4b").toString(),
            "--out",
            folder.resolve("c.csv").toString(),
            "--draws",
            folder.resolve("draws/d.csv").toString(),
            "--draw-count",
            "2",
            "--errors",
            folder.resolve("errors/e.json").toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(folder.resolve("c.csv")).isRegularFile();
    assertThat(folder.resolve("draws/d.csv")).isRegularFile();
    assertThat(folder.resolve("errors/e.json")).isRegularFile();
  }

  @Test
  void febrl3Deduplication() {
    Run r =
        run(
            "link",
            "--input",
            febrl("dataset3").toString(),
            "--out",
            dir.resolve("c.csv").toString(),
            "--truth-pattern",
            "rec-(\\d+)-.*");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(f1(r)).isGreaterThanOrEqualTo(0.993);
  }

  private void assertBadInput(Run r, String... mentions) {
    assertThat(r.status()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.err().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).startsWith("tumen: ").doesNotContain("Exception").contains(mentions);
  }

  private Path list(String name) throws IOException {
    return write(
        name, "rec_id,surname,given_name,birth_date\n1,Kim,Sun-hui,1975-03-09\n2,Ri,Chol,1980\n");
  }

  @Test
  void specNamingAMissingColumn() throws IOException {
    Path spec =
        write(
            "s.json",
            "{\"id\": \"rec_id\", \"fields\": [{\"column\": \"no_such\", \"type\": \"name\"}]}");
    assertBadInput(
        run(
            "link",
            "--input",
            list("a.csv").toString(),
            "--spec",
            spec.toString(),
            "--out",
            dir.resolve("o.csv").toString()),
        "no_such");
  }

  @Test
  void unknownType() throws IOException {
    Path spec =
        write(
            "s.json",
            "{\"id\": \"rec_id\", \"fields\": [{\"column\": \"surname\", \"type\": \"soundex\"}]}");
    assertBadInput(
        run(
            "link",
            "--input",
            list("a.csv").toString(),
            "--spec",
            spec.toString(),
            "--out",
            dir.resolve("o.csv").toString()),
        "s.json",
        "soundex");
  }

  @Test
  void duplicateIdsInOneFile() throws IOException {
    Path a = write("dup.csv", "rec_id,surname,given_name\n1,Kim,Sun\n2,Ri,Chol\n1,Pak,Il\n");
    assertBadInput(
        run("link", "--input", a.toString(), "--out", dir.resolve("o.csv").toString()),
        "dup:4",
        "duplicate id");
  }

  @Test
  void emptyFile() throws IOException {
    Path a = write("empty.csv", "");
    assertBadInput(
        run(
            "link",
            "--input",
            a.toString(),
            list("b.csv").toString(),
            "--out",
            dir.resolve("o.csv").toString()),
        "empty.csv",
        "empty");
  }

  @Test
  void headerOnlyFile() throws IOException {
    Path a = write("header.csv", "rec_id,surname\n");
    assertBadInput(
        run("link", "--input", a.toString(), "--out", dir.resolve("o.csv").toString()),
        "header.csv",
        "no records");
  }

  @Test
  void noInputs() {
    assertBadInput(run("link", "--out", dir.resolve("o.csv").toString()), "--input");
  }

  @Test
  void unreadableFile() {
    Path missing = dir.resolve("nowhere.csv");
    assertBadInput(
        run("link", "--input", missing.toString(), "--out", dir.resolve("o.csv").toString()),
        "nowhere.csv");
  }

  @Test
  void thresholdOutOfRange() throws IOException {
    assertBadInput(
        run(
            "link",
            "--input",
            list("a.csv").toString(),
            "--out",
            dir.resolve("o.csv").toString(),
            "--threshold",
            "1.5"),
        "--threshold");
  }
}
