package org.tumen.store.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;
import org.tumen.model.Progress;
import org.tumen.store.Workspace;
import org.tumen.store.records.StoredRecord;

/**
 * Importing lists: encodings, XLSX, and every kind of bad input, each of which must name the file,
 * line and column and store nothing. All names and dates here are synthetic.
 */
class ListImporterTest {

  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void open() {
    ws = Workspace.open(dir.resolve("ws"), Optional.empty());
    // Parsing is under test, not protection: plaintext, chosen explicitly.
    ws.useCodec(new org.tumen.store.identity.PlaintextCodec());
  }

  @AfterEach
  void close() {
    ws.close();
  }

  private Path file(String name, byte[] bytes) throws Exception {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return f;
  }

  private Path csv(String name, String text) throws Exception {
    return file(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private ImportSummary load(String list, Path f) {
    return ws.importer().importList(list, f, null, Map.of(), Progress.NONE);
  }

  private List<List<String>> values(String list) {
    List<List<String>> out = new ArrayList<>();
    ws.records().forEachRecord(list, r -> out.add(r.values()));
    return out;
  }

  private long stored() throws Exception {
    long n = 0;
    try (Connection c = ws.dataSource().getConnection()) {
      for (String t : List.of("source", "import_batch", "person", "record", "identity_field")) {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t);
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          n += rs.getLong(1);
        }
      }
    }
    return n;
  }

  /** Imports {@code f}, expects bad input with exactly {@code message}, and that nothing stayed. */
  private void refused(Path f, String message) throws Exception {
    assertThatThrownBy(() -> load("l", f))
        .isInstanceOf(BadInputException.class)
        .hasMessage(message);
    assertThat(stored()).isZero();
  }

  @Test
  void readsUtf8WithAndWithoutByteOrderMark() throws Exception {
    String text = "번호,성명,비고\n1,김철수,synthetic\n";
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, withBom, 0, 3);
    System.arraycopy(body, 0, withBom, 3, body.length);

    ImportSummary a = load("a", file("a.csv", withBom));
    ImportSummary b = load("b", file("b.csv", body));

