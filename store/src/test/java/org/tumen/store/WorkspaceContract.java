package org.tumen.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;
import org.tumen.model.Progress;
import org.tumen.store.clusters.ClusterAssignment;
import org.tumen.store.clusters.LinkageRun;
import org.tumen.store.estimates.StoredEstimate;
import org.tumen.store.identity.IdentityDocument;
import org.tumen.store.imports.ImportSummary;
import org.tumen.store.records.StoredList;
import org.tumen.store.records.StoredRecord;

/**
 * The repository contract, run once per database (H2 embedded, PostgreSQL): what is imported reads
 * back exactly, bad input stores nothing, runs and estimates round-trip, and identities pass
 * through the codec only. All data here is synthetic.
 */
abstract class WorkspaceContract {

  @TempDir Path dir;
  Workspace ws;

  /** Opens a fresh, empty workspace in {@code folder}. */
  abstract Workspace open(Path folder);

  @BeforeEach
  void openWorkspace() {
    ws = open(dir.resolve("ws"));
    // This contract is about storage: plaintext, chosen explicitly (the protection contract covers
    // sealing, and that a workspace with no codec chosen stores no identity).
    ws.useCodec(new org.tumen.store.identity.PlaintextCodec());
  }

  @AfterEach
  void closeWorkspace() {
    ws.close();
  }

  static final String KOREAN =
      "번호,성명,성별,생년월일,출생지,비고,연락처\n"
          + "K1,김철수,남,1975.3.9,함경북도,synthetic,010-0000-0001\n"
          + "K2,이영희,여,1980년 12월 1일,,synthetic,\n"
          + "K3,박,여,1962,Ryanggang,\"synthetic, \"\"quoted\"\" note\",\n";

