package org.tumen.report.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.Progress;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;
import org.tumen.model.vocabulary.Labels;
import org.tumen.model.vocabulary.Vocabularies;
import org.tumen.simulate.Scenario;
import org.tumen.simulate.Simulator;

/**
 * The other side of the canary: a publication check that finds names in ordinary text would stop
 * every publication. With the names of 5,000 simulated persons (every script and romanization the
 * simulator writes), the words a report is made of — every vocabulary label and every gazetteer
 * name in English, Korean and Chinese — raise no finding, while each person's own name does (but
 * for a few the simulator misspelt beyond the name model).
 */
class FalseFindingsTest {

  @TempDir static Path lists;

  private static IdentityTerms terms;
  private static final List<String> names = new ArrayList<>();

  @BeforeAll
  static void simulate() throws IOException {
    Simulator.simulate(Scenario.defaults(), 5_000, 11, lists, Progress.NONE);
    IdentityTerms.Builder b = IdentityTerms.builder();
    try (Stream<Path> files = Files.list(lists)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
        if (f.getFileName().toString().equals("truth.csv")) {
          continue;
        }
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
            CSVParser p = CSVFormat.RFC4180.builder().setHeader().get().parse(r)) {
          // headers vary by list and language; the columns do not: id, then the name in one
          // column (6 columns in all) or two (7)
          boolean split = p.getHeaderNames().size() == 7;
          for (CSVRecord rec : p) {
            String person = f.getFileName() + ":" + rec.get(0);
            String name = split ? rec.get(1) + " " + rec.get(2) : rec.get(1);
            if (split) {
              b.name(person, rec.get(1), rec.get(2));
            } else {
              b.name(person, rec.get(1));
            }
            if (new org.tumen.link.name.NameStandardiser().full(name).hasGiven()) {
              names.add(name); // a record with a surname alone names no one
            }
          }
        }
      }
    }
    terms = b.build();
  }

  private static List<String> reportWords() {
    Vocabularies v = Vocabularies.standard();
    List<Labels> labels = new ArrayList<>();
    v.actTypes().forEach(a -> labels.add(a.labels()));
    v.eventTypes().forEach(e -> labels.add(e.labels()));
    v.institutionTypes().forEach(i -> labels.add(i.labels()));
    v.provisions().forEach(p -> labels.add(p.subject()));
    List<String> words = new ArrayList<>();
    for (Labels l : labels) {
      words.addAll(List.of(l.en(), l.ko(), l.zh()));
    }
    for (Place p : Gazetteer.standard().places()) {
      words.addAll(List.of(p.names().en(), p.names().ko(), p.names().zh()));
      words.addAll(p.otherNames());
    }
    return words;
  }

  @Test
  void theWordsOfAReportAreNoOnesName() {
    NameFinder finder = new NameFinder(terms, true);
    List<String> flagged = new ArrayList<>();
    for (String w : reportWords()) {
      if (!finder.find(w).isEmpty()) {
        flagged.add(w);
      }
    }
    assertThat(terms.persons()).isGreaterThan(2_000);
    assertThat(flagged).isEmpty();
  }

  @Test
  void everyPersonsOwnNameIsFound() {
    NameFinder finder = new NameFinder(terms, true);
    List<String> missed =
        names.stream().filter(n -> finder.find("said " + n + ".").isEmpty()).toList();
    // the simulator's typos (Chhulil, Sŏn--hŭi, a surname 랴) keep a few from their own keys
    assertThat(missed.size()).as("%s", missed).isLessThan(names.size() / 200);
  }
}
