package org.tumen.report.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumen.model.PartialDate;

/**
 * A planted name in any script, in any file type, is found with its file and line; a table with a
 * recoverable or small cell is found; a clean publication passes. All persons are synthetic.
 */
class PublicationCheckTest {

  private static final IdentityTerms TERMS =
      IdentityTerms.builder()
          .name("P-1", "리순희")
          .birthDate("P-1", new PartialDate(1975, 3, 9))
          .name("P-2", "Pak", "Tong Gu")
          .build();
  private static final DisclosureRules RULES = DisclosureRules.defaults();

  @TempDir Path site;

  private List<Finding> check() {
    return PublicationCheck.check(site, TERMS, RULES);
  }

  private void write(String name, String text) throws IOException {
    Path f = site.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "story/index.html|<p>리순희가 강을 건넜다.</p>|P-1|NAME",
        "story/index.html|<p>She said: &#47532;&#49692;&#55148;.</p>|P-1|NAME",
        "ko/index.html|<a href=\"mailto:?body=%EB%A6%AC%EC%88%9C%ED%9D%AC\">e-mail</a>|P-1|NAME",
        "data/acts.csv|Ri Sun Hui,3|P-1|NAME",
        "data/story.json|{\"quote\": \"\\uB9AC\\uC21C\\uD76C\"}|P-1|NAME",
        "charts/chart.svg|<text x=\"1\" y=\"2\">李順姬</text>|P-1|NAME",
        "feed.atom|<title>Lee Soon-hee returned</title>|P-1|NAME",
        "cite/story.bib|  author = {Sun-hui}|P-1|GIVEN_NAME",
        "cite/story.ris|AU  - Park, Dong-gu|P-2|NAME",
        "data/people.json|{\"born\": \"1975-03-09\"}|P-1|BIRTH_DATE",
        "zh/index.html|<p>朴東九被遣返。</p>|P-2|NAME",
      })
  void aPlantedIdentityIsFoundWithItsFileAndLine(
      String file, String planted, String person, Finding.Kind kind) throws IOException {
    write(file, "first line\nsecond line\n" + planted + "\nlast line\n");
    write("clean.html", "<p>Nothing to see.</p>");
    List<Finding> found = check();
    assertThat(found)
        .anySatisfy(
            f -> {
              assertThat(f.file()).isEqualTo(Path.of(file));
              assertThat(f.line()).isEqualTo(3);
              assertThat(f.kind()).isEqualTo(kind);
              assertThat(f.what()).contains("person " + person);
            });
    assertThat(found).allSatisfy(f -> assertThat(f.file()).isEqualTo(Path.of(file)));
    // a finding never repeats what it found
    assertThat(found.toString()).doesNotContain("리순희", "Ri Sun", "Soon-hee", "李順姬", "1975-03-09");
  }

  @Test
  void aNameSplitByMarkupIsFoundInTheTextAsShown() throws IOException {
    write("a.html", "<html><body>\n<p>그날\n리<b>순희</b>가 말했다</p>\n</body></html>");
    assertThat(check())
        .anySatisfy(
            f -> {
              assertThat(f.kind()).isEqualTo(Finding.Kind.NAME);
              assertThat(f.line()).isEqualTo(3);
              assertThat(f.what()).contains("as shown");
            });
  }

  @Test
  void namesInAPdfAreFoundInAnyScript() throws IOException {
    Path font = Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(font), "NanumGothic (fonts-nanum)");
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      PDType0Font f = PDType0Font.load(doc, font.toFile());
      try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
        s.beginText();
        s.setFont(f, 12);
        s.newLineAtOffset(50, 700);
        s.showText("보고서 (synthetic)");
        s.newLineAtOffset(0, -20);
        s.showText("증언: 리순희는 2003년에 송환되었다.");
        s.newLineAtOffset(0, -20);
        s.showText("Witness: Pak Tong Gu");
        s.endText();
      }
      Path droid = Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
      if (Files.exists(droid)) {
        PDPage zh = new PDPage();
        doc.addPage(zh);
        PDType0Font z = PDType0Font.load(doc, droid.toFile());
        try (PDPageContentStream s = new PDPageContentStream(doc, zh)) {
          s.beginText();
          s.setFont(z, 12);
          s.newLineAtOffset(50, 700);
          s.showText("证人朴東九被遣返。");
          s.endText();
        }
      }
      doc.save(site.resolve("report.pdf").toFile());
    }
    List<Finding> found = check();
    assertThat(found)
        .extracting(Finding::kind, Finding::line)
        .contains(
            org.assertj.core.groups.Tuple.tuple(Finding.Kind.NAME, 2),
            org.assertj.core.groups.Tuple.tuple(Finding.Kind.NAME, 3));
    assertThat(found)
        .filteredOn(f -> f.what().contains("page 1"))
        .extracting(Finding::what)
        .containsExactlyInAnyOrder("name of person P-1 (page 1)", "name of person P-2 (page 1)");
    if (Files.exists(Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"))) {
      assertThat(found).extracting(Finding::what).contains("name of person P-2 (page 2)");
    }
  }

  @Test
  void aNameInABinaryFileIsFoundByteForByte() throws IOException {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 9};
    byte[] name = "리순희".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[png.length + name.length];
    System.arraycopy(png, 0, all, 0, png.length);
    System.arraycopy(name, 0, all, png.length, name.length);
    Files.write(site.resolve("photo.png"), all);
    assertThat(check())
        .singleElement()
        .satisfies(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.NAME));
  }

  @Test
  void aCleanPublicationPasses() throws IOException {
    write(
        "index.html",
        """
        <html lang="en"><body><h1>Forced returns, 2003–2005 (synthetic data)</h1>
        <p>강제송환, 자의적 구금, 고문. 强制遣返、任意拘禁、酷刑。 Sun rose; Kim Jong Un's guards.</p>
        <p>North Hamgyong, Ryanggang, Jilin. 2003년, March 2004.</p></body></html>
        """);
    write("feed.atom", "<feed><title>Tumen stories</title></feed>");
    assertThat(check()).isEmpty();
  }

  // ------------------------------------------------------------------ tables

  private static final long[][] CELLS = {
    {20, 3, 15},
    {18, 25, 30},
    {12, 40, 9}
  };

  @Test
  void aProtectedTablePassesInHtmlAndCsv() throws IOException {
    PublishedTable t = CellSuppression.protect(CountGrid.of(CELLS), RULES).published();
    write(
        "t.html",
        "<html><body>\n"
            + TableMarkup.html(t, "acts, by date of the act", "Total")
            + "</body></html>");
    write("t.csv", TableMarkup.csv(t, "#adm1+name", "#affected+num", "Total"));
    assertThat(check()).isEmpty();
  }

  @Test
  void aTableWithARecoverableCellIsFound() throws IOException {
    // only the small cell hidden: its row total gives it away
    Long[][] v = extended(CELLS);
    v[0][1] = null;
    PublishedTable t = new PublishedTable("province", "act", rows(), columns(), v);
    write(
        "t.html",
        "<html><body>\n<p>x</p>\n" + TableMarkup.html(t, "acts", "Total") + "</body></html>");
    write("t.csv", TableMarkup.csv(t, "#adm1+name", "#affected+num", "Total"));
    List<Finding> found = check();
    assertThat(found)
        .filteredOn(f -> f.kind() == Finding.Kind.RECOVERABLE_CELL)
        .extracting(f -> f.file().toString() + ":" + f.line())
        .containsExactlyInAnyOrder("t.csv:1", "t.html:3");
    assertThat(found.get(0).what()).contains("row \"r0\", column \"c1\"");
  }

  @Test
  void aPublishedSmallCellIsFound() throws IOException {
    PublishedTable t = new PublishedTable("province", "act", rows(), columns(), extended(CELLS));
    write("t.csv", TableMarkup.csv(t, "#adm1+name", "#affected+num", "합계"));
    assertThat(check())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(Finding.Kind.SMALL_CELL);
              assertThat(f.what()).contains("3 is published but below the threshold 5");
            });
  }

  @Test
  void aOneWayTableWithoutTotalsColumnIsAuditedWithItsTotalRow() throws IOException {
    // two cells hidden of three, total shown: each is only known to lie in [0, 9]
    write(
        "one.html",
        """
        <table data-counting-rule="victims">
        <tr><th>act type</th><th>victims</th></tr>
        <tr><th>torture</th><td data-suppressed>x</td></tr>
        <tr><th>killing</th><td data-suppressed>x</td></tr>
        <tr><th>forced return</th><td>40</td></tr>
        <tr class="total"><th>Total</th><td>49</td></tr>
        </table>
        """);
    assertThat(check()).isEmpty();
    write(
        "one.html",
        """
        <table data-counting-rule="victims">
        <tr><th>act type</th><th>victims</th></tr>
        <tr><th>torture</th><td data-suppressed>x</td></tr>
        <tr><th>killing</th><td>6</td></tr>
        <tr><th>forced return</th><td>40</td></tr>
        <tr class="total"><th>Total</th><td>49</td></tr>
        </table>
        """);
    assertThat(check())
        .singleElement()
        .satisfies(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.RECOVERABLE_CELL));
  }

  @Test
  void aTableThatBreaksTheConventionIsReported() throws IOException {
    write(
        "bad.html",
        "<table data-counting-rule=\"acts\"><tr><th>a</th><th>b</th></tr><tr><th>x</th><td>–</td></tr></table>");
    assertThat(check())
        .singleElement()
        .satisfies(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.UNREADABLE_TABLE));
  }

  private static Long[][] extended(long[][] cells) {
    CountGrid g = CountGrid.of(cells);
    Long[][] v = new Long[g.rows() + 1][g.columns() + 1];
    for (int r = 0; r <= g.rows(); r++) {
      for (int c = 0; c <= g.columns(); c++) {
        v[r][c] = g.value(r, c);
      }
    }
    return v;
  }

  private static List<String> rows() {
    return List.of("r0", "r1", "r2");
  }

  private static List<String> columns() {
    return List.of("c0", "c1", "c2");
  }
}
