package org.tumen.estimate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.tumen.model.BadInputException;

/**
 * One streaming read of {@code source,record_id,<cluster columns>}: a clusters file (one column) or
 * the drawn clusterings of {@code tumen link --draws} (one column per draw). Nothing of a row is
 * kept but small integers: the record's source, its stratum when asked, and per column the index of
 * its cluster id among all the ids of the file; the records themselves are kept as their count and
 * an order-free digest. So a million records with twenty draws take about 100 MB, not the gigabytes
 * of rows held as strings (docs/benchmarks.md, "estimate at a million records").
 */
final class AssignmentFile {
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).get();

  /** The sources, sorted (code point order): the lists of every table. */
  final List<String> lists;

  /** Per record (in file order), its source's index in {@link #lists}. */
  final byte[] source;

  /** Per column, per record, the index of its cluster id (ids of all columns share one index). */
  final int[][] cluster;

  /** Per record, its stratum's index in {@link #strata}; null without a stratum function. */
  final int[] stratum;

  /** Stratum names by index; {@link CaptureTables#UNKNOWN_STRATUM}'s index is -1. */
  final List<String> strata;

  final int ids;
  final int records;
  final RecordDigest digest;

  private AssignmentFile(
      List<String> lists,
      byte[] source,
      int[][] cluster,
      int[] stratum,
      List<String> strata,
      int ids,
      int records,
      RecordDigest digest) {
    this.lists = lists;
    this.source = source;
    this.cluster = cluster;
    this.stratum = stratum;
    this.strata = strata;
    this.ids = ids;
    this.records = records;
    this.digest = digest;
  }

  /**
   * @param expected the header to name when it is wrong
   * @param columnsOk whether the header's columns are the expected ones
   * @param stratumOf a record's stratum value (null or blank for none), or null for no strata
   */
  static AssignmentFile read(
      Path file,
      String expected,
      Predicate<List<String>> columnsOk,
      BiFunction<String, String, String> stratumOf) {
    String name = file.toString();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
      var rows = parser.iterator();
      if (!rows.hasNext()) {
        throw new BadInputException(name, "the file is empty; expected " + expected);
      }
      List<String> header = CaptureTables.header(rows.next());
      if (header.size() < 3
          || !header.get(0).equals("source")
          || !header.get(1).equals("record_id")
          || !columnsOk.test(header)) {
        throw new BadInputException(
            BadInputException.at(name, 1, 0),
            "expected the header "
                + expected
                + ", found "
                + CaptureTables.abbreviate(String.join(",", header)));
      }
      int k = header.size() - 2;
      Map<String, Integer> sourceIndex = new HashMap<>();
      List<String> sourceNames = new ArrayList<>();
      Map<String, Integer> idIndex = new HashMap<>();
      Map<String, Integer> stratumIndex = new HashMap<>();
      List<String> strata = new ArrayList<>();
      int capacity = 1024;
      byte[] source = new byte[capacity];
      int[][] cluster = new int[k][capacity];
      int[] stratum = stratumOf == null ? null : new int[capacity];
      long[] hashes = new long[capacity];
      RecordDigest digest = new RecordDigest();
      int n = 0;
      while (rows.hasNext()) {
        CSVRecord row = rows.next();
        long line = row.getRecordNumber();
        if (row.size() == 1 && row.get(0).isEmpty()) {
          continue;
        }
        if (row.size() != k + 2) {
          throw new BadInputException(
              BadInputException.at(name, line, 0),
              "expected " + (k + 2) + " fields, found " + row.size());
        }
        for (int c = 0; c < row.size(); c++) {
          if (row.get(c).isEmpty()) {
            throw new BadInputException(
                BadInputException.at(name, line, c + 1), header.get(c) + " is blank");
          }
        }
        if (n == capacity) {
          capacity *= 2;
          source = Arrays.copyOf(source, capacity);
          for (int d = 0; d < k; d++) {
            cluster[d] = Arrays.copyOf(cluster[d], capacity);
          }
          stratum = stratum == null ? null : Arrays.copyOf(stratum, capacity);
          hashes = Arrays.copyOf(hashes, capacity);
        }
        String src = row.get(0);
        Integer s = sourceIndex.get(src);
        if (s == null) {
          if (sourceNames.size() == 30) {
            throw new BadInputException(
                name, "at most 30 sources are supported; found more than 30");
          }
          s = sourceNames.size();
          sourceIndex.put(src, s);
          sourceNames.add(src);
        }
        source[n] = (byte) (int) s;
        hashes[n] = digest.add(src, row.get(1));
        for (int d = 0; d < k; d++) {
          String id = row.get(2 + d);
          Integer i = idIndex.get(id);
          if (i == null) {
            i = idIndex.size();
            idIndex.put(id, i);
          }
          cluster[d][n] = i;
        }
        if (stratumOf != null) {
          String v = stratumOf.apply(src, row.get(1));
          if (v == null || v.isBlank()) {
            stratum[n] = -1;
          } else {
            Integer i = stratumIndex.get(v);
            if (i == null) {
              i = strata.size();
              stratumIndex.put(v, i);
              strata.add(v);
            }
            stratum[n] = i;
          }
        }
        n++;
      }
      checkRepeats(file, Arrays.copyOf(hashes, n));
      if (sourceNames.size() < 2) {
        throw new BadInputException(
            name, "capture–recapture needs at least two sources; found " + sourceNames.size());
      }
      // The lists are the sources sorted, whatever the order of the rows.
      List<String> sorted = new ArrayList<>(new TreeSet<>(sourceNames));
      byte[] rank = new byte[sourceNames.size()];
      for (int i = 0; i < rank.length; i++) {
        rank[i] = (byte) sorted.indexOf(sourceNames.get(i));
      }
      byte[] src = new byte[n];
      for (int r = 0; r < n; r++) {
        src[r] = rank[source[r]];
      }
      for (int d = 0; d < k; d++) {
        cluster[d] = Arrays.copyOf(cluster[d], n);
      }
      return new AssignmentFile(
          sorted,
          src,
          cluster,
          stratum == null ? null : Arrays.copyOf(stratum, n),
          strata,
          idIndex.size(),
          n,
          digest);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new BadInputException(name, "not UTF-8 text");
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      if (e.getCause() instanceof java.nio.charset.MalformedInputException) {
        throw new BadInputException(name, "not UTF-8 text");
      }
      throw new BadInputException(name, "malformed CSV: " + e.getMessage());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BadInputException(name, "no such file");
    } catch (IOException e) {
      throw new BadInputException(name, "cannot read: " + e.getMessage());
    }
  }

  /**
   * A record listed twice: found by its 64-bit hash, then named by a second, exact read (only when
   * two hashes agree, which for distinct records happens about once in 10^7 files of a million).
   */
  private static void checkRepeats(Path file, long[] hashes) {
    long[] sorted = hashes.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        CaptureTables.findRepeat(file);
        return;
      }
    }
  }

  /** The capture table of one column: each cluster one person, its sources its lists. */
  CaptureTable table(int column) {
    return new CaptureTable(lists, counts(column));
  }

  /**
   * The tables of one column by stratum: a cluster belongs to the stratum most of its records name
   * (ties to the value met first in the file), or to {@link CaptureTables#UNKNOWN_STRATUM}.
   */
  Map<String, CaptureTable> tablesByStratum(int column) {
    int[] col = cluster[column];
    // Per cluster, its votes: stratum → count, in the order first met.
    Map<Integer, LinkedHashMap<Integer, Integer>> votes = new HashMap<>();
    for (int r = 0; r < records; r++) {
      if (stratum[r] >= 0) {
        votes
            .computeIfAbsent(col[r], c -> new LinkedHashMap<>())
            .merge(stratum[r], 1, Integer::sum);
      }
    }
    int[] of = new int[ids];
    Arrays.fill(of, -1);
    votes.forEach(
        (c, v) ->
            of[c] =
                v.entrySet().stream()
                    .reduce((x, y) -> y.getValue() > x.getValue() ? y : x)
                    .orElseThrow()
                    .getKey());
    Map<String, CaptureTable> out = new TreeMap<>();
    int[] patterns = patterns(column);
    Map<Integer, long[]> counts = new HashMap<>();
    for (int c = 0; c < ids; c++) {
      if (patterns[c] != 0) {
        counts.computeIfAbsent(of[c], s -> new long[1 << lists.size()])[patterns[c]]++;
      }
    }
    counts.forEach(
        (s, c) ->
            out.put(
                s < 0 ? CaptureTables.UNKNOWN_STRATUM : strata.get(s), new CaptureTable(lists, c)));
    return out;
  }

  private long[] counts(int column) {
    long[] counts = new long[1 << lists.size()];
    for (int p : patterns(column)) {
      if (p != 0) {
        counts[p]++;
      }
    }
    return counts;
  }

  /** Per cluster id, the lists its records are on in this column (0 for ids it does not use). */
  private int[] patterns(int column) {
    int[] col = cluster[column];
    int[] patterns = new int[ids];
    for (int r = 0; r < records; r++) {
      patterns[col[r]] |= 1 << source[r];
    }
    return patterns;
  }

  /**
   * The records of a file whatever their order: their count and the sum modulo 2^64 of the 64-bit
   * FNV-1a hashes of each record's UTF-8 "source NUL record_id" (the digest {@code tumen link}
   * writes in its linkage-errors file).
   */
  static final class RecordDigest {
    private long sum;

    long add(String source, String id) {
      long h = hash(source + "\u0000" + id);
      sum += h;
      return h;
    }

    String hex() {
      return String.format("%016x", sum);
    }

    static long hash(String key) {
      long h = 0xcbf29ce484222325L;
      for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
        h ^= b & 0xff;
        h *= 0x100000001b3L;
      }
      return h;
    }
  }
}
