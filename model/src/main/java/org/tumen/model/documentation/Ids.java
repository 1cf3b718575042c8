package org.tumen.model.documentation;

/** The shape of the pseudonymous ids of sources, events, acts, information, persons and groups. */
final class Ids {
  private Ids() {}

  /**
   * Checks an id: 1–64 letters, digits, {@code . _ : -}, starting with a letter or digit. An id is
   * never derived from an identity (DESIGN.md); its shape keeps names and free text out.
   */
  static String check(String kind, String id) {
    if (!wellFormed(id)) {
      throw new IllegalArgumentException(
          "a " + kind + " id is 1-64 letters, digits, '.', '_', ':' or '-': " + printable(id));
    }
    return id;
  }

  /**
   * {@code [A-Za-z0-9][A-Za-z0-9._:-]{0,63}}, by hand: bulk import checks several ids per row, and
   * a regular expression's matcher cost more than the rest of the check.
   */
  private static boolean wellFormed(String id) {
    if (id == null || id.isEmpty() || id.length() > 64 || !letterOrDigit(id.charAt(0))) {
      return false;
    }
    for (int i = 1; i < id.length(); i++) {
      char ch = id.charAt(i);
      if (!letterOrDigit(ch) && ch != '.' && ch != '_' && ch != ':' && ch != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean letterOrDigit(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
  }

  private static String printable(String id) {
    return id == null ? "null" : "'" + (id.length() > 20 ? id.substring(0, 20) + "…" : id) + "'";
  }
}
