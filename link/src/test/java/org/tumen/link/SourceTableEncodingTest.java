package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;

/**
 * Issue 12 (Low): {@code tumen link} read UTF-8 only while {@code tumen import} also reads
 * EUC-KR/CP949. Both now decide the encoding the same way ({@code TextEncoding}).
 */
class SourceTableEncodingTest {

  @TempDir Path dir;

  @Test
  void linkReadsTheCp949ListsThatImportReads() throws Exception {
    // 똠 is in CP949 but not in EUC-KR's KS X 1001 set: the superset must read it.
    String text = "id,name,birth_date\n1,리영철,1972-05-14\n2,김똠,1980\n";
    Path cp949 = dir.resolve("church_a.csv");
    Files.write(cp949, text.getBytes(Charset.forName("x-windows-949")));
    Path utf8 = dir.resolve("church_b.csv");
    Files.write(utf8, text.getBytes(StandardCharsets.UTF_8));

    SourceTable a = SourceTable.read(cp949);
    SourceTable b = SourceTable.read(utf8);

    assertThat(a.rows()).isEqualTo(b.rows());
    assertThat(a.rows().get(0)).isEqualTo(List.of("1", "리영철", "1972-05-14"));
  }

  @Test
  void aByteNeitherEncodingReadsIsNamedByLine() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.write(bad, new byte[] {'i', 'd', '\n', '1', (byte) 0xFF, '\n'});
    assertThatThrownBy(() -> SourceTable.read(bad))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(bad + ":2: byte 4 of the file (byte 2 of the line, 0xFF)");
  }

  /**
   * Issue 12 (Low): a value above a tenth of the heap ran the linker out of memory, with a trace.
   */
  @Test
  void aHugeValueIsRefusedWithItsPlace() throws Exception {
    Path big = dir.resolve("big.csv");
    Files.writeString(big, "id,name\n1,김순희\n2," + "가".repeat(SourceTable.MAX_CELL + 1) + "\n");
    assertThatThrownBy(() -> SourceTable.read(big))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            big
                + ":3:2: a value of 1,000,001 characters; a list's values are read up to 1,000,000");
  }
}
