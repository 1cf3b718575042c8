package org.tumen.link;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tumen.model.BadInputException;

/**
 * The linkage's expected errors, worked out from the fitted model without the truth: for each pair
 * of lists (and within each list) how many linked pairs of records are expected to be two people
 * (false links) and how many pairs of records of one person are expected to be left in two clusters
 * (missed links). Each missed link makes one person seen on two lists into two people seen once,
 * the very singletons capture–recapture extrapolates from; each false link does the opposite.
 * Immutable.
 *
 * <ul>
 *   <li>expected false links: records placed in a cluster that is not their person's, a record
 *       being wrong only if all its direct links there are false, 1 − max P(match) (a namesake
 *       agrees with all of a person's records alike, so the links stand or fall together), charged
 *       to its list and its strongest link's ({@link ExpectedLinkErrors});
 *   <li>expected missed links among compared pairs: the candidate pairs left in two clusters, one
 *       match per list and record: among a record's candidates on a list 1 − Π (1 − P), a candidate
 *       whose cluster already holds a record of that list counting at the list's duplicate rate;
 *   <li>expected missed links outside the blocks: true pairs no blocking rule brought together.
 *       Under the model's own assumption (fields independent given a match) the share of matches
 *       that no rule holds follows from each field's m (which levels imply that the rule's key
 *       agrees) and how often each list fills the field; T · π / (1 − π) such pairs are expected
 *       beside the T expected among the compared pairs (linked − false + missed), less those the
 *       clustering linked anyway. Blocks dropped for their size are not counted, so at a million
 *       records this leans low. (Chao's estimator with the rules as capture occasions was tried
 *       first: a pair agreeing on j fields is held by about j(j−1)/2 field-pair rules, so pairs
 *       held by exactly two rules are structurally rare and it overestimated twentyfold on FEBRL
 *       dataset3.)
 * </ul>
 *
 * The probabilities are the model's: they are as good as its calibration (docs/linkage.md §7).
 *
 * @param sources the lists, in input order
 * @param pairs one entry for every pair of lists a ≤ b (a = b: within list a), in the order (0,0),
 *     (0,1), … (0,k−1), (1,1), …
 */
public record LinkageErrors(List<String> sources, List<SourcePair> pairs) {

  /**
   * Expected net error in a pair of lists' overlap above which it is reported as able to move an
   * estimate: the Lincoln–Petersen estimate n_a n_b / m_ab moves by the same share as m_ab.
   */
  public static final double MATERIAL_SHARE = 0.01;

  /**
   * The expected errors of one pair of lists, or of one list's own duplicates when a = b.
   *
   * @param a index of the first list in {@link #sources}
   * @param b index of the second list, b ≥ a
   * @param linkedPairs pairs of records, one from each list (two of list a when a = b), that share
   *     a cluster
   * @param expectedFalse expected number of those that are two people
   * @param expectedMissedCompared expected true pairs among the candidate pairs left apart
   * @param expectedMissedOutsideBlocks expected true pairs no blocking rule compared, left apart
   */
  public record SourcePair(
      int a,
      int b,
      long linkedPairs,
      double expectedFalse,
      double expectedMissedCompared,
      double expectedMissedOutsideBlocks) {

    public SourcePair {
      if (a < 0 || b < a) {
        throw new IllegalArgumentException("need 0 <= a <= b");
      }
      if (linkedPairs < 0
          || !(expectedFalse >= 0)
          || !(expectedMissedCompared >= 0)
          || !(expectedMissedOutsideBlocks >= 0)) {
        throw new IllegalArgumentException("counts must be non-negative numbers");
      }
    }

    /** Expected missed links, compared or not. */
    public double expectedMissed() {
      return expectedMissedCompared + expectedMissedOutsideBlocks;
    }

    /** Expected number of true pairs: linked − false + missed. */
    public double expectedTruePairs() {
      return linkedPairs - expectedFalse + expectedMissed();
    }

    /** Share of the linked pairs expected to be false, 0 when nothing is linked. */
    public double falseLinkRate() {
      return linkedPairs == 0 ? 0 : expectedFalse / linkedPairs;
    }

    /** Share of the true pairs expected to be missed, 0 when none are expected. */
    public double missedLinkRate() {
      double t = expectedTruePairs();
      return t <= 0 ? 0 : expectedMissed() / t;
    }

    /**
     * The expected net error of the observed overlap as a share of it: (missed − false) / linked.
     * Positive when the lists share more people than linked, so an estimate from them is high.
     */
    public double overlapShortfall() {
      double net = expectedMissed() - expectedFalse;
      return linkedPairs == 0 ? (net > 0.5 ? Double.POSITIVE_INFINITY : 0) : net / linkedPairs;
    }

    /** Whether the net error can move an estimate by more than {@link #MATERIAL_SHARE}. */
    public boolean material() {
      return Math.abs(overlapShortfall()) > MATERIAL_SHARE;
    }
  }

