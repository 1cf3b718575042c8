package org.tumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.app.CliRun.Run;
import org.tumen.model.DateRange;
import org.tumen.model.documentation.Consent;
import org.tumen.model.documentation.ConsentGrant;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.documentation.Location;
import org.tumen.model.documentation.Reliability;
import org.tumen.model.documentation.Source;
import org.tumen.model.documentation.SourceKind;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.store.Workspace;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.AuditLog;
import org.tumen.store.protect.Protection;

/**
 * {@code tumen search} end to end, in process, over testimony stored sealed in a workspace. All
 * texts are synthetic.
 */
class SearchCommandTest {

  static final String KO = "저는 2004년 2월 연길 시장에서 공안에게 체포되었다.";
  static final String EN = "Ri Sun Hui crossed the river at Hoeryong in the winter.";
  static final String KO_NAME = "리순희가 회령에서 강을 건넜다고 하였다.";
  static final String SUMMARY = "국경경비대가 두 여성을 체포함";

  @TempDir Path dir;
  Path ws;
  Path pass;

  Run tumen(String... args) {
    return CliRun.inWorkspace(ws, pass, args);
  }

  static Source interview(String id, String language, String text) {
    return new Source(
        id,
        SourceKind.INTERVIEW,
        Optional.empty(),
        Optional.empty(),
        Optional.of(language),
        Optional.empty(),
        "NGO A",
        new Consent(List.of(ConsentGrant.of(ConsentUse.STORE, LocalDate.of(2004, 6, 1)))),
        Reliability.HIGH,
        Optional.of(text));
  }

  @BeforeEach
  void store() throws Exception {
    ws = dir.resolve("ws");
    pass = dir.resolve("pass.txt");
    Files.writeString(pass, "synthetic test passphrase\n");
    Documentation d =
        new Documentation(
            List.of(
                interview("s1", "ko", KO),
                interview("s2", "en", EN),
                interview("s3", "ko", KO_NAME)),
            List.of(
                new Event(
                    "e1",
                    Vocabularies.standard().eventType("arrest").orElseThrow(),
                    DateRange.parse("2004-02"),
                    Location.at(Gazetteer.standard().require("cn.jilin.yanbian.yanji")),
                    Optional.of(SUMMARY),
                    List.of())),
            List.of(),
            List.of());
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection.initialise(w, "synthetic test passphrase".toCharArray(), new Argon2Cost(64, 1, 1));
      w.documentation().save(d);
    }
  }

  @Test
  void findsTheKoreanStemInATestimonyAndASummaryWithTheRangesOfTheWord() {
    Run r = tumen("search", "체포");
    assertThat(r.status()).as(r.err()).isZero();
    int t = KO.indexOf("체포");
    int s = SUMMARY.indexOf("체포");
    assertThat(r.out().lines()).first().isEqualTo("kind\tid\tpassages");
    assertThat(r.out().lines().skip(1))
        .containsExactlyInAnyOrder(
            "source\ts1\t" + t + "-" + (t + 2), "event\te1\t" + s + "-" + (s + 2));
    assertThat(r.out()).doesNotContain("연길", "공안"); // ranges, never text
  }

  @Test
  void aNameInHangulFindsItsRomanisationThroughTheLinkersNameKeys() {
    Run r = tumen("search", "리순희");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out().lines().skip(1)).contains("source\ts2\t0-2,3-6,7-10");
  }

  @Test
  void aRomanisedNameFindsItsHangulSpelling() {
    Run r = tumen("search", "Lee Sun-hee");
    assertThat(r.status()).as(r.err()).isZero();
    // Nori cuts the unknown name into syllables; every range lies inside it (at 0, 3 long).
    assertThat(r.out().lines().skip(1))
        .anySatisfy(l -> assertThat(l).matches("source\ts3\t0-[123](,[12]-[23])*"))
        .anySatisfy(l -> assertThat(l).isEqualTo("source\ts2\t0-2,3-6,7-10"))
        .noneSatisfy(l -> assertThat(l).startsWith("source\ts1\t"));
  }

  @Test
  void aWordNoTextHoldsFindsNothing() {
    Run r = tumen("search", "passport");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo("no text matches");
  }

  @Test
  void openingTheTextsIsOneAuditedReadThatDoesNotRecordTheQuery() throws Exception {
    assertThat(tumen("search", "리순희").status()).isZero();
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection p = Protection.unlockWithoutAudit(w, "synthetic test passphrase".toCharArray());
      List<AuditLog.Entry> reads =
          p.audit().entries().stream().filter(e -> e.action().equals("read-identities")).toList();
      assertThat(reads)
          .singleElement()
          .satisfies(e -> assertThat(e.details()).contains("purpose=search testimony"));
      assertThat(p.audit().entries())
          .allSatisfy(e -> assertThat(e.subject() + e.details()).doesNotContain("리순희", "Sun Hui"));
    }
  }

  @Test
  void anEmptyQueryIsBadInputOnOneLine() {
    Run r = tumen("search", " ");
    assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("QUERY");
  }
}
