package org.tumen.report.publication;

/**
 * Escaping for text placed in XHTML and XML (reports, the site, the Atom feed): every value from
 * data goes through it. Only the five XML entities are used, so the output parses as XML, which the
 * PDF renderer requires.
 */
public final class Markup {
  private Markup() {}

  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          // control characters other than tab and newline are not allowed in XML 1.0
          if (c >= 0x20 || c == '\n' || c == '\t') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
