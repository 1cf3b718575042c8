package org.tumen.model.place;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tumen.model.vocabulary.Labels;

/**
 * A place of the gazetteer: a stable code ({@code kp.north-hamgyong.hoeryong}), its level, its
 * parent, its names, and coordinates rounded to 0.1° (about 11 km), the precision publication may
 * show.
 *
 * @param iso3 the ISO 3166-1 alpha-3 code of a country; empty below the country level
 * @param otherNames other spellings: romanizations, short and long forms, in any script
 */
public record Place(
    String code,
    PlaceLevel level,
    Optional<String> parent,
    Optional<String> iso3,
    Labels names,
    List<String> otherNames,
    double latitude,
    double longitude) {

  public Place {
    Objects.requireNonNull(code);
    Objects.requireNonNull(level);
    otherNames = List.copyOf(otherNames);
    if ((level == PlaceLevel.COUNTRY) != parent.isEmpty()) {
      throw new IllegalArgumentException(
          code + ": a country has no parent, every other place has one");
    }
    if ((level == PlaceLevel.COUNTRY) != iso3.isPresent()) {
      throw new IllegalArgumentException(code + ": a country, and only a country, has an ISO code");
    }
    if (parent.isPresent() && !code.startsWith(parent.get() + ".")) {
      throw new IllegalArgumentException(code + ": a code begins with its parent's code");
    }
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      throw new IllegalArgumentException(code + ": coordinates out of range");
    }
    if (Math.abs(latitude * 10 - Math.rint(latitude * 10)) > 1e-9
        || Math.abs(longitude * 10 - Math.rint(longitude * 10)) > 1e-9) {
      throw new IllegalArgumentException(code + ": coordinates finer than 0.1 degree");
    }
  }

  @Override
  public String toString() {
    return code;
  }
}
