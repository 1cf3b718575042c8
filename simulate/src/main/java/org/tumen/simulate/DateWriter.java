package org.tumen.simulate;

import org.tumen.model.PartialDate;

/** Writes a (partial) date in one of the list date styles; a year alone is always four digits. */
final class DateWriter {
  private DateWriter() {}

  static String write(PartialDate d, DateStyle style) {
    int y = d.year();
    int m = d.month();
    int day = d.day();
    StringBuilder sb = new StringBuilder(16);
    if (m == 0) {
      return sb.append(y).toString();
    }
    switch (style) {
      case ISO -> {
        sb.append(y).append('-');
        two(sb, m);
        if (day != 0) {
          two(sb.append('-'), day);
        }
      }
      case DOTTED -> {
        sb.append(y).append('.').append(m);
        if (day != 0) {
          sb.append('.').append(day);
        }
      }
      case DMY -> {
        if (day != 0) {
          two(sb, day).append('/');
        }
        two(sb, m).append('/').append(y);
      }
      case KOREAN -> {
        sb.append(y).append("년 ").append(m).append('월');
        if (day != 0) {
          sb.append(' ').append(day).append('일');
        }
      }
      case CHINESE -> {
        sb.append(y).append('年').append(m).append('月');
        if (day != 0) {
          sb.append(day).append('日');
        }
      }
    }
    return sb.toString();
  }

  private static StringBuilder two(StringBuilder sb, int x) {
    if (x < 10) {
      sb.append('0');
    }
    return sb.append(x);
  }
}
