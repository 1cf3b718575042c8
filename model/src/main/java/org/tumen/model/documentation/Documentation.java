package org.tumen.model.documentation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A whole body of documentation: sources, events, acts and the information that ties them, checked
 * together. Every id is unique across all four kinds; every reference resolves (an act's event and
 * information, information's source and event, a chain's next event); a text passage lies within
 * its source's text; a journey's chain has no cycle.
 */
public record Documentation(
    List<Source> sources, List<Event> events, List<Act> acts, List<Information> information) {

  public Documentation {
    sources = List.copyOf(sources);
    events = List.copyOf(events);
    acts = List.copyOf(acts);
    information = List.copyOf(information);
    // Sized for every id at once: a bulk import's graph has hundreds of thousands.
    Set<String> ids =
        new HashSet<>(2 * (sources.size() + events.size() + acts.size() + information.size()) + 16);
    Map<String, Source> sourceById = new HashMap<>(2 * sources.size() + 16);
    Map<String, Event> eventById = new LinkedHashMap<>(2 * events.size() + 16);
    Map<String, Information> infoById = new HashMap<>(2 * information.size() + 16);
    for (Source s : sources) {
      unique(ids, s.id());
      sourceById.put(s.id(), s);
    }
    for (Event e : events) {
      unique(ids, e.id());
      eventById.put(e.id(), e);
    }
    for (Information i : information) {
      unique(ids, i.id());
      infoById.put(i.id(), i);
      Source s = sourceById.get(i.source());
      if (s == null) {
        throw new IllegalArgumentException(
            "information " + i.id() + ": unknown source " + i.source());
      }
      if (i.event().isPresent() && !eventById.containsKey(i.event().get())) {
        throw new IllegalArgumentException(
            "information " + i.id() + ": unknown event " + i.event().get());
      }
      if (i.passage().orElse(null) instanceof Passage.TextSpan span) {
        int length = s.text().map(String::length).orElse(-1);
        if (length < 0) {
          throw new IllegalArgumentException(
              "information "
                  + i.id()
                  + ": quotes a text span of source "
                  + s.id()
                  + ", which has no text");
        }
        if (span.end() > length) {
          throw new IllegalArgumentException(
              "information "
                  + i.id()
                  + ": text span "
                  + span.start()
                  + ".."
                  + span.end()
                  + " lies outside the "
                  + length
                  + " characters of source "
                  + s.id());
        }
      }
    }
    for (Act a : acts) {
      unique(ids, a.id());
      if (!eventById.containsKey(a.event())) {
        throw new IllegalArgumentException("act " + a.id() + ": unknown event " + a.event());
      }
      for (String i : a.information()) {
        if (!infoById.containsKey(i)) {
          throw new IllegalArgumentException("act " + a.id() + ": unknown information " + i);
        }
      }
    }
    for (Event e : events) {
      for (ChainLink l : e.chain()) {
        if (!eventById.containsKey(l.next())) {
          throw new IllegalArgumentException(
              "event " + e.id() + ": chained to unknown event " + l.next());
        }
      }
    }
    checkNoCycle(eventById);
  }

  private static void unique(Set<String> ids, String id) {
    if (!ids.add(id)) {
      throw new IllegalArgumentException("id " + id + " is used twice");
    }
  }

  /** A journey runs forward: following chain links never returns to an event. */
  private static void checkNoCycle(Map<String, Event> events) {
    Map<String, Integer> state = new HashMap<>(); // 1 = on the path, 2 = done
    for (String start : events.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      java.util.ArrayDeque<java.util.Iterator<ChainLink>> stack = new java.util.ArrayDeque<>();
      java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
      state.put(start, 1);
      path.push(start);
      stack.push(events.get(start).chain().iterator());
      while (!stack.isEmpty()) {
        if (!stack.peek().hasNext()) {
          stack.pop();
          state.put(path.pop(), 2);
          continue;
        }
        String next = stack.peek().next().next();
        Integer s = state.get(next);
        if (s == null) {
          state.put(next, 1);
          path.push(next);
          stack.push(events.get(next).chain().iterator());
        } else if (s == 1) {
          throw new IllegalArgumentException("the chain of events through " + next + " is a cycle");
        }
      }
    }
  }

  /**
   * The part of the documentation that the given sources tell (need-to-know: what an account may
   * count): those sources; the information they give; each act that cites at least one of it (its
   * citations cut to it); each event that information or a kept act is about, with the chain links
   * between kept events. An event or act also told by other sources is kept once, its support
   * counted from the given sources only.
   */
  public Documentation toldBy(Set<String> sourceIds) {
    List<Source> keptSources = sources.stream().filter(s -> sourceIds.contains(s.id())).toList();
    List<Information> keptInfo =
        information.stream().filter(i -> sourceIds.contains(i.source())).toList();
    Set<String> infoIds = new HashSet<>();
    Set<String> eventIds = new HashSet<>();
    for (Information i : keptInfo) {
      infoIds.add(i.id());
      i.event().ifPresent(eventIds::add);
    }
    List<Act> keptActs = new java.util.ArrayList<>();
    for (Act a : acts) {
      List<String> cited = a.information().stream().filter(infoIds::contains).toList();
      if (!cited.isEmpty()) {
        keptActs.add(
            cited.size() == a.information().size()
                ? a
                : new Act(
                    a.id(),
                    a.event(),
                    a.victim(),
                    a.type(),
                    a.when(),
                    a.where(),
                    a.involvements(),
                    cited));
        eventIds.add(a.event());
      }
    }
    List<Event> keptEvents = new java.util.ArrayList<>();
    for (Event e : events) {
      if (eventIds.contains(e.id())) {
        List<ChainLink> chain =
            e.chain().stream().filter(l -> eventIds.contains(l.next())).toList();
        keptEvents.add(
            chain.size() == e.chain().size()
                ? e
                : new Event(e.id(), e.type(), e.when(), e.where(), e.summary(), chain));
      }
    }
    return new Documentation(keptSources, keptEvents, keptActs, keptInfo);
  }

  public Optional<Source> source(String id) {
    return sources.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  public Optional<Event> event(String id) {
    return events.stream().filter(e -> e.id().equals(id)).findFirst();
  }
}
