package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.app.CliRun.Run;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.store.Workspace;
import org.tumen.store.identity.PlaintextCodec;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Protection;

/**
 * The canary for documentation (issue 13, tests): known synthetic sentences in a testimony (Korean
 * and English) and in an event summary go in through {@code tumen document import}, then through
 * every command that reads documentation; not one byte of them may appear in the workspace folder,
 * in anything a command printed (its log), or in the pseudonymised exports. The same scan finds
 * them at once when sealing is removed (the plaintext codec), so the test fails if it were.
 */
class DocumentationCanaryTest {

  static final String TESTIMONY_KO = "합성증언 캐너리 벨로스트린 마을에서 체포되었다";
  static final String TESTIMONY_EN = "Synthetic canary Quenbarrowhill was held at Tumen";
  static final String SUMMARY = "Synthetic summary canary Pelmarrowdune handed over";
  static final List<String> CANARIES =
      List.of(TESTIMONY_KO, TESTIMONY_EN, SUMMARY, "Quenbarrowhill", "Pelmarrowdune", "벨로스트린");

  static final String SOURCES =
      "source,kind,holder,date,language,interviewer,reliability,consent given,consent withdrawn,"
          + "text\n"
          + "s1,interview,NGO A,2004-06,ko,staff-1,high,2004-06-01,,"
          + TESTIMONY_KO
          + "\n"
          + "s2,interview,NGO A,2004-07,en,staff-2,medium,2004-07-01,,"
          + TESTIMONY_EN
          + "\n";

  static final String ACTS =
      "act,event,event type,victim,group count,act type,date,place,perpetrator type,"
          + "perpetrator state,degree,source,passage,reliability,observation,summary\n"
          + "a1,e1,arrest,p1,,arbitrary-arrest,2002-03,cn.jilin.yanbian.tumen,public-security,"
          + "CHN,direct,s1,0..10,high,experienced,"
          + SUMMARY
          + "\n"
          + "a2,e1,arrest,p1,,arbitrary-arrest,2002-03,cn.jilin.yanbian.tumen,public-security,"
          + "CHN,direct,s2,0..20,medium,experienced,\n";

  @TempDir Path dir;
  Path ws;
  Path pass;
  final List<String> printed = new ArrayList<>();

  @BeforeEach
  void workspace() throws Exception {
    ws = dir.resolve("ws");
    pass = dir.resolve("pass.txt");
    Files.writeString(pass, "synthetic test passphrase\n");
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection.initialise(w, "synthetic test passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
    }
  }

  Run tumen(String... args) {
    Run r = CliRun.inWorkspace(ws, pass, args);
    printed.add(r.out());
    printed.add(r.err());
    assertThat(r.status()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return r;
  }

  @Test
  void noByteOfTestimonyOrSummaryInTheWorkspaceTheLogsOrThePseudonymisedExports() throws Exception {
    Path sources = dir.resolve("in").resolve("sources.csv");
    Path acts = dir.resolve("in").resolve("acts.csv");
    Path people = dir.resolve("in").resolve("people.csv");
    Files.createDirectories(sources.getParent());
    Files.writeString(sources, SOURCES);
    Files.writeString(acts, ACTS);
    Files.writeString(people, "person\np1\n");

    tumen(
        "document",
        "import",
        "--sources",
        sources.toString(),
        "--people",
        people.toString(),
        acts.toString());
    for (String format : List.of("text", "csv", "json")) {
      tumen("count", "--by", "act-type,period,place", "--format", format);
    }
    Run search = tumen("search", "Quenbarrowhill");
    assertThat(search.out()).contains("s2"); // found by its words, printed without them
    tumen("search", "체포");
    Path docExport = dir.resolve("doc-export");
    tumen("document", "export", "--out", docExport.toString());
    Path listExport = dir.resolve("export");
    tumen("export", "--out", listExport.toString());
    tumen("audit", "show");
    tumen("audit", "verify");

    // The canaries really went in: the audited export with identities holds them.
    Path full = dir.resolve("full");
    tumen("document", "export", "--out", full.toString(), "--with-identities");
    assertThat(found(List.of(full))).contains(TESTIMONY_KO, TESTIMONY_EN, SUMMARY);
    tumen("document", "withdraw", "--source", "s2", "--use", "store");

    assertThat(found(List.of(ws, docExport, listExport))).isEmpty();
    byte[] logs = String.join("\n", printed).getBytes(StandardCharsets.UTF_8);
    assertThat(found(logs)).isEmpty();
    // the withdrawn testimony cannot be read any more, not even with identities
    Path after = dir.resolve("after");
    tumen("document", "export", "--out", after.toString(), "--with-identities");
    assertThat(Files.readString(after.resolve("documentation.json")))
        .doesNotContain(TESTIMONY_EN)
        .contains(TESTIMONY_KO);
  }

  @Test
  void theSameScanFindsThemWhenSealingIsRemoved() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("sources.csv"), SOURCES);
    Files.writeString(in.resolve("acts.csv"), ACTS);
    Files.writeString(in.resolve("people.csv"), "person\np1\n");
    Documentation d =
        new DocumentationImport(Vocabularies.standard(), Gazetteer.standard())
            .read(
                in.resolve("sources.csv"),
                in.resolve("people.csv"),
                in.resolve("acts.csv"),
                new DocumentationImport.Stored(Set.of(), Set.of(), java.util.Map.of()));
    Path plain = dir.resolve("plain");
    try (Workspace w = Workspace.open(plain, Optional.empty())) {
      w.useCodec(new PlaintextCodec());
      w.documentation().save(d);
    }
    assertThat(found(List.of(plain))).contains(TESTIMONY_KO, TESTIMONY_EN, SUMMARY);
  }

  /** The canaries whose UTF-8 bytes, or their hex form (as dumps print binary), occur. */
  static List<String> found(byte[] hay) {
    String text = new String(hay, StandardCharsets.ISO_8859_1);
    List<String> hits = new ArrayList<>();
    for (String c : CANARIES) {
      byte[] b = c.getBytes(StandardCharsets.UTF_8);
      if (text.contains(new String(b, StandardCharsets.ISO_8859_1))
          || text.contains(HexFormat.of().formatHex(b))) {
        hits.add(c);
      }
    }
    return hits;
  }

  static List<String> found(List<Path> roots) throws IOException {
    List<String> hits = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          for (String c : found(Files.readAllBytes(f))) {
            hits.add(c);
          }
        }
      }
    }
    return hits;
  }
}
