package org.tumen.model.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.documentation.Degree;
import org.tumen.model.documentation.Observation;
import org.tumen.model.documentation.Reliability;
import org.tumen.model.documentation.SourceKind;
import org.tumen.model.place.PlaceLevel;
import org.tumen.model.vocabulary.TreatyAction.Status;

/**
 * The completeness test of the vocabularies: it runs in every build, so a data file with a
 * duplicate code, a missing label or a provision without a source fails the build.
 */
class VocabulariesTest {

  private final Vocabularies v = Vocabularies.standard();

  private List<Labels> allLabels() {
    List<Labels> all = new ArrayList<>();
    v.actTypes().forEach(t -> all.add(t.labels()));
    v.eventTypes().forEach(t -> all.add(t.labels()));
    v.institutionTypes().forEach(t -> all.add(t.labels()));
    v.conditions().forEach(t -> all.add(t.labels()));
    v.provisions().forEach(t -> all.add(t.subject()));
    v.instruments().forEach(t -> all.add(t.name()));
    for (Class<? extends Enum<?>> scale : scales()) {
      for (Enum<?> c : scale.getEnumConstants()) {
        all.add(v.label(c));
      }
    }
    return all;
  }

  @Test
  void everyTermHasEnglishKoreanAndChineseLabelsInTheirOwnScripts() {
    for (Labels l : allLabels()) {
      assertThat(l.en())
          .as("English label %s", l)
          .matches("(?s)[\\p{IsLatin}0-9 ,.;:'\"()/\\-–—]+");
      assertThat(
              l.ko()
                  .codePoints()
                  .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL))
          .as("Korean label of %s is in Hangul", l.en())
          .isTrue();
      assertThat(
              l.zh()
                  .codePoints()
                  .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
          .as("Chinese label of %s is in Han characters", l.en())
          .isTrue();
      assertThat(
              l.zh()
                  .codePoints()
                  .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL))
          .as("Chinese label of %s has no Hangul", l.en())
          .isTrue();
    }
  }

  @Test
  void everyProvisionAndEveryInstrumentCitesItsSource() {
    for (Provision p : v.provisions()) {
      assertThat(p.source()).as(p.code()).isNotBlank();
      assertThat(p.source())
          .as(p.code())
          .contains(p.instrument().kind() == Instrument.Kind.FINDING ? "A/HRC/25/63" : "UNTS");
    }
    for (Instrument i : v.instruments()) {
      assertThat(i.source()).as(i.code()).isNotBlank();
    }
    for (TreatyAction a : v.treatyActions()) {
      assertThat(a.source())
          .as(a.state() + " " + a.instrument().code())
          .startsWith("https://treaties.un.org/");
    }
  }

  @Test
  void theActTypesTheIssueAsksForAreAllThere() {
    // issue 13, "Vocabularies as versioned data": the act types Tumen must know at least
    assertThat(v.actTypes().stream().map(ActType::code))
        .contains(
            "forced-return",
            "denial-of-asylum",
            "arbitrary-arrest",
            "arbitrary-detention",
            "torture",
            "cruel-treatment",
            "sexual-violence",
            "trafficking-forced-marriage",
            "trafficking-sexual-exploitation",
            "forced-labour",
            "extortion",
            "killing",
            "death-in-custody",
            "enforced-disappearance",
            "forced-abortion-infanticide",
            "punishment-of-relatives",
            "family-separation",
            "denial-of-birth-registration");
  }

  @Test
  void theProvisionsTheIssueNamesAreAllMappedFromSomeActType() {
    List<String> mapped =
        v.actTypes().stream()
            .flatMap(t -> t.breaches().stream())
            .map(b -> b.provision().code())
            .distinct()
            .toList();
    assertThat(mapped)
        .contains(
            "refugee-31",
            "refugee-33",
            "cat-1",
            "cat-3",
            "cat-16",
            "iccpr-6",
            "iccpr-7",
            "iccpr-9",
            "iccpr-10",
            "iccpr-12-2",
            "iccpr-23",
            "iccpr-24",
            "palermo-3",
            "cedaw-6",
            "crc-7",
            "crc-9",
            "crc-22",
            "crc-35",
            "cah-murder",
            "cah-torture",
            "cah-imprisonment");
    assertThat(v.provisions().stream().map(Provision::code))
        .containsExactlyInAnyOrderElementsOf(mapped);
  }

  @Test
  void everyScaleConstantHasLabelsAndEveryLabelAConstant() {
    for (Class<? extends Enum<?>> scale : scales()) {
      assertThat(v.scaleCodes(scale))
          .as(scale.getSimpleName())
          .containsExactlyInAnyOrderElementsOf(
              Arrays.stream(scale.getEnumConstants()).map(Enum::name).collect(Collectors.toSet()));
    }
  }

  private static List<Class<? extends Enum<?>>> scales() {
    return List.of(
        Reliability.class,
        Degree.class,
        SourceKind.class,
        ConsentUse.class,
        Observation.class,
        PlaceLevel.class);
  }

  @Test
  void everyFileHasAVersion() {
    assertThat(v.versions().keySet()).containsExactlyInAnyOrderElementsOf(Vocabularies.FILES);
    assertThat(v.versions().values()).allMatch(n -> n >= 1);
  }

  @Test
  void everyCoveredStateHasARowForEveryTreaty() {
    assertThat(v.coveredStates())
        .containsExactlyInAnyOrder("CHN", "PRK", "KOR", "MNG", "RUS", "THA", "LAO", "VNM");
    for (Instrument i : v.instruments()) {
      if (i.kind() == Instrument.Kind.TREATY) {
        for (String s : v.coveredStates()) {
          assertThat(v.treatyAction(i, s)).as(s + " " + i.code()).isPresent();
        }
      }
    }
  }

  // Reference values: the UNTC status pages of the 1951 Convention (V-2), the 1967 Protocol (V-5),
  // CAT (IV-9) and the ICCPR (IV-4), and the entry-into-force articles of each treaty.
  @Test
  void chinaAcceded1982RatifiedCat1988AndOnlySignedTheIccpr() {
    TreatyAction refugee = action("refugee-1951", "CHN");
    assertThat(refugee.consent()).contains(LocalDate.of(1982, 9, 24));
    assertThat(refugee.kind()).contains(TreatyAction.ConsentKind.ACCESSION);
    // art. 43(2): the ninetieth day following deposit
    assertThat(refugee.bindingFrom()).contains(LocalDate.of(1982, 12, 23));
    // Protocol art. VIII(2): on the date of deposit
    assertThat(action("refugee-protocol-1967", "CHN").bindingFrom())
        .contains(LocalDate.of(1982, 9, 24));
    TreatyAction cat = action("cat", "CHN");
    assertThat(cat.consent()).contains(LocalDate.of(1988, 10, 4));
    assertThat(cat.bindingFrom()).contains(LocalDate.of(1988, 11, 3)); // art. 27(2): thirtieth day
    TreatyAction iccpr = action("iccpr", "CHN");
    assertThat(iccpr.signature()).contains(LocalDate.of(1998, 10, 5));
    assertThat(iccpr.consent()).isEmpty();
    assertThat(iccpr.statusOn(LocalDate.of(2002, 1, 1))).isEqualTo(Status.SIGNED_ONLY);
    assertThat(iccpr.statusOn(LocalDate.of(1998, 10, 4))).isEqualTo(Status.NOT_PARTY);
  }

  @Test
  void theDprkIsPartyToNeitherTheRefugeeConventionNorCatButAccededToTheIccprIn1981() {
    for (String treaty : List.of("refugee-1951", "refugee-protocol-1967", "cat")) {
      assertThat(action(treaty, "PRK").statusOn(LocalDate.of(2024, 1, 1)))
          .isEqualTo(Status.NOT_PARTY);
    }
    TreatyAction iccpr = action("iccpr", "PRK");
    assertThat(iccpr.consent()).contains(LocalDate.of(1981, 9, 14));
    // art. 49(2): three months after deposit
    assertThat(iccpr.bindingFrom()).contains(LocalDate.of(1981, 12, 14));
    assertThat(iccpr.statusOn(LocalDate.of(1981, 10, 1))).isEqualTo(Status.CONSENTED_NOT_IN_FORCE);
  }

  @Test
  void aStateThatRatifiedBeforeEntryIntoForceIsBoundFromEntryIntoForce() {
    // Mongolia ratified the ICCPR in 1974; the Covenant entered into force on 1976-03-23
    assertThat(action("iccpr", "MNG").bindingFrom()).contains(LocalDate.of(1976, 3, 23));
  }

  private TreatyAction action(String instrument, String state) {
    return v.treatyAction(v.instrument(instrument).orElseThrow(), state).orElseThrow();
  }

  // A broken data file fails the build: each case edits one shipped file and must be refused.

  @ParameterizedTest
  @ValueSource(
      strings = {"duplicate", "missing-ko", "unknown-provision", "no-source", "missing-row"})
  void aBrokenVocabularyFileIsRefusedWithItsLine(String breakage) throws IOException {
    Map<String, UnaryOperator<String>> edits =
        Map.of(
            "duplicate", s -> s + "torture|torture|고문|酷刑|cat-1\n",
            "missing-ko", s -> s.replace("torture|torture|고문|酷刑|", "torture|torture||酷刑|"),
            "unknown-provision", s -> s.replace("|iccpr-6 cah-murder", "|iccpr-66 cah-murder"),
            "no-source", s -> s,
            "missing-row", s -> s);
    Map<String, DataFile> files = new LinkedHashMap<>();
    for (String name : Vocabularies.FILES) {
      String text = resource(name + ".psv");
      if (name.equals("act-types")) {
        text = edits.get(breakage).apply(text);
      }
      if (name.equals("provisions") && breakage.equals("no-source")) {
        text = text.replace("|ICCPR art. 6, 999 UNTS 171", "|");
      }
      if (name.equals("treaty-status") && breakage.equals("missing-row")) {
        text = text.replaceAll("(?m)^cat\\|LAO\\|.*\\n", "");
      }
      files.put(name, DataFile.parse(name + ".psv", new BufferedReader(new StringReader(text))));
    }
    assertThatThrownBy(() -> Vocabularies.of(files))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageMatching(
            breakage.equals("missing-row")
                ? "treaty-status.psv: no row for LAO and cat.*"
                : "[a-z-]+\\.psv:\\d+: .*");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = Vocabularies.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