  public LinkageErrors {
    sources = List.copyOf(sources);
    pairs = List.copyOf(pairs);
    int k = sources.size();
    if (pairs.size() != k * (k + 1) / 2) {
      throw new IllegalArgumentException("need one entry per pair of lists");
    }
    int i = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        SourcePair p = pairs.get(i++);
        if (p.a() != a || p.b() != b) {
          throw new IllegalArgumentException("pairs out of order at " + a + "," + b);
        }
      }
    }
  }

  /** The entry of lists a and b in either order (a = b: within the list). */
  public SourcePair between(int a, int b) {
    int s = Math.min(a, b);
    int t = Math.max(a, b);
    int k = sources.size();
    if (s < 0 || t >= k) {
      throw new IndexOutOfBoundsException("no list " + t);
    }
    return pairs.get(s * k - s * (s - 1) / 2 + (t - s));
  }

  /** The entry of two lists by name. */
  public SourcePair between(String a, String b) {
    return between(indexOf(a), indexOf(b));
  }

  /** The entry of a list's own duplicates. */
  public SourcePair within(String source) {
    int i = indexOf(source);
    return between(i, i);
  }

  private int indexOf(String source) {
    int i = sources.indexOf(source);
    if (i < 0) {
      throw new IllegalArgumentException("no list \"" + source + "\"");
    }
    return i;
  }

  /** Expected false links over all pairs of lists and within lists. */
  public double expectedFalse() {
    return pairs.stream().mapToDouble(SourcePair::expectedFalse).sum();
  }

  /** Expected missed links over all pairs of lists and within lists. */
  public double expectedMissed() {
    return pairs.stream().mapToDouble(SourcePair::expectedMissed).sum();
  }

  /** Linked pairs over all pairs of lists and within lists. */
  public long linkedPairs() {
    return pairs.stream().mapToLong(SourcePair::linkedPairs).sum();
  }

  /**
   * Whether any pair of lists' expected error can move an estimate ({@link SourcePair#material}).
   */
  public boolean material() {
    return pairs.stream().anyMatch(SourcePair::material);
  }

  /** One line per pair of lists, for {@code --verbose}; a warning line first when material. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "calibration: %d linked pairs, expected %.1f false and %.1f missed (%.1f of them outside"
                + " the blocks)",
            linkedPairs(),
            expectedFalse(),
            expectedMissed(),
            pairs.stream().mapToDouble(SourcePair::expectedMissedOutsideBlocks).sum()));
    for (SourcePair p : pairs) {
      if (p.linkedPairs() == 0 && p.expectedMissed() < 0.5) {
        continue;
      }
      out.add(
          String.format(
              Locale.ROOT,
              "calibration: %s × %s: %d linked, expected false %.1f, missed %.1f (%.1f outside the"
                  + " blocks), overlap short by %+.2f%%%s",
              sources.get(p.a()),
              sources.get(p.b()),
              p.linkedPairs(),
              p.expectedFalse(),
              p.expectedMissed(),
              p.expectedMissedOutsideBlocks(),
              100 * p.overlapShortfall(),
              p.material() ? " (can move an estimate)" : ""));
    }
    return out;
  }

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
          .configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);

  /**
   * Writes the errors as JSON (the writer is left open).
   *
   * @throws UncheckedIOException when the writer fails
   */
  public void write(Writer out) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode src = root.putArray("sources");
    sources.forEach(src::add);
    root.put("material_share", MATERIAL_SHARE);
    root.put("material", material());
    root.put("expected_false", expectedFalse());
    root.put("expected_missed", expectedMissed());
    ArrayNode ps = root.putArray("pairs");
    for (SourcePair p : pairs) {
      ObjectNode o = ps.addObject();
      o.put("source_a", sources.get(p.a()));
      o.put("source_b", sources.get(p.b()));
      o.put("linked_pairs", p.linkedPairs());
      o.put("expected_false", p.expectedFalse());
      o.put("expected_missed_compared", p.expectedMissedCompared());
      o.put("expected_missed_outside_blocks", p.expectedMissedOutsideBlocks());
      o.put("overlap_shortfall", p.linkedPairs() == 0 ? 0 : p.overlapShortfall());
      o.put("material", p.material());
    }
    try {
      JSON.writeValue(out, root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads errors written by {@link #write}.
   *
   * @param name the file's name, for the message
   * @throws BadInputException naming the file when it is not such JSON
   */
  public static LinkageErrors read(Reader in, String name) {
    try {
      JsonNode root = JSON.readTree(in);
      List<String> sources = new ArrayList<>();
      root.required("sources").forEach(s -> sources.add(s.asText()));
      List<SourcePair> pairs = new ArrayList<>();
      for (JsonNode o : root.required("pairs")) {
        pairs.add(
            new SourcePair(
                index(sources, o.required("source_a").asText(), name),
                index(sources, o.required("source_b").asText(), name),
                o.required("linked_pairs").asLong(),
                o.required("expected_false").asDouble(),
                o.required("expected_missed_compared").asDouble(),
                o.required("expected_missed_outside_blocks").asDouble()));
      }
      return new LinkageErrors(sources, pairs);
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          name, "not a linkage-errors file: " + oneLine(e.getOriginalMessage()));
    } catch (IOException | IllegalArgumentException e) {
      throw new BadInputException(name, "not a linkage-errors file: " + oneLine(e.getMessage()));
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  private static int index(List<String> sources, String s, String name) {
    int i = sources.indexOf(s);
    if (i < 0) {
      throw new IllegalArgumentException("unknown source \"" + s + "\"");
    }
    return i;
  }
}
