package org.tumen.model.vocabulary;

import java.util.Locale;

/** A term's name in the three languages Tumen speaks: English, Korean and Chinese (simplified). */
public record Labels(String en, String ko, String zh) {

  public Labels {
    if (blank(en) || blank(ko) || blank(zh)) {
      throw new IllegalArgumentException(
          "a label is missing: en=" + en + " ko=" + ko + " zh=" + zh);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Reads the {@code en}, {@code ko} and {@code zh} columns of a data row. */
  public static Labels of(DataFile.Row row) {
    try {
      return new Labels(row.optional("en"), row.optional("ko"), row.optional("zh"));
    } catch (IllegalArgumentException e) {
      throw row.error(e.getMessage());
    }
  }

  /** The label in a language ({@code en}, {@code ko} or {@code zh}); English for any other. */
  public String in(String language) {
    return switch (language.toLowerCase(Locale.ROOT)) {
      case "ko" -> ko;
      case "zh" -> zh;
      default -> en;
    };
  }
}
