package org.tumen.model.documentation;

import java.util.regex.Pattern;

/** The shape of the pseudonymous ids of sources, events, acts, information, persons and groups. */
final class Ids {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private Ids() {}

  /**
   * Checks an id: 1–64 letters, digits, {@code . _ : -}, starting with a letter or digit. An id is
   * never derived from an identity (DESIGN.md); its shape keeps names and free text out.
   */
  static String check(String kind, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "a " + kind + " id is 1-64 letters, digits, '.', '_', ':' or '-': " + printable(id));
    }
    return id;
  }

  private static String printable(String id) {
    return id == null ? "null" : "'" + (id.length() > 20 ? id.substring(0, 20) + "…" : id) + "'";
  }
}
