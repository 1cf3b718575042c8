package org.tumen.simulate;

/**
 * How a list writes a date. Each style has a full, a year-month and a year-only form; a year alone
 * is always written as four digits.
 */
public enum DateStyle {
  /** 1975-03-09, 1975-03. */
  ISO,
  /** 1975.3.9, 1975.3 (common in Korean documents). */
  DOTTED,
  /** 09/03/1975, 03/1975 (day first). */
  DMY,
  /** 1975년 3월 9일, 1975년 3월. */
  KOREAN,
  /** 1975年3月9日, 1975年3月. */
  CHINESE
}
