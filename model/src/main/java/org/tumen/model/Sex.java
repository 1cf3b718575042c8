package org.tumen.model;

import java.util.Locale;
import java.util.Optional;

/** Sex as recorded by a source. */
public enum Sex {
  FEMALE("F"),
  MALE("M");

  private final String code;

  Sex(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /**
   * Reads the common ways lists write sex: {@code F/M}, {@code female/male}, {@code 여/남}, {@code
   * 여자/남자}, {@code 女/男}. Empty for blank or unknown text.
   */
  public static Optional<Sex> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "f", "female", "w", "woman", "여", "여자", "여성", "女", "女性" -> Optional.of(FEMALE);
      case "m", "male", "man", "남", "남자", "남성", "男", "男性" -> Optional.of(MALE);
      default -> Optional.empty();
    };
  }
}
