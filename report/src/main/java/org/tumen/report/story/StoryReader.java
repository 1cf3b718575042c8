package org.tumen.report.story;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tumen.model.BadInputException;
import org.tumen.report.text.Texts;

/**
 * Reads a story file: a front matter block between two {@code ---} lines of {@code key: value} (a
 * list as {@code - item} lines under its key), then the Markdown body. Every problem is bad input
 * at {@code file:line}.
 */
public final class StoryReader {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
  private static final List<String> KEYS =
      List.of(
          "id",
          "lang",
          "headline",
          "dateline",
          "date",
          "author",
          "summary",
          "acts",
          "report",
          "report-title",
          "top",
          "related");

  private StoryReader() {}

  /** Every {@code *.md} file of {@code dir}, in name order. */
  public static List<Story> readAll(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(dir.toString(), "no such folder of stories");
    }
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
    }
    List<Story> out = new ArrayList<>(files.size());
    for (Path f : files) {
      out.add(read(f));
    }
    return out;
  }

  public static Story read(Path file) throws IOException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException(file.toString(), "not UTF-8 text");
    }
    List<String> lines = Arrays.asList(text.replace("\r\n", "\n").split("\n", -1));
    String f = file.toString();
    if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
      throw new BadInputException(
          BadInputException.at(f, 1, 1), "a story begins with '---' and its front matter");
    }
    Map<String, Object> fm = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    String listKey = null;
    int end = -1;
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i);
      int n = i + 1;
      if (l.strip().equals("---")) {
        end = i;
        break;
      }
      if (l.isBlank() || l.strip().startsWith("#")) {
        continue;
      }
      if (l.startsWith(" ") || l.startsWith("-")) {
        String item = l.strip();
        if (listKey == null || !item.startsWith("- ")) {
          throw new BadInputException(
              BadInputException.at(f, n, 1), "not 'key: value' nor '- item' under a key");
        }
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) fm.get(listKey);
        list.add(item.substring(2).strip());
        continue;
      }
      int colon = l.indexOf(':');
      if (colon < 1) {
        throw new BadInputException(BadInputException.at(f, n, 1), "not 'key: value'");
      }
      String key = l.substring(0, colon).strip();
      String value = l.substring(colon + 1).strip();
      if (!KEYS.contains(key)) {
        throw new BadInputException(
            BadInputException.at(f, n, 1),
            "unknown key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
      }
      lineOf.put(key, n);
      if (value.isEmpty()) {
        fm.put(key, new ArrayList<String>());
        listKey = key;
      } else {
        fm.put(key, unquote(value));
        listKey = null;
      }
    }
    if (end < 0) {
      throw new BadInputException(
          BadInputException.at(f, lines.size(), 1), "the front matter has no closing '---'");
    }
    String id = required(fm, "id", f, lineOf);
    if (!ID.matcher(id).matches()) {
      throw new BadInputException(
          BadInputException.at(f, lineOf.get("id"), 1),
          "an id is lower-case letters, digits and '-': " + id);
    }
    String lang = required(fm, "lang", f, lineOf);
    if (!Texts.LANGUAGES.contains(lang)) {
      throw new BadInputException(
          BadInputException.at(f, lineOf.get("lang"), 1), "lang is en, ko or zh: " + lang);
    }
    LocalDate date;
    try {
      date = LocalDate.parse(required(fm, "date", f, lineOf));
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          BadInputException.at(f, lineOf.get("date"), 1), "date is YYYY-MM-DD");
    }
    String body = String.join("\n", lines.subList(end + 1, lines.size()));
    return new Story(
        file,
        id,
        lang,
        required(fm, "headline", f, lineOf),
        scalar(fm, "dateline", f, lineOf).orElse(""),
        date,
        scalar(fm, "author", f, lineOf).orElse(""),
        list(fm, "summary"),
        list(fm, "acts"),
        scalar(fm, "report", f, lineOf),
        scalar(fm, "report-title", f, lineOf),
        scalar(fm, "top", f, lineOf).map(Boolean::parseBoolean).orElse(false),
        list(fm, "related"),
        body,
        end + 2);
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  private static String required(
      Map<String, Object> fm, String key, String f, Map<String, Integer> lineOf) {
    return scalar(fm, key, f, lineOf)
        .orElseThrow(
            () ->
                new BadInputException(
                    BadInputException.at(f, 1, 1), "the front matter has no '" + key + "'"));
  }

  private static Optional<String> scalar(
      Map<String, Object> fm, String key, String f, Map<String, Integer> lineOf) {
    Object v = fm.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String s) {
      return Optional.of(s);
    }
    throw new BadInputException(
        BadInputException.at(f, lineOf.get(key), 1), "'" + key + "' takes one value, not a list");
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Map<String, Object> fm, String key) {
    Object v = fm.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
    return (List<String>) v;
  }
}
