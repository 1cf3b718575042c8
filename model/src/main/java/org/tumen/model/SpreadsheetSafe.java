package org.tumen.model;

import java.util.regex.Pattern;

/**
 * The one rule every CSV that Tumen writes for people to open applies to its cells (exports, {@code
 * link --pairs}, {@code --review}): a cell a spreadsheet would run as a formula is written as text.
 *
 * <p>After OWASP's "CSV Injection" guidance: a cell that begins with {@code =}, {@code +}, {@code
 * -}, {@code @}, a tab or a carriage return is a formula to Excel, LibreOffice and Google Sheets
 * ({@code =HYPERLINK(...)}, {@code @SUM(...)}, {@code -2+3}); prefixing a single quote makes it
 * text. Such values reach Tumen's outputs from organisations' notes, record ids and list names.
 *
 * <p>Two exceptions keep the files usable and the rule reversible:
 *
 * <ul>
 *   <li>a cell that is a plain decimal number ({@code -12.5}, {@code +3}, {@code -1.2e-05}) is left
 *       as it is: every spreadsheet reads it as that number and runs nothing, so negative match
 *       weights stay numbers;
 *   <li>a cell that already begins with a single quote gets one more, so that {@link #restore}
 *       (drop one leading quote) gives back exactly the value that was written, whatever it was.
 * </ul>
 */
public final class SpreadsheetSafe {

  /** A plain decimal number, as Java and spreadsheets both read it; nothing else is left alone. */
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  private SpreadsheetSafe() {}

  /** The cell to write for {@code value}: the value itself, or {@code '} and the value. */
  public static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    return needsQuote(text) ? "'" + text : text;
  }

  /** The value a cell written by {@link #cell} stood for. */
  public static String restore(String cell) {
    return cell != null && cell.startsWith("'") ? cell.substring(1) : cell;
  }

  private static boolean needsQuote(String text) {
    if (text.isEmpty()) {
      return false;
    }
    switch (text.charAt(0)) {
      case '\'':
        return true;
      case '=', '@', '\t', '\r':
        return true;
      case '+', '-':
        // "-1e999" has a number's shape but is no number (it overflows): a spreadsheet would
        // evaluate it, so it is quoted like any other formula.
        return !NUMBER.matcher(text).matches() || Double.isInfinite(Double.parseDouble(text));
      default:
        return false;
    }
  }
}
