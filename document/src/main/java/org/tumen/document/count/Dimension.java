package org.tumen.document.count;

import java.util.List;
import java.util.Objects;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;
import org.tumen.model.place.PlaceLevel;

/** A way to split a count into rows: by act type, period, place or perpetrator type. */
public sealed interface Dimension {

  /** The column header. */
  String name();

  /** The rows an act falls in: usually one; several for an act with several perpetrator types. */
  List<String> values(CountedAct act, Gazetteer gazetteer);

  static Dimension actType() {
    return new ActTypeDimension();
  }

  static Dimension period(Period period) {
    return new PeriodDimension(Objects.requireNonNull(period));
  }

  /**
   * By place at a level; an act whose place is known only more coarsely stays at that place, marked
   * "(district not known)".
   */
  static Dimension place(PlaceLevel level) {
    return new PlaceDimension(Objects.requireNonNull(level));
  }

  /**
   * By the type of perpetrator institution ({@code border-guard}, {@code broker} …), {@code person}
   * for a perpetrator named as a person, {@code unknown} when none is named.
   */
  static Dimension perpetratorType() {
    return new PerpetratorDimension();
  }

  record ActTypeDimension() implements Dimension {
    @Override
    public String name() {
      return "act type";
    }

    @Override
    public List<String> values(CountedAct act, Gazetteer gazetteer) {
      return List.of(act.type().code());
    }
  }

  record PeriodDimension(Period period) implements Dimension {
    @Override
    public String name() {
      return period.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public List<String> values(CountedAct act, Gazetteer gazetteer) {
      return List.of(period.bucket(act.when()));
    }
  }

  record PlaceDimension(PlaceLevel level) implements Dimension {
    @Override
    public String name() {
      return "place (" + level.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    @Override
    public List<String> values(CountedAct act, Gazetteer gazetteer) {
      Place at = gazetteer.atLevel(act.where(), level);
      if (at.level() != level) {
        return List.of(
            at.code() + " (" + level.name().toLowerCase(java.util.Locale.ROOT) + " not known)");
      }
      return List.of(at.code());
    }
  }

  record PerpetratorDimension() implements Dimension {
    @Override
    public String name() {
      return "perpetrator type";
    }

    @Override
    public List<String> values(CountedAct act, Gazetteer gazetteer) {
      return List.copyOf(act.perpetratorTypes());
    }
  }
}
