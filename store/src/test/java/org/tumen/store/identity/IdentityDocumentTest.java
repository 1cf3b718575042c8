package org.tumen.store.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

class IdentityDocumentTest {

  @Property
  void decodingGivesBackWhatWasEncoded(
      @ForAll @Size(max = 8) @UniqueElements List<String> keys, @ForAll("anyText") String seed) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      values.add(seed + i + ":" + keys.get(i)); // values holding the separator, digits, anything
    }
    Map<String, String> back = IdentityDocument.decode(IdentityDocument.encode(keys, values));
    assertThat(back.keySet()).containsExactlyElementsOf(keys);
    assertThat(back.values()).containsExactlyElementsOf(values);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> anyText() {
    return net.jqwik.api.Arbitraries.strings().all().ofMaxLength(40);
  }

  @Test
  void keepsLineBreaksColonsAndHangul() {
    String doc =
        IdentityDocument.encode(
            List.of("full_name", "note"), List.of("리순희", "12:30\nsynthetic, \"quoted\""));
    assertThat(IdentityDocument.decode(doc))
        .containsExactly(
            Map.entry("full_name", "리순희"), Map.entry("note", "12:30\nsynthetic, \"quoted\""));
  }

  @Test
  void refusesWhatIsNotADocument() {
    assertThatThrownBy(() -> IdentityDocument.decode("김철수"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> IdentityDocument.decode("9:full_name3:김"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cut short");
    assertThatThrownBy(() -> IdentityDocument.decode("4:name"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ends after a key");
  }
}
