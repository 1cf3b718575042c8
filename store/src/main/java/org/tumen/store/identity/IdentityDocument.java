package org.tumen.store.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity values of one imported record, written as one text and sealed as one value under the
 * field name {@link #FIELD}. One sealed value per record instead of one per column makes the import
 * write three rows per record rather than seven, which is most of its cost (docs/benchmarks.md),
 * and it leaks less: the database no longer shows which columns of a record were blank.
 *
 * <p>The text is a sequence of {@code <length>:<key><length>:<value>}, lengths in UTF-16 units, so
 * that keys and values may hold any character, separators and line breaks included.
 */
public final class IdentityDocument {

  /** The {@code identity_field.field} of a record's document. */
  public static final String FIELD = "values";

  private IdentityDocument() {}

  /**
   * @param keys the storage keys of the values (e.g. {@code full_name}, {@code extra.3})
   * @param values the values, in the same order
   */
  public static String encode(List<String> keys, List<String> values) {
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException("keys and values differ in number");
    }
    StringBuilder out = new StringBuilder(32 * keys.size());
    for (int i = 0; i < keys.size(); i++) {
      append(out, keys.get(i));
      append(out, values.get(i));
    }
    return out.toString();
  }

  /**
   * The keys and values of a document, in the order they were written.
   *
   * @throws IllegalStateException if the text is not a document
   */
  public static Map<String, String> decode(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    int[] at = {0};
    while (at[0] < text.length()) {
      String key = next(text, at);
      if (at[0] >= text.length()) {
        throw new IllegalStateException("an identity document ends after a key");
      }
      out.put(key, next(text, at));
    }
    return out;
  }

  private static void append(StringBuilder out, String s) {
    out.append(s.length()).append(':').append(s);
  }

  private static String next(String text, int[] at) {
    int colon = text.indexOf(':', at[0]);
    if (colon <= at[0] || colon - at[0] > 10) {
      throw new IllegalStateException("not an identity document");
    }
    int length;
    try {
      length = Integer.parseInt(text, at[0], colon, 10);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("not an identity document", e);
    }
    int start = colon + 1;
    if (length < 0 || length > text.length() - start) {
      throw new IllegalStateException("an identity document is cut short");
    }
    at[0] = start + length;
    return text.substring(start, at[0]);
  }
}
