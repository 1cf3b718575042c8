package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tumen report} end to end on a synthetic workspace: the HTML and the PDF in Korean and
 * Chinese, read back with PDFBox's text extraction (the fonts are embedded, else the text would not
 * come back), and a period with no data refused in one line.
 */
class ReportCommandTest {

  @TempDir static Path dir;
  static Path pass;

  @BeforeAll
  static void workspace() throws Exception {
    pass = PublicationFixture.create(dir);
  }

  static CliRun.Run tumen(String... args) {
    return CliRun.inWorkspace(dir.resolve("ws"), pass, args);
  }

  static String pdfText(Path pdf) throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(d);
    }
  }

  @Test
  void koreanReportHasTheSameTextInHtmlAndPdf() throws Exception {
    Path out = dir.resolve("ko");
    CliRun.Run r = tumen("report", "--out", out.toString(), "--lang", "ko");
    assertThat(r.status()).as(r.err()).isZero();
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("강제송환", "행위 유형별 행위", "방법 부록", "<svg");
    String pdf = pdfText(out.resolve("report.pdf"));
    assertThat(pdf).contains("강제송환", "방법 부록", "집계 규칙");
  }

  @Test
  void chineseReportPdfCarriesHanzi() throws Exception {
    Path out = dir.resolve("zh");
    CliRun.Run r = tumen("report", "--out", out.toString(), "--lang", "zh", "--no-quotes");
    assertThat(r.status()).as(r.err()).isZero();
    String pdf = pdfText(out.resolve("report.pdf"));
    assertThat(pdf).contains("强制遣返", "方法附录", "计数规则");
  }

  @Test
  void aPeriodWithNoDataIsRefusedInOneLine() {
    Path out = dir.resolve("empty");
    CliRun.Run r = tumen("report", "--out", out.toString(), "--from", "1980", "--to", "1985");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("no act is documented from 1980-01-01 to 1985-12-31");
    assertThat(out).doesNotExist();
  }

  @Test
  void aWorkspaceThatDoesNotExistIsRefusedNotCreated() {
    Path missing = dir.resolve("no-such-workspace");
    for (String command : new String[] {"report", "publish", "count"}) {
      CliRun.Run r =
          command.equals("count")
              ? CliRun.run(command, "--workspace", missing.toString())
              : CliRun.run(
                  command,
                  "--workspace",
                  missing.toString(),
                  "--out",
                  dir.resolve(command + "-out").toString());
      assertThat(r.status()).as(command).isEqualTo(2);
      assertThat(r.err()).as(command).contains("no workspace here").doesNotContain("Exception");
      assertThat(missing).as(command).doesNotExist();
      assertThat(dir.resolve(command + "-out")).as(command).doesNotExist();
    }
  }
}
