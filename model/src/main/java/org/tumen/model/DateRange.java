package org.tumen.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When something happened, as a witness can say it: one partial date ("2002-03"), a range of them
 * ("2002-03 to 2002-09") or a season ("winter 1999"). The range covers every day either end could
 * be, so it always contains its parts: "2002 to 2002-03" covers the whole of 2002, because the
 * witness did not say when in 2002 it began. A single partial date is a range whose ends are equal.
 *
 * <p>A range whose end is wholly before its start is rejected. A season is the three months Korean
 * and Chinese speakers mean by it: spring March–May, summer June–August, autumn September–November,
 * and winter December of the year named to February of the next ("1999년 겨울" is the winter that
 * begins in December 1999).
 */
public record DateRange(PartialDate start, PartialDate end) {

  private static final Pattern SEASON_EN =
      Pattern.compile("(spring|summer|autumn|fall|winter)\\s+(\\d{4})", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEASON_CJK =
      Pattern.compile("(\\d{4})\\s*(?:년|年)?\\s*(봄|여름|가을|겨울|春|夏|秋|冬)(?:季|天)?");
  private static final Pattern TWO_ENDS =
      Pattern.compile(
          "(.+?)\\s*(?:/|\\s+to\\s+|~|\\s+-\\s+|–|—)\\s*(.+)", Pattern.CASE_INSENSITIVE);
  private static final Map<String, Integer> SEASON_START =
      Map.ofEntries(
          Map.entry("spring", 3),
          Map.entry("summer", 6),
          Map.entry("autumn", 9),
          Map.entry("fall", 9),
          Map.entry("winter", 12),
          Map.entry("봄", 3),
          Map.entry("여름", 6),
          Map.entry("가을", 9),
          Map.entry("겨울", 12),
          Map.entry("春", 3),
          Map.entry("夏", 6),
          Map.entry("秋", 9),
          Map.entry("冬", 12));

  public DateRange {
    if (start == null || end == null) {
      throw new IllegalArgumentException("a date range needs a start and an end");
    }
    if (end.latest().isBefore(start.earliest())) {
      throw new IllegalArgumentException(
          "date range ends before it starts: " + start + " to " + end);
    }
  }

  /** The range of one partial date. */
  public static DateRange of(PartialDate date) {
    return new DateRange(date, date);
  }

  /** The three months of a season of {@code year}; winter runs into the next year. */
  public static DateRange season(String season, int year) {
    Integer first = SEASON_START.get(season.toLowerCase(Locale.ROOT));
    if (first == null) {
      throw new IllegalArgumentException("not a season: " + season);
    }
    PartialDate from = PartialDate.ofMonth(year, first);
    PartialDate to =
        first == 12 ? PartialDate.ofMonth(year + 1, 2) : PartialDate.ofMonth(year, first + 2);
    return new DateRange(from, to);
  }

  /**
   * Reads {@code 2002}, {@code 2002-03}, {@code 2002-03-09}, two of those joined by {@code /},
   * {@code to}, {@code ~} or a dash ({@code 2002-03 to 2002-09}, the ISO 8601 form {@code
   * 2002-03/2002-09}), or a season ({@code winter 1999}, {@code 1999년 겨울}, {@code 1999年冬}).
   *
   * @throws IllegalArgumentException if the text is none of these, or the range ends before it
   *     starts
   */
  public static DateRange parse(String text) {
    String s = text.strip();
    Matcher m = SEASON_EN.matcher(s);
    if (m.matches()) {
      return season(m.group(1), Integer.parseInt(m.group(2)));
    }
    m = SEASON_CJK.matcher(s);
    if (m.matches()) {
      return season(m.group(2), Integer.parseInt(m.group(1)));
    }
    m = TWO_ENDS.matcher(s);
    if (m.matches()) {
      return new DateRange(PartialDate.parseIso(m.group(1)), PartialDate.parseIso(m.group(2)));
    }
    return of(PartialDate.parseIso(s));
  }

  /** The first day the range could begin. */
  public LocalDate earliest() {
    LocalDate a = start.earliest();
    LocalDate b = end.earliest();
    return b.isBefore(a) ? b : a;
  }

  /** The last day the range could end. */
  public LocalDate latest() {
    LocalDate a = start.latest();
    LocalDate b = end.latest();
    return a.isAfter(b) ? a : b;
  }

  /** Days from {@link #earliest()} to {@link #latest()}, both included. */
  public long lengthInDays() {
    return ChronoUnit.DAYS.between(earliest(), latest()) + 1;
  }

  /** Whether every day {@code date} could be lies within this range. */
  public boolean contains(PartialDate date) {
    return !date.earliest().isBefore(earliest()) && !date.latest().isAfter(latest());
  }

  /** Whether every day of {@code other} lies within this range. */
  public boolean contains(DateRange other) {
    return !other.earliest().isBefore(earliest()) && !other.latest().isAfter(latest());
  }

  /** Whether the two ranges could name the same day. */
  public boolean overlaps(DateRange other) {
    return !other.latest().isBefore(earliest()) && !other.earliest().isAfter(latest());
  }

  /**
   * Days between the two ranges: 0 when they overlap, else from the end of one to the other's
   * start.
   */
  public long gapInDays(DateRange other) {
    if (overlaps(other)) {
      return 0;
    }
    return latest().isBefore(other.earliest())
        ? ChronoUnit.DAYS.between(latest(), other.earliest())
        : ChronoUnit.DAYS.between(other.latest(), earliest());
  }

  /** {@code 2002-03} for a single date, else the ISO 8601 interval {@code 2002-03/2002-09}. */
  @Override
  public String toString() {
    return start.equals(end) ? start.toString() : start + "/" + end;
  }
}
