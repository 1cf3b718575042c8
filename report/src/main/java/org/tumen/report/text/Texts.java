package org.tumen.report.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of reports and the public site in English, Korean and Chinese, from one catalogue per
 * language ({@code messages_en.properties} …, UTF-8). A test checks that every language has every
 * key. Placeholders are {@code {0}}, {@code {1}} …, replaced as they are (no MessageFormat, whose
 * apostrophe rules would eat the apostrophes of English text).
 */
public final class Texts {

  /** The languages published, in the order editions are listed. */
  public static final List<String> LANGUAGES = List.of("en", "ko", "zh");

  private static final Map<String, Texts> CACHE = new ConcurrentHashMap<>();

  private final String language;
  private final Map<String, String> messages;

  private Texts(String language, Map<String, String> messages) {
    this.language = language;
    this.messages = messages;
  }

  /** The catalogue of {@code language} ({@code en}, {@code ko} or {@code zh}). */
  public static Texts of(String language) {
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("not en, ko or zh: " + language);
    }
    return CACHE.computeIfAbsent(language, l -> new Texts(l, load(l)));
  }

  public String language() {
    return language;
  }

  /** The keys of this catalogue. */
  public Set<String> keys() {
    return messages.keySet();
  }

  /** The text of {@code key} with {@code {i}} replaced by {@code args[i]}. */
  public String get(String key, Object... args) {
    String m = messages.get(key);
    if (m == null) {
      throw new IllegalArgumentException("no text " + key + " in " + language);
    }
    for (int i = 0; i < args.length; i++) {
      m = m.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return m;
  }

  /** A count as people read it in this language ({@code 12,345}). */
  public String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A count rounded from an estimate; "unbounded" when infinite. */
  public String number(double n) {
    return Double.isInfinite(n) ? get("number.unbounded") : number(Math.round(n));
  }

  private static Map<String, String> load(String language) {
    String name = "messages_" + language + ".properties";
    try (InputStream in = Texts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing catalogue " + name);
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> m = new TreeMap<>();
      p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
      return Map.copyOf(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
