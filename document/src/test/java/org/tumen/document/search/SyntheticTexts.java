package org.tumen.document.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tumen.model.DateRange;
import org.tumen.model.documentation.Consent;
import org.tumen.model.documentation.ConsentGrant;
import org.tumen.model.documentation.ConsentUse;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.documentation.Information;
import org.tumen.model.documentation.Location;
import org.tumen.model.documentation.Observation;
import org.tumen.model.documentation.Reliability;
import org.tumen.model.documentation.Source;
import org.tumen.model.documentation.SourceKind;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.vocabulary.Vocabularies;

/** Builds documentation that holds only texts (synthetic testimonies and summaries) to search. */
final class SyntheticTexts {

  private static final Vocabularies V = Vocabularies.standard();
  private static final Gazetteer G = Gazetteer.standard();
  private static final Consent STORE =
      new Consent(List.of(ConsentGrant.of(ConsentUse.STORE, LocalDate.of(2020, 1, 1))));

  private final List<Source> sources = new ArrayList<>();
  private final List<Event> events = new ArrayList<>();
  private final List<Information> information = new ArrayList<>();

  /** A testimony; {@code language} may be null when the source does not say. */
  SyntheticTexts source(String id, String language, String text) {
    sources.add(
        new Source(
            id,
            SourceKind.INTERVIEW,
            Optional.empty(),
            Optional.empty(),
            Optional.ofNullable(language),
            Optional.empty(),
            "NGO A (synthetic)",
            STORE,
            Reliability.HIGH,
            Optional.of(text)));
    return this;
  }

  SyntheticTexts event(String id, String summary) {
    events.add(
        new Event(
            id,
            V.eventType("arrest").orElseThrow(),
            DateRange.parse("2004-02"),
            Location.at(G.require("cn.jilin.yanbian.yanji")),
            Optional.of(summary),
            List.of()));
    return this;
  }

  /** Source {@code source} tells event {@code event}. */
  SyntheticTexts tells(String source, String event) {
    information.add(
        new Information(
            source + "." + event,
            source,
            Optional.of(event),
            Optional.empty(),
            Reliability.HIGH,
            Observation.EXPERIENCED));
    return this;
  }

  Documentation build() {
    return new Documentation(sources, events, List.of(), information);
  }
}