  Path write(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  ImportSummary importText(String list, String text) throws Exception {
    return ws.importer()
        .importList(list, write(list + ".csv", text), null, Map.of(), Progress.NONE);
  }

  List<StoredRecord> records(String list) {
    List<StoredRecord> out = new ArrayList<>();
    ws.records().forEachRecord(list, out::add);
    return out;
  }

  long count(String table) throws SQLException {
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void importedListReadsBackAsWritten() throws Exception {
    ImportSummary s = importText("church-a", KOREAN);

    assertThat(s.records()).isEqualTo(3);
    assertThat(s.extraColumns()).containsExactly("연락처");
    StoredList list = ws.records().list("church-a");
    assertThat(list.headers()).containsExactly("번호", "성명", "성별", "생년월일", "출생지", "비고", "연락처");
    assertThat(list.fields())
        .containsExactly("id", "full_name", "sex", "birth_date", "birthplace", "note", "extra.7");
    assertThat(list.records()).isEqualTo(3);
    List<StoredRecord> rs = records("church-a");
    assertThat(rs)
        .extracting(StoredRecord::values)
        .containsExactly(
            List.of("K1", "김철수", "남", "1975.3.9", "함경북도", "synthetic", "010-0000-0001"),
            List.of("K2", "이영희", "여", "1980년 12월 1일", "", "synthetic", ""),
            List.of("K3", "박", "여", "1962", "Ryanggang", "synthetic, \"quoted\" note", ""));
    assertThat(rs).extracting(StoredRecord::line).containsExactly(2L, 3L, 4L);
    assertThat(rs).extracting(StoredRecord::personId).doesNotHaveDuplicates();
  }

  @Test
  void codedFieldsAreTheOnlyPlainFacts() throws Exception {
    // Three documents, and the file's name and its 7 headers (issue 12, finding 1).
    assertThat(importText("church-a", KOREAN).sealedValues()).isEqualTo(3 + 1 + 7);
    // A record with no identity value (only its id) gets no sealed document.
    assertThat(importText("one-blank", "id,name\n1,\n2,Kim (synthetic)\n").sealedValues())
        .isEqualTo(1 + 1 + 2);
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT source_record_id, sex, birth_precision FROM record ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1) + "," + rs.getString(2) + "," + rs.getString(3));
      }
      assertThat(rows).containsExactly("K1,M,D", "K2,F,D", "K3,F,Y", "1,null,null", "2,null,null");
    }
    // One sealed document per record that has any value, holding its non-blank, non-id values;
    // the only other sealed values are each file's name and headers.
    assertThat(count("identity_field")).isEqualTo((1 + 7) + (1 + 2));
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT sealed_values FROM record WHERE sealed_values IS NOT NULL ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      List<Integer> sizes = new ArrayList<>();
      while (rs.next()) {
        sizes.add(
            IdentityDocument.decode(new String(rs.getBytes(1), StandardCharsets.UTF_8)).size());
      }
      assertThat(sizes).containsExactly(6, 4, 5, 1);
    }
  }

  @Test
  void reimportingTheSameFileChangesNothing() throws Exception {
    ImportSummary first = importText("church-a", KOREAN);
    ImportSummary again = importText("church-a", KOREAN);

    assertThat(first.alreadyImported()).isFalse();
    assertThat(again.alreadyImported()).isTrue();
    assertThat(again.records()).isEqualTo(3);
    assertThat(again.importedAt()).isEqualTo(first.importedAt());
    assertThat(again.extraColumns()).containsExactly("연락처");
    assertThat(count("record")).isEqualTo(3);
    assertThat(count("import_batch")).isEqualTo(1);
  }

  @Test
  void anotherFileForTheSameListIsRefused() throws Exception {
    importText("church-a", KOREAN);
    assertThatThrownBy(() -> importText("church-a", KOREAN + "K4,최,여,1970,,synthetic,\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("already holds another file");
    assertThat(count("record")).isEqualTo(3);
  }

  @Test
  void aBadRowLeavesNothingBehind() throws Exception {
    String bad = KOREAN + "K1,최,여,1970,,synthetic,\n";
    assertThatThrownBy(() -> importText("church-a", bad))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("church-a.csv:5:1: duplicate record id: line 2 has the same id");
    for (String table :
        List.of("source", "list_column", "import_batch", "person", "record", "identity_field")) {
      assertThat(count(table)).as(table).isZero();
    }
    assertThat(ws.records().lists()).isEmpty();
  }

  @Test
  void aForgottenPersonsRecordKeepsItsPlaceButNoValues() throws Exception {
    importText("church-a", KOREAN);
    long person = records("church-a").get(1).personId();
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE person SET wrapped_key = NULL, forgotten_at = ? WHERE id = ?")) {
      ps.setObject(1, Database.now());
      ps.setLong(2, person);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }

    List<StoredRecord> rs = records("church-a");

    assertThat(rs).extracting(StoredRecord::forgotten).containsExactly(false, true, false);
    assertThat(rs.get(1).values()).containsExactly("K2", "", "", "", "", "", "");
    assertThat(ws.records().list("church-a").records()).isEqualTo(3);
  }

  @Test
  void workspaceReopensWithItsData() throws Exception {
    importText("church-a", KOREAN);
    ws.close();
    ws = open(dir.resolve("ws"));
    assertThat(records("church-a")).hasSize(3);
  }

  @Test
  void linkageRunsRoundTrip() throws Exception {
    importText("church-a", KOREAN);
    importText("ngo-b", "rec_id,full_name\nB1,Kim Chol Su\nB2,Ri Yong Hui\n");
    List<ClusterAssignment> members =
        List.of(
            new ClusterAssignment("church-a", "K1", "c1"),
            new ClusterAssignment("ngo-b", "B1", "c1"),
            new ClusterAssignment("church-a", "K2", "c2"),
            new ClusterAssignment("ngo-b", "B2", "c2"),
            new ClusterAssignment("church-a", "K3", "c3"));

    LinkageRun run = ws.clusters().saveRun("test run", members);

    assertThat(run.records()).isEqualTo(5);
    assertThat(run.clusters()).isEqualTo(3);
    assertThat(ws.clusters().runs())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.id()).isEqualTo(run.id());
              assertThat(r.clusters()).isEqualTo(3);
            });
    List<ClusterAssignment> back = new ArrayList<>();
    ws.clusters().forEachMember(run.id(), back::add);
    assertThat(back).containsExactlyInAnyOrderElementsOf(members);
  }

  @Test
  void aRunNamingAnUnknownRecordSavesNothing() throws Exception {
    importText("church-a", KOREAN);
    List<ClusterAssignment> members =
        List.of(
            new ClusterAssignment("church-a", "K1", "c1"),
            new ClusterAssignment("church-a", "K9", "c2"));
    assertThatThrownBy(() -> ws.clusters().saveRun("bad", members))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no record K9");
    assertThat(ws.clusters().runs()).isEmpty();
    assertThat(count("cluster_member")).isZero();
  }

  @Test
  void estimatesRoundTrip() throws Exception {
    importText("church-a", KOREAN);
    LinkageRun run =
        ws.clusters().saveRun("r", List.of(new ClusterAssignment("church-a", "K1", "c1")));
    StoredEstimate e =
        new StoredEstimate(
            0,
            run.id(),
            "all",
            List.of("a", "b", "c"),
            "loglinear",
            "Mt+[1,2]",
            812,
            1304.5,
            0.95,
            1100.0,
            1610.25,
            "{\"aic\": 12.5}",
            "0.1.0",
            null);
    StoredEstimate none =
        new StoredEstimate(
            0,
            null,
            "all",
            List.of("a", "b"),
            "loglinear",
            "Mt",
            10,
            null,
            null,
            null,
            null,
            "{\"inestimable\": \"no overlap\"}",
            "0.1.0",
            null);

    StoredEstimate saved = ws.estimates().save(e);
    ws.estimates().save(none);

    assertThat(ws.estimates().all()).hasSize(2);
    StoredEstimate back = ws.estimates().all().get(0);
    assertThat(back).isEqualTo(saved);
    assertThat(back.estimate()).isEqualTo(1304.5);
    assertThat(ws.estimates().all().get(1).estimate()).isNull();
  }

  @Test
  void identitiesPassThroughTheCodecOnly() throws Exception {
    ws.useCodec(new ReversingCodec());
    importText("church-a", KOREAN);

    assertThat(records("church-a").get(0).values())
        .containsExactly("K1", "김철수", "남", "1975.3.9", "함경북도", "synthetic", "010-0000-0001");
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT r.sealed_values, r.name_index, p.wrapped_key FROM record r"
                    + " JOIN person p ON p.id = r.person_id");
        ResultSet rs = ps.executeQuery()) {
      int n = 0;
      while (rs.next()) {
        n++;
        String sealed = new String(rs.getBytes(1), StandardCharsets.UTF_8);
        assertThat(sealed).doesNotContain("김철수").doesNotContain("함경북도");
        assertThat(rs.getBytes(2)).isNotNull();
        assertThat(rs.getBytes(3)).isNotNull();
      }
      assertThat(n).isEqualTo(3);
    }
  }

  @Test
  void aWorkspaceSealedByOneCodecRefusesAnother() throws Exception {
    ws.useCodec(new ReversingCodec());
    importText("church-a", KOREAN);
    ws.useCodec(new org.tumen.store.identity.PlaintextCodec());

    assertThatThrownBy(() -> records("church-a"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("sealed by 'reversing-test'");
    assertThatThrownBy(() -> importText("ngo-b", "id,name\n1,x\n"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("sealed by 'reversing-test'");
    assertThat(count("source")).isEqualTo(1);
  }

  /**
   * Issue 12, finding 13: the migration that cuts stored 16-bit name indexes to the 8 bits the
   * codec now keeps (their first byte) runs on this database, and leaves other lengths alone.
   */
  @Test
  void finding13NameIndexesAreCutToTheirFirstByte() throws Exception {
    importText("church-a", KOREAN);
    List<Long> ids = new ArrayList<>();
    try (Connection c = ws.dataSource().getConnection()) {
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM record ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      byte[][] before = {{(byte) 0xAB, (byte) 0xCD}, {1, 2, 3}, {(byte) 0x7F, 0}};
      for (int i = 0; i < 3; i++) {
        try (PreparedStatement ps =
            c.prepareStatement("UPDATE record SET name_index = ? WHERE id = ?")) {
          ps.setBytes(1, before[i]);
          ps.setLong(2, ids.get(i));
          ps.executeUpdate();
        }
      }
      String sql =
          new String(
              getClass()
                  .getResourceAsStream("/db/tumen/V2_201__name_index_8_bits.sql")
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!statement.isBlank()) {
          try (PreparedStatement ps = c.prepareStatement(statement)) {
            ps.executeUpdate();
          }
        }
      }
      byte[][] after = {{(byte) 0xAB}, {1, 2, 3}, {(byte) 0x7F}};
      for (int i = 0; i < 3; i++) {
        try (PreparedStatement ps =
            c.prepareStatement("SELECT name_index FROM record WHERE id = ?")) {
          ps.setLong(1, ids.get(i));
          try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBytes(1)).isEqualTo(after[i]);
          }
        }
      }
    }
  }

  /**
   * Issue 12, finding 12: {@code tumen find --list --record} learns whom a list's record is about
   * without opening an identity, forgotten or not.
   */
  @Test
  void finding12ThePersonOfAListsRecordIsFoundWithoutOpeningIdentities() throws Exception {
    importText("church-a", KOREAN);
    List<StoredRecord> rs = records("church-a");
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE person SET wrapped_key = NULL, forgotten_at = ? WHERE id = ?")) {
      ps.setObject(1, Database.now());
      ps.setLong(2, rs.get(2).personId());
      ps.executeUpdate();
    }
    assertThat(ws.records().personOf("church-a", "K2"))
        .contains(
            new org.tumen.store.records.RecordRepository.PersonRef(rs.get(1).personId(), false));
    assertThat(ws.records().personOf("church-a", "K3"))
        .contains(
            new org.tumen.store.records.RecordRepository.PersonRef(rs.get(2).personId(), true));
    assertThat(ws.records().personOf("church-a", "K9")).isEmpty();
    assertThatThrownBy(() -> ws.records().personOf("church-z", "K1"))
        .isInstanceOf(BadInputException.class);
  }
}
