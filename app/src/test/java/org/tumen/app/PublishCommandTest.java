package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tumen publish} end to end on the synthetic workspace: editions, tools, citations that
 * parse, quotes redacted or refused, a bad reference named by file and line, and the canary: no
 * name of anyone in the workspace in any published byte.
 */
class PublishCommandTest {

  @TempDir static Path dir;
  static Path pass;
  static Path stories;

  @BeforeAll
  static void workspace() throws Exception {
    pass = PublicationFixture.create(dir);
    stories = dir.resolve("stories");
    Files.createDirectories(stories);
    story(
        stories,
        "returns.en.md",
        "en",
        "returns",
        "Forced returns at the border",
        "{{count acts-by-act-type forced-return}} forced returns were documented, of"
            + " {{total acts-by-act-type}} acts.\n\n{{table acts-by-act-type}}\n\n"
            + "{{estimate-chart}}\n\n{{quote "
            + PublicationFixture.QUOTE
            + "}}\n");
    story(
        stories,
        "returns.ko.md",
        "ko",
        "returns",
        "국경의 강제송환",
        "강제송환 {{count acts-by-act-type forced-return}}건.\n\n{{chart acts-by-year}}\n");
    story(stories, "years.zh.md", "zh", "years", "按年份统计", "{{table acts-by-year}}\n");
  }

  static void story(Path dir, String file, String lang, String id, String headline, String body)
      throws Exception {
    Files.writeString(
        dir.resolve(file),
        "---\nid: "
            + id
            + "\nlang: "
            + lang
            + "\nheadline: "
            + headline
            + "\ndateline: Seoul\ndate: 2026-12-07\nauthor: NGO A (synthetic)\nsummary:\n"
            + "- A synthetic story for tests.\nacts: forced-return\nreport: border\n"
            + "report-title: The border\ntop: true\n---\n"
            + body,
        StandardCharsets.UTF_8);
  }

  static CliRun.Run tumen(String... args) {
    return CliRun.inWorkspace(dir.resolve("ws"), pass, args);
  }

  @Test
  void writesEditionsToolsAndCitationsWithNoIdentityInAnyByte() throws Exception {
    Path site = dir.resolve("site");
    CliRun.Run r = tumen("publish", "--out", site.toString(), "--stories", stories.toString());
    assertThat(r.status()).as(r.err()).isZero();
    Path en = site.resolve("en/stories/returns.html");
    String page = Files.readString(en);
    assertThat(page)
        .contains("Forced returns at the border", "returns.print.html", "returns.bib", "mailto:?")
        .contains("[name]", "../../ko/stories/returns.html", "data-counting-rule");
    assertThat(Files.readString(site.resolve("ko/stories/returns.html"))).contains("<svg");
    assertThat(site.resolve("zh/stories/years.html")).exists();
    assertThat(site.resolve("en/reports/border.html")).exists();
    // citations parse: BibTeX entry shape, RIS tags, CSL-JSON fields
    String bib = Files.readString(site.resolve("en/stories/returns.bib"));
    assertThat(bib)
        .matches(
            Pattern.compile("(?s)@online\\{tumen-returns-en,\\n(  [a-z]+ = \\{.*\\},?\\n)+\\}\\n"));
    assertThat(bib.chars().filter(c -> c == '{').count())
        .isEqualTo(bib.chars().filter(c -> c == '}').count());
    List<String> ris = Files.readString(site.resolve("en/stories/returns.ris")).lines().toList();
    assertThat(ris.get(0)).isEqualTo("TY  - ELEC");
    assertThat(ris.get(ris.size() - 1)).isEqualTo("ER  - ");
    assertThat(ris).allMatch(l -> l.matches("[A-Z][A-Z0-9]  - .*"));
    JsonNode csl = new ObjectMapper().readTree(site.resolve("en/stories/returns.json").toFile());
    assertThat(csl.isArray()).isTrue();
    assertThat(csl.get(0).get("type").asText()).isEqualTo("article-newspaper");
    assertThat(csl.get(0).get("issued").get("date-parts").get(0).get(0).asInt()).isEqualTo(2026);
    // the Atom feed is XML
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(site.resolve("en/feed.xml").toFile());
    // the canary: no name of anyone in the workspace, in any script, in any published byte
    try (Stream<Path> files = Files.walk(site)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        for (String name : PublicationFixture.NAMES) {
          assertThat(bytes).as(f + " holds a name").doesNotContain(name);
        }
      }
    }
  }

  @Test
  void aReferenceToNothingIsRefusedWithItsFileAndLine() throws Exception {
    Path bad = dir.resolve("bad");
    Files.createDirectories(bad);
    story(bad, "x.md", "en", "x", "Bad", "Fine line.\n\n{{count acts-by-act-type no-such-act}}\n");
    CliRun.Run r =
        tumen("publish", "--out", dir.resolve("site-bad").toString(), "--stories", bad.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains(bad.resolve("x.md") + ":17:", "does not exist");
    assertThat(dir.resolve("site-bad")).doesNotExist();
  }

  @Test
  void aQuoteNoLongerConsentedIsRefusedWithItsFileAndLine() throws Exception {
    Path bad = dir.resolve("withdrawn");
    Files.createDirectories(bad);
    story(bad, "w.md", "en", "w", "Withdrawn", "{{quote " + PublicationFixture.WITHDRAWN + "}}\n");
    CliRun.Run r =
        tumen("publish", "--out", dir.resolve("site-w").toString(), "--stories", bad.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains(bad.resolve("w.md") + ":15:", "not consented");
  }

  @Test
  void aNameInAStoryStopsThePublicationAndSaysWhere() throws Exception {
    Path bad = dir.resolve("named");
    Files.createDirectories(bad);
    story(bad, "n.md", "en", "n", "Named", "We met Ri Sun Hui in Yanji.\n");
    Path site = dir.resolve("site-n");
    CliRun.Run r = tumen("publish", "--out", site.toString(), "--stories", bad.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("publication check", "en/stories/n.html");
    assertThat(site).doesNotExist();
  }
}
