package org.tumen.report.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tumen.model.PartialDate;
import org.tumen.model.columns.DateReading;
import org.tumen.model.columns.DateText;

/**
 * Dates and ages in running text, in the forms testimonies and lists write them (English, Korean,
 * Chinese, numeric). Each find is read with the model's {@link DateText}, so that what counts as a
 * date here is what the import reads as one.
 */
final class DatesAndAges {

  /** A date or age found at {@code [start, end)}; {@code date} empty for an age. */
  record Found(int start, int end, Optional<PartialDate> date, boolean age) {}

  private static final String MONTH =
      "(?:January|February|March|April|May|June|July|August|September|October|November|December"
          + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
  private static final String ORDINAL = "(?:st|nd|rd|th)?";

  private static final List<Pattern> DATES =
      List.of(
          Pattern.compile("\\d{4}\\s*년(?:\\s*\\d{1,2}\\s*월)?(?:\\s*\\d{1,2}\\s*일)?"),
          Pattern.compile("\\d{4}\\s*年(?:\\s*\\d{1,2}\\s*月)?(?:\\s*\\d{1,2}\\s*[日号])?"),
          Pattern.compile("(?<![\\d년年])\\d{1,2}\\s*월(?:\\s*\\d{1,2}\\s*일)?"),
          Pattern.compile("(?<![\\d년年])\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*[日号])?"),
          Pattern.compile("(?<!\\d)\\d{4}[-./]\\d{1,2}(?:[-./]\\d{1,2})?(?!\\d)"),
          Pattern.compile("(?<!\\d)\\d{1,2}[/.]\\d{1,2}[/.](?:\\d{4}|\\d{2})(?!\\d)"),
          Pattern.compile(
              "(?:\\b\\d{1,2}"
                  + ORDINAL
                  + "\\s+(?:of\\s+)?)?\\b"
                  + MONTH
                  + "(?:\\s+\\d{1,2}"
                  + ORDINAL
                  + "\\b)?(?:,?\\s+\\d{4}\\b)?"));

  private static final List<Pattern> AGES =
      List.of(
          Pattern.compile("(?<!\\d)\\d{1,3}\\s*(?:세|살|岁|歲)"),
          Pattern.compile("(?i)\\bage(?:d)?\\s+\\d{1,3}\\b"),
          Pattern.compile("(?i)\\b\\d{1,3}[- ]years?[- ]old\\b"),
          Pattern.compile("(?:열|스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔)\\s*(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉)?\\s*살"),
          Pattern.compile("(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉)\\s*살"),
          Pattern.compile("[一二三四五六七八九十两]{1,4}\\s*[岁歲]"));

  private static final DateText READER = new DateText(2000);

  private DatesAndAges() {}

  /** Dates more precise than a year (a month, a day), and ages. */
  static List<Found> find(String text) {
    List<Found> out = new ArrayList<>();
    for (Pattern p : DATES) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        String s = m.group().strip();
        if (s.isEmpty()) {
          continue;
        }
        Optional<PartialDate> d = READER.read(s).map(DateReading::date);
        boolean hasMonth =
            d.map(x -> x.month() != 0).orElse(false) || s.matches(".*(월|月|" + MONTH + ").*");
        if (hasMonth) {
          int start = m.start() + m.group().indexOf(s);
          out.add(new Found(start, start + s.length(), d, false));
        }
      }
    }
    for (Pattern p : AGES) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        out.add(new Found(m.start(), m.end(), Optional.empty(), true));
      }
    }
    return out;
  }
}
