package org.tumen.simulate;

/** What became of a person after crossing into China; it decides which lists can see them. */
public enum Fate {
  /** Living in hiding in China (with relatives, at work, in a church shelter). */
  HIDING,
  /** Sold or trafficked, mostly women into forced marriage or the sex trade. */
  TRAFFICKED,
  /** Held in a Chinese detention centre at the end of the period, not yet returned. */
  DETAINED,
  /** Arrested and forcibly returned to North Korea (after Chinese detention). */
  RETURNED,
  /** Reached a foreign consulate or embassy, or South Korea. */
  REACHED_SOUTH
}
