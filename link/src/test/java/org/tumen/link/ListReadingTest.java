package org.tumen.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tumen.model.BadInputException;

/** Lists read through their own specs into the columns of the roles they share. */
class ListReadingTest {

  private static SourceTable rows(String name, String header, String... rows) {
    return new SourceTable(
        name,
        List.of(header.split(",", -1)),
        Arrays.stream(rows).map(r -> List.of(r.split(",", -1))).toList());
  }

  private final SourceTable a =
      rows(
          "a",
          "ID,Age,Interview date,Date of birth,Name,Sex,Case worker",
          "1,34,2003-09-01,,Kim Chol,M,worker A",
          "2,30,2003-02-01,1975-03-09,Ri Yong,F,worker B");
  private final SourceTable b = rows("b", "번호,성,이름,생년월일", "1,김,철,1969", "2,리,영,1975.3.9");

  @Test
  void readsEachListIntoTheRolesTheListsShare() {
    ListReading.Prepared p = ListReading.apply(LinkSpec.infer(List.of(a, b)), List.of(a, b));
    SourceTable ra = p.tables().get(0);
    SourceTable rb = p.tables().get(1);
    // sex and the case worker are in one list only, or identify nobody: not compared
    assertThat(ra.headers()).containsExactly(ListReading.ID, "birth_date", "full_name");
    assertThat(rb.headers()).containsExactly(ListReading.ID, "birth_date", "surname", "given");
    // a written birth date first; the year from the age and the interview date where it is blank
    assertThat(ra.rows().get(0)).containsExactly("1", "1969", "Kim Chol");
    assertThat(ra.rows().get(1)).containsExactly("2", "1975-03-09", "Ri Yong");
    assertThat(p.spec().fields())
        .extracting(FieldSpec::role)
        .containsExactly("birth_date", "full_name", "surname", "given");
  }

  @Test
  void aListTheSpecDoesNotNameIsBadInput() {
    LinkSpec spec = LinkSpec.infer(List.of(a));
    assertThatThrownBy(() -> ListReading.apply(spec, List.of(a, b)))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("b: the spec has no entry for this list");
  }

  @Test
  void aRepeatedIdIsNamedAtItsCell() {
    SourceTable twice = rows("c", "번호,성명", "7,김철", "7,리영");
    assertThatThrownBy(
            () -> ListReading.apply(LinkSpec.infer(List.of(b, twice)), List.of(b, twice)))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("c:3:1: duplicate id \"7\" (first on line 2)");
  }
}
