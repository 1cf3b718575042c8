package org.tumen.link.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tumen.model.documentation.Consent;
import org.tumen.model.documentation.ConsentGrant;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Reliability;
import org.tumen.model.documentation.Source;
import org.tumen.model.documentation.SourceKind;

/** Which spellings of the texts a query widens to. Every text and name here is synthetic. */
class NameVariantsTest {

  static Source text(String id, String text) {
    return new Source(
        id,
        SourceKind.INTERVIEW,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "NGO A",
        new Consent(List.of(ConsentGrant.of(ConsentUse.STORE, LocalDate.of(2004, 6, 1)))),
        Reliability.HIGH,
        Optional.of(text));
  }

  private final NameVariants variants =
      NameVariants.of(
          new Documentation(
              List.of(
                  text("s1", "Ri Sun Hui crossed the river at Hoeryong in the winter."),
                  text("s2", "리순희가 회령에서 강을 건넜다고 하였다."),
                  text("s3", "证人说李顺姬在会宁过江。"),
                  text("s4", "Kim Yong Chol was arrested in Yanji.")),
              List.of(),
              List.of(),
              List.of()));

  @Test
  void aHangulNameFindsItsRomanisationAndItsHanSpelling() {
    assertThat(variants.variants("리순희")).contains("Ri Sun Hui", "李顺姬").doesNotContain("리순희");
  }

  @Test
  void aRomanisationAndATraditionalHanjaSpellingFindTheOthers() {
    assertThat(variants.variants("Lee Soon-hee")).contains("Ri Sun Hui", "리순희", "李顺姬");
    assertThat(variants.variants("李順姬")).contains("Ri Sun Hui", "리순희");
  }

  @Test
  void aSurnameAloneFindsTheFullNamesWithThatSurnameInEveryScript() {
    assertThat(variants.variants("李")).contains("Ri Sun Hui", "리순희", "李顺姬");
    assertThat(variants.variants("이")).contains("Ri Sun Hui", "리순희");
    assertThat(variants.variants("李")).noneMatch(s -> s.startsWith("Kim"));
    assertThat(variants.variants("김")).contains("Kim Yong Chol").doesNotContain("리순희");
  }

  @Test
  void aWordThatIsNoNameWidensNothing() {
    assertThat(variants.variants("river")).isEmpty();
    assertThat(variants.variants("회령")).isEmpty();
    assertThat(variants.variants(" ")).isEmpty();
  }
}
