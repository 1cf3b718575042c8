package org.tumen.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.tumen.model.DateRange;
import org.tumen.model.PartialDate;
import org.tumen.model.Progress;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.Consent;
import org.tumen.model.documentation.ConsentGrant;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.documentation.Degree;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.documentation.Information;
import org.tumen.model.documentation.Institution;
import org.tumen.model.documentation.Involvement;
import org.tumen.model.documentation.Location;
import org.tumen.model.documentation.Observation;
import org.tumen.model.documentation.Passage;
import org.tumen.model.documentation.PersonRef;
import org.tumen.model.documentation.Reliability;
import org.tumen.model.documentation.Source;
import org.tumen.model.documentation.SourceKind;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.store.Workspace;
import org.tumen.store.estimates.StoredEstimate;
import org.tumen.store.protect.Argon2Cost;
import org.tumen.store.protect.Protection;

/**
 * A small synthetic workspace for publication tests: a list of named people (the identities the
 * publication check looks for), testimonies that name one of them, ~200 acts over 1999–2003 in
 * Yanbian and North Hamgyong (some act types rare, so suppression has work), and a saved estimate.
 * Every name and testimony is invented.
 */
final class PublicationFixture {

  static final String PASSPHRASE = "synthetic test passphrase";

  /** Names of people in the list, which must never be published (any script). */
  static final List<String> NAMES = List.of("리순희", "李順姬", "Ri Sun Hui", "박철민", "Pak Chol Min");

  /** The information id of a consented quote, of a quote whose consent was withdrawn. */
  static final String QUOTE = "q-ok.info";

  static final String WITHDRAWN = "q-withdrawn.info";

  private PublicationFixture() {}

  /** Creates the workspace {@code dir/ws} with 200 acts; returns the passphrase file. */
  static Path create(Path dir) throws Exception {
    return create(dir, 200);
  }

  /** Creates the workspace {@code dir/ws} with {@code acts} acts; returns the passphrase file. */
  static Path create(Path dir, int acts) throws Exception {
    Path ws = dir.resolve("ws");
    Path pass = dir.resolve("pass.txt");
    Files.writeString(pass, PASSPHRASE + "\n");
    Path list = dir.resolve("church_a.csv");
    Files.writeString(
        list,
        "id,surname,given_name,birth_date,sex\n"
            + "a1,리,순희,1975-03-09,F\n"
            + "a2,박,철민,1969-11-02,M\n"
            + "a3,김,영호,1980-01-15,M\n",
        StandardCharsets.UTF_8);
    try (Workspace w = Workspace.open(ws, Optional.empty())) {
      Protection.initialise(w, PASSPHRASE.toCharArray(), new Argon2Cost(64, 1, 1));
      w.importer().importList("church_a", list, null, Map.of(), Progress.NONE);
      w.documentation().save(documentation(acts));
      w.estimates()
          .save(
              new StoredEstimate(
                  0,
                  null,
                  "all",
                  List.of("church_a", "church_b", "ngo_c"),
                  "combined",
                  "equal-weight average",
                  1480,
                  3120.0,
                  0.95,
                  2410.0,
                  4630.0,
                  "{\"warnings\":[\"synthetic estimate for tests\"]}",
                  "tumen test",
                  null));
    }
    return pass;
  }

  static Documentation documentation(int count) {
    Vocabularies v = Vocabularies.standard();
    Gazetteer g = Gazetteer.standard();
    String ok = "2002년 3월 도문에서 리순희와 함께 체포되었다. 우리는 남양으로 강제송환되었다.";
    String withdrawn = "We were returned across the river at night and beaten at the border post.";
    List<Source> sources = new ArrayList<>();
    sources.add(source("q-ok", "ko", ok, false));
    sources.add(source("q-withdrawn", "en", withdrawn, true));
    List<Information> info = new ArrayList<>();
    info.add(
        new Information(
            QUOTE,
            "q-ok",
            Optional.empty(),
            Optional.of(new Passage.TextSpan(0, ok.length())),
            Reliability.HIGH,
            Observation.EXPERIENCED));
    info.add(
        new Information(
            WITHDRAWN,
            "q-withdrawn",
            Optional.empty(),
            Optional.of(new Passage.TextSpan(0, withdrawn.length())),
            Reliability.HIGH,
            Observation.EXPERIENCED));
    List<Event> events = new ArrayList<>();
    List<Act> acts = new ArrayList<>();
    Random r = new Random(15);
    String[][] kinds = {
      {"arrest", "arbitrary-arrest", "public-security", "cn.jilin.yanbian.tumen"},
      {"forced-return", "forced-return", "border-guard", "kp.north-hamgyong.onsong.namyang"},
      {"detention", "arbitrary-detention", "border-guard", "kp.north-hamgyong.onsong"},
      {"detention", "torture", "border-guard", "kp.north-hamgyong.hoeryong"},
      {"arrest", "extortion", "public-security", "cn.jilin.yanbian.yanji"},
    };
    double[] weights = {0.35, 0.35, 0.22, 0.05, 0.03};
    for (int i = 0; i < count; i++) {
      double u = r.nextDouble();
      int k = 0;
      while (u > weights[k] && k < weights.length - 1) {
        u -= weights[k];
        k++;
      }
      String[] kind = kinds[k];
      String when = (1999 + r.nextInt(5)) + "-" + String.format("%02d", 1 + r.nextInt(12));
      String src = "s" + i;
      sources.add(source(src, "ko", null, false));
      events.add(
          new Event(
              "e" + i,
              v.eventType(kind[0]).orElseThrow(),
              DateRange.parse(when),
              Location.at(g.require(kind[3])),
              Optional.empty(),
              List.of()));
      info.add(
          new Information(
              "i" + i,
              src,
              Optional.of("e" + i),
              Optional.empty(),
              Reliability.MEDIUM,
              Observation.EXPERIENCED));
      acts.add(
          new Act(
              "a" + i,
              "e" + i,
              new PersonRef("p" + i),
              v.actType(kind[1]).orElseThrow(),
              DateRange.parse(when),
              Location.at(g.require(kind[3])),
              List.of(
                  new Involvement(
                      Institution.of(
                          v.institutionType(kind[2]).orElseThrow(),
                          kind[2].equals("border-guard") ? "PRK" : "CHN"),
                      Degree.DIRECT)),
              List.of("i" + i)));
    }
    return new Documentation(sources, events, acts, info);
  }

  private static Source source(String id, String lang, String text, boolean withdrawn) {
    LocalDate given = LocalDate.of(2004, 6, 1);
    List<ConsentGrant> grants = new ArrayList<>();
    grants.add(ConsentGrant.of(ConsentUse.STORE, given));
    if (text != null) {
      ConsentGrant quote = ConsentGrant.of(ConsentUse.QUOTE, given);
      grants.add(withdrawn ? quote.withdrawnOn(LocalDate.of(2020, 1, 1)) : quote);
    }
    return new Source(
        id,
        SourceKind.INTERVIEW,
        Optional.of("staff-1"),
        Optional.of(PartialDate.parseIso("2004-06")),
        Optional.of(lang),
        Optional.empty(),
        "NGO A",
        new Consent(grants),
        Reliability.HIGH,
        Optional.ofNullable(text));
  }
}
