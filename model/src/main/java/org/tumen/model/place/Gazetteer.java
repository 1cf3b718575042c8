package org.tumen.model.place;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tumen.model.DprkProvince;
import org.tumen.model.vocabulary.DataFile;
import org.tumen.model.vocabulary.Labels;

/**
 * The places that journeys out of the DPRK pass: its provinces and border counties, China's border
 * provinces and Yanbian's cities, the routes through Mongolia, Russia, Laos, Thailand, Vietnam and
 * Cambodia, and the Republic of Korea — read from the versioned file {@code places.psv}. Names are
 * found in English and its romanizations, Korean and Chinese (simplified or traditional), ignoring
 * case, spaces, hyphens, apostrophes, accents ({@code Hoeryŏng}) and a trailing administrative word
 * ({@code 회령시}, {@code 延吉市}, {@code Hyesan City}). Immutable.
 */
public final class Gazetteer {

  private static final class Standard {
    static final Gazetteer INSTANCE = new Gazetteer(DataFile.read(Gazetteer.class, "places.psv"));
  }

  /**
   * Words for "city", "county", "province" … dropped from the end of a name before a second try.
   */
  private static final List<String> SUFFIXES =
      List.of(
          "특별시",
          "직할시",
          "광역시",
          "시",
          "군",
          "도",
          "성",
          "현",
          "特别市",
          "直辖市",
          "市",
          "县",
          "縣",
          "郡",
          "省",
          "道",
          "city",
          "county",
          "province",
          "si",
          "gun",
          "do");

  private final int version;
  private final Map<String, Place> byCode;
  private final Map<String, List<Place>> byName;

  Gazetteer(DataFile file) {
    version = file.version();
    Map<String, Place> codes = new LinkedHashMap<>();
    for (DataFile.Row r : file.rows()) {
      Place p;
      try {
        p = place(r);
      } catch (IllegalArgumentException e) {
        throw r.error(e.getMessage());
      }
      if (p.parent().isPresent()) {
        Place parent = codes.get(p.parent().get());
        if (parent == null) {
          throw r.error("parent " + p.parent().get() + " is not listed above it");
        }
        if (parent.level().compareTo(p.level()) >= 0) {
          throw r.error("a place must be finer than its parent " + parent.code());
        }
      }
      if (codes.putIfAbsent(p.code(), p) != null) {
        throw r.error("duplicate code " + p.code());
      }
    }
    byCode = Collections.unmodifiableMap(codes);
    Map<String, List<Place>> names = new HashMap<>();
    for (Place p : codes.values()) {
      for (String n : namesOf(p)) {
        List<Place> at = names.computeIfAbsent(key(n), k -> new ArrayList<>());
        if (!at.contains(p)) {
          at.add(p);
        }
      }
    }
    names.replaceAll((k, v) -> List.copyOf(v));
    byName = Map.copyOf(names);
  }

  /** The gazetteer shipped with this version of Tumen. */
  public static Gazetteer standard() {
    return Standard.INSTANCE;
  }

  private static Place place(DataFile.Row r) {
    String parent = r.optional("parent");
    String iso3 = r.optional("iso3");
    List<String> ko = List.of(r.get("ko").split(";"));
    List<String> zh = List.of(r.get("zh").split(";"));
    List<String> other = new ArrayList<>();
    String latin = r.optional("latin");
    if (!latin.isEmpty()) {
      other.addAll(List.of(latin.split(";")));
    }
    other.addAll(ko.subList(1, ko.size()));
    other.addAll(zh.subList(1, zh.size()));
    return new Place(
        r.get("code"),
        PlaceLevel.valueOf(r.get("level")),
        parent.isEmpty() ? Optional.empty() : Optional.of(parent),
        iso3.isEmpty() ? Optional.empty() : Optional.of(iso3),
        new Labels(r.get("en"), ko.get(0), zh.get(0)),
        other,
        Double.parseDouble(r.get("lat")),
        Double.parseDouble(r.get("lon")));
  }

  private static List<String> namesOf(Place p) {
    List<String> all = new ArrayList<>(List.of(p.names().en(), p.names().ko(), p.names().zh()));
    all.addAll(p.otherNames());
    return all;
  }

  /**
   * The look-up form of a name: NFKC, accents removed, lower case, letters and digits only
   * ("Hoeryŏng" and "hoe-ryong" both give "hoeryong").
   */
  static String key(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
    s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    s = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
    return b.toString();
  }

  /** The file's version. */
  public int version() {
    return version;
  }

  public Collection<Place> places() {
    return byCode.values();
  }

  public Optional<Place> place(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The place with this code, or an {@link IllegalArgumentException} naming it. */
  public Place require(String code) {
    return place(code)
        .orElseThrow(() -> new IllegalArgumentException("unknown place code " + code));
  }

  /**
   * The places a name can mean, in any of their scripts and spellings; several when a name is
   * shared, none when it is unknown.
   */
  public List<Place> find(String name) {
    String k = key(name);
    List<Place> hit = byName.get(k);
    if (hit != null) {
      return hit;
    }
    for (String suffix : SUFFIXES) {
      String s = key(suffix);
      if (k.endsWith(s) && k.length() > s.length()) {
        hit = byName.get(k.substring(0, k.length() - s.length()));
        if (hit != null) {
          return hit;
        }
      }
    }
    return List.of();
  }

  public Optional<Place> parent(Place p) {
    return p.parent().map(byCode::get);
  }

  /**
   * The place's ancestor at {@code level}, or the place itself when it is at that level or coarser
   * (a place known only to its province stays the province when counted by district).
   */
  public Place atLevel(Place p, PlaceLevel level) {
    Place at = p;
    while (at.level().compareTo(level) > 0) {
      at = byCode.get(at.parent().orElseThrow());
    }
    return at;
  }

  /** The country a place lies in. */
  public Place country(Place p) {
    return atLevel(p, PlaceLevel.COUNTRY);
  }

  /** The country with this ISO 3166-1 alpha-3 code. */
  public Optional<Place> countryByIso3(String iso3) {
    return byCode.values().stream().filter(p -> p.iso3().equals(Optional.of(iso3))).findFirst();
  }

  /**
   * The DPRK province (or directly governed city) a place lies in, so that code keyed on {@link
   * DprkProvince} (linkage's birthplaces, the simulator) can read this gazetteer: its codes are
   * {@code kp.} and the constant's name in lower case with hyphens.
   */
  public Optional<DprkProvince> dprkProvince(Place p) {
    Place region = atLevel(p, PlaceLevel.REGION);
    if (region.level() != PlaceLevel.REGION || !region.code().startsWith("kp.")) {
      return Optional.empty();
    }
    String name = region.code().substring(3).replace('-', '_').toUpperCase(Locale.ROOT);
    return Optional.of(DprkProvince.valueOf(name));
  }

  /** The gazetteer place of a DPRK province. */
  public Place place(DprkProvince province) {
    return require("kp." + province.name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  /** Whether {@code inner} is {@code outer} or lies within it. */
  public boolean contains(Place outer, Place inner) {
    Place at = inner;
    while (true) {
      if (at.equals(outer)) {
        return true;
      }
      if (at.parent().isEmpty()) {
        return false;
      }
      at = byCode.get(at.parent().get());
    }
  }

  /** Great-circle distance between the places' coordinates, in kilometres (haversine). */
  public static double distanceKm(Place a, Place b) {
    double lat1 = Math.toRadians(a.latitude());
    double lat2 = Math.toRadians(b.latitude());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.longitude() - a.longitude());
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
