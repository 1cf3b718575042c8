package org.tumen.store.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The writer's sort by id orders exactly as {@link String#compareTo} does, whatever the ids share,
 * however short they are, and whichever characters they hold (the unique indexes and the order of
 * reading back depend on it).
 */
class ByIdTest {

  @Property(tries = 300)
  void ordersAsCompareTo(@ForAll("ids") List<String> ids) {
    List<String> expected = new ArrayList<>(ids);
    expected.sort(String::compareTo);
    assertThat(DocumentationWriter.byId(ids, Function.identity())).isEqualTo(expected);
  }

  @Provide
  Arbitrary<List<String>> ids() {
    // few characters, so that ties past the shared prefix are frequent; 0, a letter beyond Latin-1
    // and a surrogate test the 16-bit packing and the short ids
    Arbitrary<String> tail =
        Arbitraries.strings()
            .withChars('\u0000', 'a', 'b', 'Z', '-', '\uD55C', '\uD83D', '\uFFFF')
            .ofMinLength(0)
            .ofMaxLength(7);
    Arbitrary<String> prefix = Arbitraries.of("", "S-P", "interview-2019-");
    return prefix.flatMap(p -> tail.map(t -> p + t).list().ofMaxSize(60));
  }
}
