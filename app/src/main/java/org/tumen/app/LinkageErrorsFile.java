package org.tumen.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.tumen.estimate.CaptureTables;
import org.tumen.estimate.linkage.LinkageErrorRates;
import org.tumen.link.LinkResult;
import org.tumen.link.LinkageErrors;
import org.tumen.model.BadInputException;

/**
 * The linkage-errors file: what {@code tumen link} expects it got wrong, per pair of lists, for
 * {@code tumen estimate} to correct the capture table with (docs/linkage.md, section 6c). Written
 * beside the draws ({@code DRAWS.csv} → {@code DRAWS.errors.json}) or where {@code --errors} says;
 * it names the run's records by count and digest so that estimate can refuse another run's file.
 */
final class LinkageErrorsFile {
  static final String FORMAT = "tumen-linkage-errors/2";

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

  /**
   * Writes the run's {@link LinkageErrors} (its JSON, docs/linkage.md section 6c) with the format
   * and the run's records by count and digest in front.
   *
   * @throws java.io.UncheckedIOException when the writer fails
   */
  static void write(LinkResult result, Writer out) {
    try {
      StringWriter errors = new StringWriter();
      result.linkageErrors().write(errors);
      ObjectNode root = JSON.createObjectNode();
      root.put("format", FORMAT);
      root.put("records", result.size());
      root.put(
          "recordDigest",
          CaptureTables.digest(
              result.records().stream().map(r -> new String[] {r.source(), r.id()}).toList()));
      root.setAll((ObjectNode) JSON.readTree(errors.toString()));
      out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      out.write("\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The rates of a linkage-errors file, over the sources of a clusters file: matches are the linked
   * pairs less the expected false links plus the expected missed ones (compared or not).
   *
   * @throws BadInputException naming the file when it is not one, or is from another run
   */
  static LinkageErrorRates read(Path file, Path clusters) {
    return read(file, CaptureTables.readLinkage(clusters));
  }

  /** As {@link #read(Path, Path)}, against a clusters file already read. */
  static LinkageErrorRates read(Path file, CaptureTables.Linkage linkage) {
    Path clusters = linkage.file();
    String text;
    JsonNode root;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read as JSON: " + oneLine(e));
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new BadInputException(
          file.toString(), "not a linkage-errors file (\"format\": \"" + FORMAT + "\" expected)");
    }
    LinkageErrors errors = LinkageErrors.read(new StringReader(text), file.toString());
    List<String> lists = errors.sources();
    Run run = new Run(linkage.records(), linkage.digest(), new TreeSet<>(linkage.table().lists()));
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
    try {
      // estimate's lists are the clusters' sources, sorted; a list of the run with no record in
      // the clusters cannot be, since the digest matched
      return rates(errors, new ArrayList<>(new TreeSet<>(run.sources)));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file.toString(), e.getMessage());
    }
  }

  /**
   * The rates of a run's linkage errors over estimate's lists: matches are the linked pairs less
   * the expected false links plus the expected missed ones (compared or not).
   *
   * @param lists the capture table's lists, in its order
   * @throws IllegalArgumentException when the lists are not the run's
   */
  static LinkageErrorRates rates(LinkageErrors errors, List<String> lists) {
    int k = errors.sources().size();
    double[][][] m = new double[3][k][k];
    for (LinkageErrors.SourcePair p : errors.pairs()) {
      double[] v = {
        Math.max(0, p.linkedPairs() - p.expectedFalse()) + p.expectedMissed(),
        p.expectedMissed(),
        p.expectedFalse()
      };
      for (int f = 0; f < 3; f++) {
        m[f][p.a()][p.b()] = v[f];
        m[f][p.b()][p.a()] = v[f];
      }
    }
    return new LinkageErrorRates(errors.sources(), m[0], m[1], m[2]).inOrder(lists);
  }

  private record Run(long records, String digest, TreeSet<String> sources) {}

  private static String oneLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
