package org.tumen.document.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tumen.model.DateRange;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.ChainLink;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.documentation.Information;
import org.tumen.model.documentation.PersonRef;
import org.tumen.model.place.Place;

/**
 * What one event record says, in the form the comparison needs: its type, dates, place, the linked
 * people in it (victims of its acts and the people whose journey passes through it), its act types
 * and the sources that tell it.
 */
record EventProfile(
    int index,
    Event event,
    String type,
    DateRange when,
    Place where,
    Set<String> persons,
    Set<String> actTypes,
    Set<String> sources) {

  static List<EventProfile> of(Documentation d) {
    Map<String, Set<String>> persons = new HashMap<>();
    Map<String, Set<String>> actTypes = new HashMap<>();
    Map<String, Set<String>> sources = new HashMap<>();
    Map<String, String> sourceOfInfo = new HashMap<>();
    for (Information i : d.information()) {
      sourceOfInfo.put(i.id(), i.source());
      i.event()
          .ifPresent(e -> sources.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(i.source()));
    }
    for (Event e : d.events()) {
      for (ChainLink l : e.chain()) {
        persons.computeIfAbsent(e.id(), k -> new LinkedHashSet<>()).add(l.person().id());
        persons.computeIfAbsent(l.next(), k -> new LinkedHashSet<>()).add(l.person().id());
      }
    }
    for (Act a : d.acts()) {
      if (a.victim() instanceof PersonRef p) {
        persons.computeIfAbsent(a.event(), k -> new LinkedHashSet<>()).add(p.id());
      }
      actTypes.computeIfAbsent(a.event(), k -> new LinkedHashSet<>()).add(a.type().code());
      for (String i : a.information()) {
        sources.computeIfAbsent(a.event(), k -> new LinkedHashSet<>()).add(sourceOfInfo.get(i));
      }
    }
    List<EventProfile> out = new ArrayList<>(d.events().size());
    for (Event e : d.events()) {
      out.add(
          new EventProfile(
              out.size(),
              e,
              e.type().code(),
              e.when(),
              e.where().place(),
              Set.copyOf(persons.getOrDefault(e.id(), Set.of())),
              Set.copyOf(actTypes.getOrDefault(e.id(), Set.of())),
              Set.copyOf(sources.getOrDefault(e.id(), Set.of()))));
    }
    return out;
  }
}
