package org.tumen.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumen.model.BadInputException;

class CaptureTablesTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void readsTableWithMissingPatternsAsZero() throws IOException {
    CaptureTable t =
        CaptureTables.readCsv(write("t.csv", "a,b,c,count\n1,0,0,5\n1,1,0,2\n0,0,1,7\n"));
    assertThat(t.lists()).containsExactly("a", "b", "c");
    assertThat(t.count(0b001)).isEqualTo(5);
    assertThat(t.count(0b011)).isEqualTo(2);
    assertThat(t.count(0b100)).isEqualTo(7);
    assertThat(t.count(0b111)).isZero();
    assertThat(t.observed()).isEqualTo(14);
  }

  @Test
  void readsSharedHivTable() {
    CaptureTable t = MseData.table("hiv_rome");
    // hiv_rome.md: 1,896 distinct; list totals 466, 630, 693, 236.
    assertThat(t.observed()).isEqualTo(1896);
    assertThat(t.listSize(0)).isEqualTo(466);
    assertThat(t.listSize(3)).isEqualTo(236);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a,b,count\\n2,0,5\\n | t.csv:2:1 | 0 or 1",
        "a,b,count\\n1,0,-5\\n | t.csv:2:3 | negative",
        "a,b,count\\n1,0,2.5\\n | t.csv:2:3 | whole number",
        "a,b,count\\n0,0,3\\n | t.csv:2:1 | all-zero",
        "a,count\\n1,3\\n | t.csv:1 | at least two lists",
        "a,b,count\\n1,0,3\\n0,1,2\\n1,0,4\\n | t.csv:4:1 | repeated (first on line 2)",
        "a,b,total\\n1,0,3\\n | t.csv:1:3 | must be",
        "a,b,count\\n1,0\\n | t.csv:2 | expected 3 fields",
      })
  void rejectsBadTables(String text, String where, String problem) throws IOException {
    Path p = write("t.csv", text.replace("\\n", "\n"));
    assertThatThrownBy(() -> CaptureTables.readCsv(p))
        .isInstanceOf(BadInputException.class)
        .satisfies(
            e -> {
              BadInputException b = (BadInputException) e;
              assertThat(b.where()).isEqualTo(p.toString() + where.substring("t.csv".length()));
              assertThat(b.problem()).contains(problem);
            });
  }

  @Test
  void buildsTableFromClustersWithSortedSources() throws IOException {
    Path p =
        write(
            "c.csv",
            "source,record_id,cluster_id\n"
                + "zeta,1,A\nalpha,9,A\nalpha,2,B\nalpha,3,B\nzeta,4,C\nmid,5,C\nmid,6,D\n");
    CaptureTable t = CaptureTables.fromClusters(p);
    assertThat(t.lists()).containsExactly("alpha", "mid", "zeta");
    assertThat(t.count(0b101)).isEqualTo(1); // A: alpha + zeta
    assertThat(t.count(0b001)).isEqualTo(1); // B: two alpha records, one person
    assertThat(t.count(0b110)).isEqualTo(1); // C: zeta + mid
    assertThat(t.count(0b010)).isEqualTo(1); // D
    assertThat(t.observed()).isEqualTo(4);
  }

  @Test
  void stratifiesClustersByTheMajorityOfTheirRecordsOverTheSameLists() throws IOException {
    Path p =
        write(
            "c.csv",
            "source,record_id,cluster_id\n"
                + "zeta,1,A\nalpha,9,A\nalpha,2,B\nalpha,3,B\nzeta,4,C\nmid,5,C\nmid,6,D\n");
    java.util.Map<String, String> sex =
        java.util.Map.of(
            "zeta/1", "F", "alpha/9", "F", "alpha/2", "M", "alpha/3", "F", "zeta/4", "M");
    java.util.Map<String, CaptureTable> strata =
        CaptureTables.fromClusters(p, (source, id) -> sex.get(source + "/" + id));
    // A: F,F -> F. B: M,F -> a tie, the first seen wins -> M. C: M and no value -> M. D: none.
    assertThat(strata.keySet()).containsExactly("F", "M", CaptureTables.UNKNOWN_STRATUM);
    assertThat(strata.values())
        .allSatisfy(t -> assertThat(t.lists()).containsExactly("alpha", "mid", "zeta"));
    assertThat(strata.get("F").count(0b101)).isEqualTo(1);
    assertThat(strata.get("M").count(0b001)).isEqualTo(1);
    assertThat(strata.get("M").count(0b110)).isEqualTo(1);
    assertThat(strata.get(CaptureTables.UNKNOWN_STRATUM).count(0b010)).isEqualTo(1);
    long[] sum = new long[8];
    strata
        .values()
        .forEach(
            t -> {
              for (int i = 0; i < 8; i++) {
                sum[i] += t.count(i);
              }
            });
    assertThat(sum).isEqualTo(CaptureTables.fromClusters(p).counts());
  }

  @Test
  void rejectsRepeatedRecordInClusters() throws IOException {
    Path p = write("c.csv", "source,record_id,cluster_id\na,1,X\nb,1,X\na,1,Y\n");
    assertThatThrownBy(() -> CaptureTables.fromClusters(p))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(":4:2")
        .hasMessageContaining("appears twice");
  }

  @Test
  void rejectsSingleSourceClusters() throws IOException {
    Path p = write("c.csv", "source,record_id,cluster_id\na,1,X\na,2,Y\n");
    assertThatThrownBy(() -> CaptureTables.fromClusters(p))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("at least two sources");
  }

  /** Each draw column is a clustering: its table is the one a clusters file of it gives. */
  @Test
  void readsOneTablePerDrawOverTheSameLists() throws IOException {
    Path draws =
        write(
            "d.csv",
            "source,record_id,draw_1,draw_2\n" + "b,1,1,1\na,1,1,2\na,2,2,3\nc,9,2,3\nb,2,3,4\n");
    java.util.List<CaptureTable> tables = CaptureTables.fromDraws(draws);
    assertThat(tables).hasSize(2);
    for (int d = 0; d < 2; d++) {
      StringBuilder csv = new StringBuilder("source,record_id,cluster_id\n");
      for (String line : Files.readAllLines(draws).subList(1, 6)) {
        String[] f = line.split(",");
        csv.append(f[0]).append(',').append(f[1]).append(',').append(f[2 + d]).append('\n');
      }
      CaptureTable one = CaptureTables.fromClusters(write("c" + d + ".csv", csv.toString()));
      assertThat(tables.get(d).lists()).containsExactly("a", "b", "c");
      assertThat(tables.get(d).counts()).isEqualTo(one.counts());
    }
    // draw 1: {b1, a1} {a2, c9} {b2}; draw 2: {b1} {a1} {a2, c9} {b2}
    assertThat(tables.get(0).count(0b011)).isEqualTo(1);
    assertThat(tables.get(0).observed()).isEqualTo(3);
    assertThat(tables.get(1).observed()).isEqualTo(4);
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "source,record_id,cluster_id\\na,1,1\\nb,1,1 | d.csv:1 | expected the header",
        "source,record_id,draw_1,draw_3\\na,1,1,1\\nb,1,1,1 | d.csv:1 | expected the header",
        "source,record_id,draw_1\\na,1,1\\nb,1 | d.csv:3 | expected 3 fields, found 2",
        "source,record_id,draw_1\\na,1,1\\na,1,2 | d.csv:3:2 | appears twice",
        "source,record_id,draw_1\\na,1,1\\na,2,1 | d.csv | needs at least two sources",
        "'' | d.csv | the file is empty",
      })
  void rejectsBadDrawFiles(String text, String where, String problem) throws IOException {
    Path p = write("d.csv", text.replace("\\n", "\n"));
    assertThatThrownBy(() -> CaptureTables.fromDraws(p))
        .isInstanceOf(BadInputException.class)
        .satisfies(
            e -> {
              BadInputException b = (BadInputException) e;
              assertThat(b.where()).isEqualTo(p.toString() + where.substring("d.csv".length()));
              assertThat(b.problem()).contains(problem);
            });
  }

  @Test
  void drawsMustHoldTheRecordsOfTheClusters() throws IOException {
    Path clusters = write("c.csv", "source,record_id,cluster_id\na,1,1\nb,1,1\nb,2,2\n");
    Path same = write("d1.csv", "source,record_id,draw_1,draw_2\nb,2,1,1\na,1,2,2\nb,1,3,2\n");
    assertThat(CaptureTables.fromDraws(same, clusters)).hasSize(2);
    Path more = write("d2.csv", "source,record_id,draw_1\na,1,1\nb,1,1\nb,2,2\na,9,3\n");
    assertThatThrownBy(() -> CaptureTables.fromDraws(more, clusters))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("holds record 9 of a, which " + clusters + " does not");
    Path fewer = write("d3.csv", "source,record_id,draw_1\na,1,1\nb,1,1\n");
    assertThatThrownBy(() -> CaptureTables.fromDraws(fewer, clusters))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("lacks record 2 of b, which " + clusters + " holds");
  }
}
