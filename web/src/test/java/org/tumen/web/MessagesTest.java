package org.tumen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tumen.store.access.CaseKind;
import org.tumen.store.access.Role;

/** Every page in three languages: a key missing in any of them fails. */
class MessagesTest {

  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name);
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  @Test
  void englishKoreanAndChineseHaveTheSameKeysAndNoneIsBlank() throws IOException {
    Properties en = load("messages.properties");
    for (String lang : new String[] {"ko", "zh"}) {
      Properties other = load("messages_" + lang + ".properties");
      assertThat(other.stringPropertyNames())
          .as("keys of messages_%s", lang)
          .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
      other.forEach((k, v) -> assertThat(v.toString()).as(lang + " " + k).isNotBlank());
    }
  }

  @Test
  void everyKeyAPageOrControllerUsesIsThere() throws IOException {
    Set<String> used = new TreeSet<>();
    Pattern literal = Pattern.compile("#\\{([a-zA-Z][a-zA-Z.]+)");
    Pattern code = Pattern.compile("\"((?:signin|users|access|workspace|account)\\.[a-zA-Z.]+)\"");
    for (String dir : new String[] {"src/main/resources/templates", "src/main/java"}) {
      try (Stream<Path> files = Files.walk(Path.of(dir))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String text = Files.readString(f);
          Matcher m = (f.toString().endsWith(".html") ? literal : code).matcher(text);
          while (m.find()) {
            used.add(m.group(1));
          }
        }
      }
    }
    for (Role r : Role.values()) {
      used.add("role." + r.code());
    }
    for (CaseKind k : CaseKind.values()) {
      used.add("kind." + k.code());
    }
    for (String f : new String[] {"login", "password", "role", "language", "other"}) {
      used.add("users.error." + f);
    }
    for (String w : new String[] {"short", "long", "same", "login", "simple"}) {
      used.add("account.password.weak." + w);
    }
    used.removeIf(k -> k.endsWith("."));
    assertThat(used).hasSizeGreaterThan(100);
    assertThat(load("messages.properties").stringPropertyNames()).containsAll(used);
  }
}