    assertThat(a.encoding()).isEqualTo("UTF-8");
    assertThat(ws.records().list("a").headers()).containsExactly("번호", "성명", "비고");
    assertThat(values("a"))
        .isEqualTo(values("b"))
        .containsExactly(List.of("1", "김철수", "synthetic"));
  }

  @Test
  void readsEucKrAndCp949() throws Exception {
    // 똠 is in CP949 but not in EUC-KR's KS X 1001 set: both must read.
    String text = "번호,성명,성별,출생지\n1,김철수,남,함경북도\n2,이똠,여,량강도\n";
    Path f = file("euc.csv", text.getBytes(Charset.forName("x-windows-949")));

    ImportSummary s = load("euc", f);

    assertThat(s.encoding()).isEqualTo("x-windows-949");
    assertThat(values("euc"))
        .containsExactly(List.of("1", "김철수", "남", "함경북도"), List.of("2", "이똠", "여", "량강도"));
  }

  @Test
  void readsXlsxWithDateCellsAsIsoDates() throws Exception {
    Path f = dir.resolve("list.xlsx");
    try (SXSSFWorkbook wb = new SXSSFWorkbook();
        OutputStream out = Files.newOutputStream(f)) {
      var sheet = wb.createSheet("list");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
      String[] header = {"编号", "姓名", "性别", "出生日期", "籍贯", "备注", "电话"};
      Row h = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      Row r1 = sheet.createRow(1);
      r1.createCell(0).setCellValue(101);
      r1.createCell(1).setCellValue("金哲洙");
      r1.createCell(2).setCellValue("男");
      r1.createCell(3).setCellValue(LocalDate.of(1975, 3, 9));
      r1.getCell(3).setCellStyle(date);
      r1.createCell(4).setCellValue("咸镜北道");
      r1.createCell(5).setCellValue("synthetic");
      Row r2 = sheet.createRow(2);
      r2.createCell(0).setCellValue(102);
      r2.createCell(1).setCellValue("李英姬");
      r2.createCell(3).setCellValue("1980年12月");
      wb.write(out);
    }

    ImportSummary s = load("x", f);

    assertThat(s.format()).isEqualTo(ImportFormat.XLSX);
    assertThat(s.extraColumns()).containsExactly("电话");
    assertThat(values("x"))
        .containsExactly(
            List.of("101", "金哲洙", "男", "1975-03-09", "咸镜北道", "synthetic", ""),
            List.of("102", "李英姬", "", "1980年12月", "", "", ""));
  }

  @Test
  void anXlsxBadDateNamesRowAndColumn() throws Exception {
    Path f = dir.resolve("bad.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(f)) {
      var sheet = wb.createSheet();
      Row h = sheet.createRow(0);
      h.createCell(0).setCellValue("id");
      h.createCell(1).setCellValue("name");
      h.createCell(2).setCellValue("birth_date");
      Row r = sheet.createRow(3);
      r.createCell(0).setCellValue("a");
      r.createCell(1).setCellValue("x");
      r.createCell(2).setCellValue("1975-02-30");
      wb.write(out);
    }
    refused(f, f + ":4:3: birth_date: not a real date: month 2 of 1975 has no day 30");
  }

  @Test
  void keepsAndReportsExtraColumns() throws Exception {
    ImportSummary s = load("e", csv("e.csv", "id,name,a,b\n1,x,secret phone,\n2,y,,blue\n"));
    assertThat(s.extraColumns()).containsExactly("a", "b");
    assertThat(values("e"))
        .containsExactly(List.of("1", "x", "secret phone", ""), List.of("2", "y", "", "blue"));
  }

  @Test
  void everyRowArrivesWhateverItsPlaceInTheWritersStatements() throws Exception {
    // Rows are written RowWriter.ROWS at a time: a list of full statements, one with a partial
    // last statement, and one shorter than a statement.
    for (int rows :
        new int[] {2 * RowWriter.ROWS, 2 * RowWriter.ROWS + 37, RowWriter.ROWS - 1, 1}) {
      StringBuilder text = new StringBuilder("id,name,birth\n");
      for (int i = 1; i <= rows; i++) {
        text.append(i)
            .append(",synthetic ")
            .append(i)
            .append(",19")
            .append(40 + i % 60)
            .append('\n');
      }
      String list = "n" + rows;
      assertThat(load(list, csv(list + ".csv", text.toString())).records()).isEqualTo(rows);
      List<List<String>> v = values(list);
      assertThat(v).hasSize(rows);
      for (int i = 1; i <= rows; i++) {
        assertThat(v.get(i - 1))
            .containsExactly(String.valueOf(i), "synthetic " + i, "19" + (40 + i % 60));
      }
    }
    try (Connection c = ws.dataSource().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*), COUNT(DISTINCT person_id) FROM record r"
                    + " JOIN person p ON p.id = r.person_id");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      long all = 4 * RowWriter.ROWS + 37 + RowWriter.ROWS - 1 + 1;
      assertThat(rs.getLong(1)).isEqualTo(all);
      assertThat(rs.getLong(2)).isEqualTo(all);
    }
  }

  @Test
  void reimportIsANoOp() throws Exception {
    Path f = csv("r.csv", "id,name\n1,x\n2,y\n");
    load("r", f);
    long before = stored();
    ImportSummary again = load("r", f);
    assertThat(again.alreadyImported()).isTrue();
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void countsWhatWasKeptOnlyAsWritten() throws Exception {
    ImportSummary s =
        load(
            "k",
            csv("k.csv", "id,name,sex,birth\n1,a,F,09/03/1975\n2,b,unknown,1970s\n3,c,여,1975\n"));
    assertThat(s.datesKeptAsWritten()).isEqualTo(2);
    assertThat(s.sexKeptAsWritten()).isEqualTo(1);
    List<StoredRecord> rs = new ArrayList<>();
    ws.records().forEachRecord("k", rs::add);
    assertThat(rs.get(1).values()).containsExactly("2", "b", "unknown", "1970s");
  }

  @Test
  void badQuote() throws Exception {
    Path f = csv("q.csv", "id,name,note\n1,a,ok\n2,\"b\"x,ok\n");
    refused(
        f,
        f
            + ":3:2: stray characters after a closing quote: a quoted value must end with \""
            + " followed by the delimiter or the end of the line (write \"\" for a quote inside a"
            + " value)");
  }

  @Test
  void unclosedQuote() throws Exception {
    Path f = csv("u.csv", "id,name,note\n1,a,ok\n2,b,\"never closed\n3,c,ok\n");
    refused(f, f + ":3:3: a quoted value is never closed (a \" opens it and no \" ends it)");
  }

  @Test
  void aQuotedValueMaySpanLines() throws Exception {
    load("m", csv("m.csv", "id,name,note\n1,a,\"two\nlines\"\n2,b,x\n"));
    List<StoredRecord> rs = new ArrayList<>();
    ws.records().forEachRecord("m", rs::add);
    assertThat(rs).extracting(StoredRecord::line).containsExactly(2L, 4L);
    assertThat(rs.get(0).values()).containsExactly("1", "a", "two\nlines");
  }

  @Test
  void wrongColumnCount() throws Exception {
    Path f = csv("w.csv", "id,name\n1,a\n2,b,c\n");
    refused(f, f + ":3: wrong number of values: 3 where the header has 2 columns");
  }

  @Test
  void impossibleDate() throws Exception {
    Path f = csv("d.csv", "rec_id,full_name,birth_date\nA1,x,1975-03-09\nA2,y,1975-02-30\n");
    refused(f, f + ":3:3: birth_date: not a real date: month 2 of 1975 has no day 30");
  }

  @Test
  void undecodableByte() throws Exception {
    byte[] head = "id,name\n1,ok\n2,".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 3];
    System.arraycopy(head, 0, bytes, 0, head.length);
    // 0xFF is a lead byte in neither UTF-8 nor CP949.
    bytes[head.length] = (byte) 0xFF;
    bytes[head.length + 1] = 'x';
    bytes[head.length + 2] = '\n';
    Path f = file("b.csv", bytes);
    refused(
        f,
        f
            + ":3: byte "
            + head.length
            + " of the file (byte 3 of the line, 0xFF) is neither UTF-8 nor EUC-KR/CP949 text;"
            + " save the file as UTF-8");
  }

  @Test
  void emptyFile() throws Exception {
    Path f = csv("empty.csv", "");
    refused(f, f + ": the file is empty");
    Path blank = csv("blank.csv", "\n\n");
    refused(blank, blank + ": the file is empty: no header row");
    Path header = csv("header.csv", "id,name\n");
    refused(header, header + ": the file has a header but no records");
  }

  @Test
  void missingIdColumn() throws Exception {
    Path f = csv("n.csv", "name,sex\nx,F\n");
    refused(
        f,
        f
            + ":1: no record id column (looked for id, rec_id, 번호, 编号, ...); name it with --map"
            + " COLUMN=id");
  }

  @Test
  void missingNameColumn() throws Exception {
    Path f = csv("n.csv", "id,sex\n1,F\n");
    assertThatThrownBy(() -> load("l", f))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(f + ":1: no name column");
    assertThat(stored()).isZero();
  }

  @Test
  void duplicateRecordId() throws Exception {
    Path f = csv("dup.csv", "id,name\n7,a\n8,b\n7,c\n");
    refused(f, f + ":4:1: duplicate record id: line 2 has the same id");
  }

  @Test
  void blankRecordId() throws Exception {
    Path f = csv("blank-id.csv", "name,id\na,1\nb, \n");
    refused(f, f + ":3:2: the record id is blank");
  }

  @Test
  void unknownExtensionNeedsAFormat() throws Exception {
    Path f = csv("list.dat", "id,name\n1,a\n");
    refused(f, f + ": cannot tell the format from the name; use --format csv|xlsx");
    ImportSummary s = ws.importer().importList("l", f, ImportFormat.CSV, Map.of(), Progress.NONE);
    assertThat(s.records()).isEqualTo(1);
  }

  @Test
  void aCsvThatIsNotAWorkbook() throws Exception {
    Path f = csv("fake.xlsx", "id,name\n1,a\n");
    assertThatThrownBy(() -> load("l", f))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(f + ": not");
    assertThat(stored()).isZero();
  }

  @Test
  void semicolonsAndTabsAreDelimitersToo() throws Exception {
    load("s", csv("s.csv", "id;name;note\n1;a;x,y\n"));
    load("t", csv("t.csv", "id\tname\n1\tb\n"));
    assertThat(values("s")).containsExactly(List.of("1", "a", "x,y"));
    assertThat(values("t")).containsExactly(List.of("1", "b"));
  }

  @Test
  void aListHeldInMemoryIsImportedAsTheSameFileWouldBe() throws Exception {
    byte[] bytes = "id,name,born\n1,Synthetic A,1970-01-02\n2,Synthetic B,1981\n".getBytes(UTF_8);
    ImportSummary s =
        ws.importer().importList("m", "C:\\upload\\m.csv", bytes, Map.of(), Progress.NONE);
    assertThat(s.file()).isEqualTo("m.csv");
    assertThat(s.records()).isEqualTo(2);
    assertThat(values("m")).hasSize(2);
    // the same bytes again: nothing changes, as for a file
    assertThat(ws.importer().importList("m", "m.csv", bytes, Map.of(), Progress.NONE))
        .extracting(ImportSummary::alreadyImported)
        .isEqualTo(true);
  }

  @Test
  void aListInMemoryIsRefusedAtItsNameLineAndColumnWithTheKindOfProblem() throws Exception {
    byte[] bytes = "id,name\n1,a\n1,b\n".getBytes(UTF_8);
    assertThatThrownBy(() -> ws.importer().importList("d", "d.csv", bytes, Map.of(), Progress.NONE))
        .isInstanceOfSatisfying(
            ImportProblem.class,
            e -> {
              assertThat(e.where()).isEqualTo("d.csv:3:1");
              assertThat(e.kind()).isEqualTo(ImportProblem.Kind.ID_DUPLICATE);
              assertThat(e.arguments()).containsExactly("2");
            });
    assertThat(stored()).isZero();
  }

  /** Table: a name, content that is not what the name says, and the kind refused. */
  @Test
  void contentThatIsNotWhatTheNameSaysIsRefused() throws Exception {
    byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0};
    byte[] pdf = "%PDF-1.7\n".getBytes(UTF_8);
    byte[] nul = "id,name\n1,a\u0000b\n".getBytes(UTF_8);
    byte[] text = "id,name\n1,a\n".getBytes(UTF_8);
    Object[][] cases = {
      {"zip-as.csv", zip, "csv"},
      {"pdf-as.csv", pdf, "csv"},
      {"nul.csv", nul, "csv"},
      {"text-as.xlsx", text, "xlsx"},
    };
    for (Object[] c : cases) {
      assertThatThrownBy(
              () ->
                  ws.importer()
                      .importList("x", (String) c[0], (byte[]) c[1], Map.of(), Progress.NONE))
          .as((String) c[0])
          .isInstanceOfSatisfying(
              ImportProblem.class,
              e -> {
                assertThat(e.kind()).isEqualTo(ImportProblem.Kind.NOT_THIS_FORMAT);
                assertThat(e.arguments()).containsExactly((String) c[2]);
              });
    }
    assertThatThrownBy(() -> ws.importer().importList("x", "x.exe", text, Map.of(), Progress.NONE))
        .isInstanceOfSatisfying(
            ImportProblem.class,
            e -> assertThat(e.kind()).isEqualTo(ImportProblem.Kind.UNKNOWN_FORMAT));
    assertThat(stored()).isZero();
  }
}
