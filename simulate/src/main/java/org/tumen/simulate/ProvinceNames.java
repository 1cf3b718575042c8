package org.tumen.simulate;

import java.util.EnumMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.tumen.model.DprkProvince;

/** The ways lists write each DPRK province ({@code provinces.tsv}, one column per PlaceStyle). */
final class ProvinceNames {
  private static final Map<DprkProvince, String[][]> VARIANTS = load();

  private ProvinceNames() {}

  static String write(DprkProvince p, PlaceStyle style, UniformRandomProvider rng) {
    String[] choices = VARIANTS.get(p)[style.ordinal()];
    return choices.length == 1 ? choices[0] : choices[rng.nextInt(choices.length)];
  }

  private static Map<DprkProvince, String[][]> load() {
    PlaceStyle[] styles = PlaceStyle.values();
    Map<DprkProvince, String[][]> m = new EnumMap<>(DprkProvince.class);
    for (String[] r : Tsv.read("provinces.tsv", styles.length + 1)) {
      String[][] v = new String[styles.length][];
      for (int i = 0; i < styles.length; i++) {
        v[i] = r[i + 1].split(";");
      }
      m.put(DprkProvince.valueOf(r[0]), v);
    }
    if (m.size() != DprkProvince.values().length) {
      throw new IllegalStateException("provinces.tsv must list every DprkProvince");
    }
    return m;
  }
}
