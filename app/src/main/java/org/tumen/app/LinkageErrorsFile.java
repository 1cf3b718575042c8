package org.tumen.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.tumen.estimate.linkage.LinkageErrorRates;
import org.tumen.link.ExpectedLinkErrors;
import org.tumen.link.LinkResult;
import org.tumen.link.RecordRef;
import org.tumen.model.BadInputException;

/**
 * The linkage-errors file: what {@code tumen link} expects it got wrong, per pair of lists, for
 * {@code tumen estimate} to correct the capture table with (docs/linkage.md, section 6c). Written
 * beside the draws ({@code DRAWS.csv} → {@code DRAWS.errors.json}) or where {@code
 * --linkage-errors} says; it names the run's records by count and digest so that estimate can
 * refuse another run's file.
 */
final class LinkageErrorsFile {
  static final String FORMAT = "tumen-linkage-errors/1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private LinkageErrorsFile() {}

  /** Where {@code tumen link --draws DRAWS.csv} puts the file: DRAWS.errors.json. */
  static Path besideDraws(Path draws) {
    String name = draws.getFileName().toString();
    String stem =
        name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
            ? name.substring(0, name.length() - 4)
            : name;
    return draws.resolveSibling(stem + ".errors.json");
  }

  static void write(Path file, LinkResult result) {
    ExpectedLinkErrors e = result.expectedErrors();
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("records", result.size());
    root.put("recordDigest", digest(result.records().stream().map(LinkageErrorsFile::key)));
    root.put("floor", Math.round(e.floor() * 1e6) / 1e6);
    ArrayNode lists = root.putArray("lists");
    e.lists().forEach(lists::add);
    ArrayNode pairs = root.putArray("pairs");
    for (int i = 0; i < e.lists().size(); i++) {
      for (int j = i; j < e.lists().size(); j++) {
        ObjectNode p = pairs.addObject();
        p.put("a", e.lists().get(i));
        p.put("b", e.lists().get(j));
        p.put("matches", round(e.matches(i, j)));
        p.put("missed", round(e.missed(i, j)));
        p.put("falseLinks", round(e.falseLinks(i, j)));
      }
    }
    try {
      Files.writeString(
          file,
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e2) {
      throw new BadInputException(file.toString(), "cannot write: " + e2.getMessage(), e2);
    }
  }

  /**
   * The rates of a linkage-errors file, over the sources of a clusters file.
   *
   * @throws BadInputException naming the file when it is not one, or is from another run
   */
  static LinkageErrorRates read(Path file, Path clusters) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read as JSON: " + oneLine(e));
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new BadInputException(
          file.toString(), "not a linkage-errors file (\"format\": \"" + FORMAT + "\" expected)");
    }
    List<String> lists = new ArrayList<>();
    root.path("lists").forEach(n -> lists.add(n.asText()));
    Run run = run(clusters);
    for (String source : run.sources) {
      if (!lists.contains(source)) {
        throw new BadInputException(
            clusters.toString(),
            "source '"
                + source
                + "' is not among the lists of "
                + file
                + " "
                + lists
                + ": the linkage errors must come from the run that wrote the clusters");
      }
    }
    if (root.path("records").asLong(-1) != run.records
        || !run.digest.equals(root.path("recordDigest").asText())) {
      throw new BadInputException(
          file.toString(),
          "describes "
              + root.path("records").asLong(-1)
              + " records, not the "
              + run.records
              + " of "
              + clusters
              + ": the linkage errors must come from the run that wrote the"
              + " clusters");
    }
    int k = lists.size();
    double[][][] m = new double[3][k][k];
    String[] fields = {"matches", "missed", "falseLinks"};
    for (JsonNode p : root.path("pairs")) {
      int a = lists.indexOf(p.path("a").asText());
      int b = lists.indexOf(p.path("b").asText());
      if (a < 0 || b < 0) {
        throw new BadInputException(file.toString(), "a pair names a list not in \"lists\"");
      }
      for (int f = 0; f < 3; f++) {
        double v = p.path(fields[f]).asDouble(Double.NaN);
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw new BadInputException(
              file.toString(), "pair " + lists.get(a) + "/" + lists.get(b) + ": bad " + fields[f]);
        }
        m[f][a][b] = v;
        m[f][b][a] = v;
      }
    }
    List<String> used = new ArrayList<>(new TreeSet<>(run.sources));
    try {
      // estimate's lists are the clusters' sources, sorted; a list of the run with no record in
      // the clusters cannot be, since the digest matched
      return new LinkageErrorRates(lists, m[0], m[1], m[2]).inOrder(used);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file.toString(), e.getMessage());
    }
  }

  private record Run(long records, String digest, TreeSet<String> sources) {}

  private static Run run(Path clusters) {
    List<String> keys = new ArrayList<>();
    TreeSet<String> sources = new TreeSet<>();
    try (Reader r = Files.newBufferedReader(clusters, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        String source = rec.get("source");
        sources.add(source);
        keys.add(source + "\u0000" + rec.get("record_id"));
      }
    } catch (IOException | RuntimeException e) {
      throw new BadInputException(clusters.toString(), "cannot read: " + oneLine(e));
    }
    return new Run(keys.size(), digest(keys.stream()), sources);
  }

  private static String key(RecordRef r) {
    return r.source() + "\u0000" + r.id();
  }

  /**
   * The records of a run, whatever their order: the sum modulo 2^64 of the 64-bit FNV-1a hashes of
   * each record's UTF-8 "source NUL record_id", as 16 hex digits.
   */
  static String digest(java.util.stream.Stream<String> keys) {
    long sum = 0;
    for (String k : (Iterable<String>) keys::iterator) {
      long h = 0xcbf29ce484222325L;
      for (byte b : k.getBytes(StandardCharsets.UTF_8)) {
        h ^= b & 0xff;
        h *= 0x100000001b3L;
      }
      sum += h;
    }
    return String.format("%016x", sum);
  }

  private static double round(double x) {
    return Math.round(x * 1e4) / 1e4;
  }

  private static String oneLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
