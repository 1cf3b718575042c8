package org.tumen.report.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tumen.model.BadInputException;

/** Story files: the front matter read, and every problem named by file and line. */
class StoryReaderTest {
  @TempDir Path dir;

  static final String GOOD =
      "---\nid: returns\nlang: ko\nheadline: \"국경의 강제송환\"\ndateline: Seoul\ndate: 2026-12-07\n"
          + "summary:\n- one\n- two\nacts: forced-return, torture\ntop: true\n---\nBody line.\n";

  @Test
  void readsFrontMatterAndWhereTheBodyBegins() throws Exception {
    Path f = dir.resolve("s.md");
    Files.writeString(f, GOOD);
    Story s = StoryReader.read(f);
    assertThat(s.id()).isEqualTo("returns");
    assertThat(s.headline()).isEqualTo("국경의 강제송환");
    assertThat(s.summary()).containsExactly("one", "two");
    assertThat(s.actTypes()).containsExactly("forced-return", "torture");
    assertThat(s.top()).isTrue();
    assertThat(s.bodyLine()).isEqualTo(13);
    assertThat(s.body()).startsWith("Body line.");
  }

  /** Name, file text, where (":line:column"), what the message says. */
  static final String[][] BAD = {
    {"no front matter", "Body only.\n", ":1:1", "begins with '---'"},
    {"unknown key", "---\nid: a\nlang: en\ncolour: red\n---\n", ":4:1", "unknown key 'colour'"},
    {"bad id", "---\nid: A B\nlang: en\nheadline: h\ndate: 2026-01-01\n---\n", ":2:1", "an id is"},
    {
      "bad lang",
      "---\nid: a\nlang: fr\nheadline: h\ndate: 2026-01-01\n---\n",
      ":3:1",
      "lang is en, ko or zh"
    },
    {
      "bad date",
      "---\nid: a\nlang: en\nheadline: h\ndate: 7 Dec\n---\n",
      ":5:1",
      "date is YYYY-MM-DD"
    },
    {"unclosed", "---\nid: a\n", ":3:1", "no closing '---'"},
    {"no headline", "---\nid: a\nlang: en\ndate: 2026-01-01\n---\n", ":1:1", "no 'headline'"},
    {"list item with no key", "---\n- loose\n---\n", ":2:1", "'- item' under a key"},
  };

  @Test
  void refusesWithFileAndLine() throws Exception {
    for (String[] c : BAD) {
      Path f = dir.resolve("bad.md");
      Files.writeString(f, c[1]);
      assertThatThrownBy(() -> StoryReader.read(f))
          .as(c[0])
          .isInstanceOf(BadInputException.class)
          .hasMessageContaining(f + c[2])
          .hasMessageContaining(c[3]);
    }
  }
}
