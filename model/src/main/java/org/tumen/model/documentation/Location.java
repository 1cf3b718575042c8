package org.tumen.model.documentation;

import java.util.Objects;
import org.tumen.model.place.Place;
import org.tumen.model.place.PlaceLevel;

/**
 * Where something happened: a gazetteer place, known to that place's level ("in Hoeryong", "in
 * Jilin"), or only near it.
 */
public record Location(Place place, boolean approximate) {

  public Location {
    Objects.requireNonNull(place, "place");
  }

  public static Location at(Place place) {
    return new Location(place, false);
  }

  /** How precisely the place is known: its gazetteer level. */
  public PlaceLevel precision() {
    return place.level();
  }

  @Override
  public String toString() {
    return (approximate ? "near " : "") + place.code();
  }
}
