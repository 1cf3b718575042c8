package org.tumen.estimate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tumen.model.BadInputException;

/**
 * Reads capture tables: from the capture-table CSV of DESIGN.md, or from the clusters written by
 * {@code tumen link}. Every problem a user can fix is a {@link BadInputException} naming the file,
 * line and column.
 */
public final class CaptureTables {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).get();

  private CaptureTables() {}

  /**
   * Reads a capture table: one 0/1 column per list (the header names the list), then a column
   * {@code count}. Patterns that are absent count 0.
   */
  public static CaptureTable readCsv(Path file) {
    String name = file.toString();
    List<CSVRecord> rows = parse(file);
    if (rows.isEmpty()) {
      throw new BadInputException(name, "the file is empty; expected a header row list1,...,count");
    }
    List<String> header = header(rows.get(0));
    int k = header.size() - 1;
    if (k < 0 || !header.get(k).equalsIgnoreCase("count")) {
      throw new BadInputException(
          BadInputException.at(name, 1, header.size()), "the last column must be 'count'");
    }
    if (k < 2) {
      throw new BadInputException(
          BadInputException.at(name, 1, 0), "a capture table needs at least two lists; found " + k);
    }
    if (k > 30) {
      throw new BadInputException(
          BadInputException.at(name, 1, 0), "at most 30 lists are supported; found " + k);
    }
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < k; c++) {
      if (header.get(c).isEmpty() || !seen.add(header.get(c))) {
        throw new BadInputException(
            BadInputException.at(name, 1, c + 1),
            header.get(c).isEmpty() ? "empty list name" : "list name repeated: " + header.get(c));
      }
    }
    long[] counts = new long[1 << k];
    long[] lineOf = new long[1 << k];
    for (int r = 1; r < rows.size(); r++) {
      CSVRecord row = rows.get(r);
      long line = lineNumber(row);
      if (row.size() == 1 && row.get(0).isEmpty()) {
        continue;
      }
      if (row.size() != k + 1) {
        throw new BadInputException(
            BadInputException.at(name, line, 0),
            "expected " + (k + 1) + " fields, found " + row.size());
      }
      int pattern = 0;
      for (int c = 0; c < k; c++) {
        String v = row.get(c);
        if (v.equals("1")) {
          pattern |= 1 << c;
        } else if (!v.equals("0")) {
          throw new BadInputException(
              BadInputException.at(name, line, c + 1),
              "a list cell must be 0 or 1, found '" + abbreviate(v) + "'");
        }
      }
      String countText = row.get(k);
      long count = parseCount(countText, BadInputException.at(name, line, k + 1));
      if (pattern == 0) {
        throw new BadInputException(
            BadInputException.at(name, line, 1),
            "the all-zero pattern (people on no list) cannot be counted; remove this row");
      }
      if (lineOf[pattern] != 0) {
        throw new BadInputException(
            BadInputException.at(name, line, 1),
            "pattern repeated (first on line " + lineOf[pattern] + ")");
      }
      lineOf[pattern] = line;
      counts[pattern] = count;
    }
    return new CaptureTable(header.subList(0, k), counts);
  }

  /**
   * Builds a capture table from linkage clusters ({@code source,record_id,cluster_id}, DESIGN.md):
   * each cluster is one person and the set of sources of its records is its capture history. The
   * lists are the distinct sources in sorted (code point) order, so the same clusters give the same
   * table whatever the order of the rows. A person with two records in one source is on that list
   * once.
   */
  public static CaptureTable fromClusters(Path file) {
    return readLinkage(file).table();
  }

  /**
   * A clusters file read once: its capture table and which records it holds, to check that draws or
   * a linkage-errors file come from the same run without reading it again.
   *
   * @param table the capture table (lists = sources, sorted)
   * @param records how many records the file holds
   * @param digest the records' order-free digest ({@link #digest})
   */
  public record Linkage(Path file, CaptureTable table, long records, String digest) {}

  /** Reads a clusters file once, streaming (see {@link Linkage}). */
  public static Linkage readLinkage(Path file) {
    AssignmentFile a = readClustersFile(file, null);
    return new Linkage(file, a.table(0), a.records, a.digest.hex());
  }

  /**
   * The digest of a run's records, whatever their order: the sum modulo 2^64 of the 64-bit FNV-1a
   * hashes of each record's UTF-8 "source NUL record_id", as 16 hex digits.
   */
  public static String digest(Iterable<String[]> sourceAndId) {
    AssignmentFile.RecordDigest d = new AssignmentFile.RecordDigest();
    for (String[] r : sourceAndId) {
      d.add(r[0], r[1]);
    }
    return d.hex();
  }

  /**
   * One capture table per stratum, all over the same lists (the sources, sorted): a cluster belongs
   * to the stratum most of its records name ({@code stratumOf(source, recordId)}, null when a
   * record names none; ties go to the value seen first), or to {@value #UNKNOWN_STRATUM} when none
   * does. Strata are in sorted order.
   */
  public static Map<String, CaptureTable> fromClusters(
      Path file, BiFunction<String, String, String> stratumOf) {
    return readClustersFile(file, stratumOf).tablesByStratum(0);
  }

  /**
   * The records a clusters file holds, by source (sorted): to check that the clusters came from
   * linking the lists a caller holds.
   */
  public static Map<String, Set<String>> records(Path clustersFile) {
    Map<String, Set<String>> bySource = new TreeMap<>();
    for (String r : clusteredRecords(clustersFile)) {
      String[] sourceAndId = r.split("\u0000", 2);
      bySource.computeIfAbsent(sourceAndId[0], k -> new HashSet<>()).add(sourceAndId[1]);
    }
    return bySource;
  }

  /**
   * One capture table per alternative clustering of a draws file ({@code
   * source,record_id,draw_1,...,draw_K}, as {@code tumen link --draws} writes it), all over the
   * same lists (the sources, sorted), in draw order.
   */
  public static List<CaptureTable> fromDraws(Path file) {
    AssignmentFile a = readDrawsFile(file, null);
    List<CaptureTable> tables = new ArrayList<>();
    for (int d = 0; d < a.cluster.length; d++) {
      tables.add(a.table(d));
    }
    return tables;
  }

  /**
   * As {@link #fromDraws(Path)}, checking that the draws hold the records of a clusters file and no
   * others: draws of another run over the same lists would answer a question about other data.
   *
   * @throws BadInputException naming the draws file and a record that only one of the two holds
   */
  public static List<CaptureTable> fromDraws(Path file, Path clustersFile) {
    return fromDraws(file, readLinkage(clustersFile));
  }

  /** As {@link #fromDraws(Path, Path)}, against a clusters file already read. */
  public static List<CaptureTable> fromDraws(Path file, Linkage clusters) {
    AssignmentFile a = readDrawsFile(file, null);
    checkSameRecords(file, a, clusters);
    List<CaptureTable> tables = new ArrayList<>();
    for (int d = 0; d < a.cluster.length; d++) {
      tables.add(a.table(d));
    }
    return tables;
  }

  /**
   * Draws hold the records of the clusters when they have as many, with the same digest, over the
   * same sources; otherwise both files are read again exactly, to name a record only one holds.
   */
  private static void checkSameRecords(Path file, AssignmentFile draws, Linkage clusters) {
    if (draws.records != clusters.records()
        || !draws.digest.hex().equals(clusters.digest())
        || !draws.lists.equals(clusters.table().lists())) {
      checkedDraws(file, clusters.file());
      // The exact check found every record in both: the digests can only differ by a collision.
      throw new BadInputException(
          file.toString(),
          "does not hold the records of "
              + clusters.file()
              + ": the draws must come from the run that wrote the clusters");
    }
  }

  private static Assignments checkedDraws(Path file, Path clustersFile) {
    Assignments draws = readDraws(file);
    Set<String> clustered = clusteredRecords(clustersFile);
    String extra = firstMissing(draws.records(), clustered);
    String lacking = firstMissing(clustered, draws.records());
    if (extra != null || lacking != null) {
      String[] r = (extra != null ? extra : lacking).split("\u0000", 2);
      throw new BadInputException(
          file.toString(),
          (extra != null ? "holds" : "lacks")
              + " record "
              + abbreviate(r[1])
              + " of "
              + abbreviate(r[0])
              + (extra != null
                  ? ", which " + clustersFile + " does not"
                  : ", which " + clustersFile + " holds")
              + ": the draws must come from the run that wrote the clusters");
    }
    return draws;
  }

  /**
   * As {@link #fromDraws(Path, Path)}, with each draw's tables by stratum as in {@link
   * #fromClusters(Path, BiFunction)}: a draw's cluster belongs to the stratum most of its records
   * name.
   */
  public static List<Map<String, CaptureTable>> fromDraws(
      Path file, Path clustersFile, BiFunction<String, String, String> stratumOf) {
    AssignmentFile a = readDrawsFile(file, stratumOf);
    checkSameRecords(file, a, readLinkage(clustersFile));
    List<Map<String, CaptureTable>> out = new ArrayList<>();
    for (int d = 0; d < a.cluster.length; d++) {
      out.add(a.tablesByStratum(d));
    }
    return out;
  }

  private static AssignmentFile readDrawsFile(
      Path file, BiFunction<String, String, String> stratumOf) {
    return AssignmentFile.read(
        file, "source,record_id,draw_1,...,draw_K", CaptureTables::drawHeader, stratumOf);
  }

  private static boolean drawHeader(List<String> h) {
    for (int d = 2; d < h.size(); d++) {
      if (!h.get(d).equals("draw_" + (d - 1))) {
        return false;
      }
    }
    return h.size() > 2;
  }

  private static AssignmentFile readClustersFile(
      Path file, BiFunction<String, String, String> stratumOf) {
    return AssignmentFile.read(
        file,
        "source,record_id,cluster_id",
        h -> h.size() == 3 && h.get(2).equals("cluster_id"),
        stratumOf);
  }

  /**
   * Names the first record a file lists twice (exit 2), reading it exactly; called when two of its
   * records' hashes agree.
   */
  static void findRepeat(Path file) {
    readAssignments(file, "source,record_id,...", h -> h.size() >= 3);
  }

  private static String firstMissing(Set<String> from, Set<String> in) {
    for (String r : from) {
      if (!in.contains(r)) {
        return r;
      }
    }
    return null;
  }

  private static Assignments readDraws(Path file) {
    return readAssignments(file, "source,record_id,draw_1,...,draw_K", CaptureTables::drawHeader);
  }

  /** The stratum of clusters whose records name no stratum. */
  public static final String UNKNOWN_STRATUM = "unknown";

  /** The records of a clusters file as "source NUL record_id", read exactly. */
  private static Set<String> clusteredRecords(Path file) {
    return readAssignments(
            file,
            "source,record_id,cluster_id",
            h -> h.size() == 3 && h.get(2).equals("cluster_id"))
        .records();
  }

  /** The records of an assignment file ("source NUL record_id") and its sources, sorted. */
  private record Assignments(List<String> lists, Set<String> records) {}

  /**
   * Reads {@code source,record_id,<one or more columns of cluster ids>} exactly, keeping every
   * record's key: the slow path that names a repeated record or one that only one of two files
   * holds (AssignmentFile reads the tables).
   */
  private static Assignments readAssignments(
      Path file, String expected, java.util.function.Predicate<List<String>> columnsOk) {
    String name = file.toString();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
      var rows = parser.iterator();
      if (!rows.hasNext()) {
        throw new BadInputException(name, "the file is empty; expected " + expected);
      }
      List<String> header = header(rows.next());
      if (header.size() < 3
          || !header.get(0).equals("source")
          || !header.get(1).equals("record_id")
          || !columnsOk.test(header)) {
        throw new BadInputException(
            BadInputException.at(name, 1, 0),
            "expected the header " + expected + ", found " + abbreviate(String.join(",", header)));
      }
      int k = header.size() - 2;
      Set<String> records = new HashSet<>();
      TreeSet<String> sources = new TreeSet<>();
      while (rows.hasNext()) {
        CSVRecord row = rows.next();
        long line = lineNumber(row);
        if (row.size() == 1 && row.get(0).isEmpty()) {
          continue;
        }
        if (row.size() != k + 2) {
          throw new BadInputException(
              BadInputException.at(name, line, 0),
              "expected " + (k + 2) + " fields, found " + row.size());
        }
        if (!records.add(row.get(0) + '\u0000' + row.get(1))) {
          throw new BadInputException(
              BadInputException.at(name, line, 2),
              "record "
                  + abbreviate(row.get(1))
                  + " of "
                  + abbreviate(row.get(0))
                  + " appears twice");
        }
        sources.add(row.get(0));
      }
      return new Assignments(new ArrayList<>(sources), records);
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      throw new BadInputException(name, "malformed CSV: " + e.getMessage());
    } catch (IOException e) {
      throw new BadInputException(name, "cannot read: " + e.getMessage());
    }
  }

  private static List<CSVRecord> parse(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
      return parser.getRecords();
    } catch (java.nio.charset.MalformedInputException e) {
      throw new BadInputException(file.toString(), "not UTF-8 text");
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      throw new BadInputException(file.toString(), "malformed CSV: " + e.getMessage());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BadInputException(file.toString(), "no such file");
    } catch (IOException e) {
      throw new BadInputException(file.toString(), "cannot read: " + e.getMessage());
    }
  }

  static List<String> header(CSVRecord row) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < row.size(); c++) {
      String v = row.get(c);
      names.add(c == 0 && v.startsWith("\uFEFF") ? v.substring(1).trim() : v);
    }
    return names;
  }

  /**
   * The 1-based line of a record: the header is record 1, and no field of these formats spans
   * lines.
   */
  private static long lineNumber(CSVRecord row) {
    return row.getRecordNumber();
  }

  private static long parseCount(String text, String where) {
    if (text.startsWith("-")) {
      throw new BadInputException(where, "a count cannot be negative: " + abbreviate(text));
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      try {
        double d = Double.parseDouble(text);
        if (d == Math.rint(d) && d >= 0 && d < 9e15) {
          return (long) d;
        }
        throw new BadInputException(where, "a count must be a whole number: " + abbreviate(text));
      } catch (NumberFormatException e2) {
        throw new BadInputException(where, "a count must be a whole number: " + abbreviate(text));
      }
    }
  }

  static String abbreviate(String v) {
    return v.length() > 20 ? v.substring(0, 20) + "…" : v;
  }
}
