package org.tumen.model;

/**
 * The first-level divisions of North Korea (nine provinces and the directly governed cities, as
 * used by the DPRK since 2010), the home provinces of people who cross into China. Only the
 * standard names live here; spelling variants belong to the linkage gazetteer and the simulator.
 */
public enum DprkProvince {
  NORTH_HAMGYONG("함경북도", "North Hamgyong"),
  SOUTH_HAMGYONG("함경남도", "South Hamgyong"),
  RYANGGANG("량강도", "Ryanggang"),
  CHAGANG("자강도", "Chagang"),
  NORTH_PYONGAN("평안북도", "North Pyongan"),
  SOUTH_PYONGAN("평안남도", "South Pyongan"),
  NORTH_HWANGHAE("황해북도", "North Hwanghae"),
  SOUTH_HWANGHAE("황해남도", "South Hwanghae"),
  KANGWON("강원도", "Kangwon"),
  PYONGYANG("평양직할시", "Pyongyang"),
  RASON("라선특별시", "Rason"),
  NAMPO("남포특별시", "Nampo");

  private final String hangul;
  private final String english;

  DprkProvince(String hangul, String english) {
    this.hangul = hangul;
    this.english = english;
  }

  public String hangul() {
    return hangul;
  }

  public String english() {
    return english;
  }
}
