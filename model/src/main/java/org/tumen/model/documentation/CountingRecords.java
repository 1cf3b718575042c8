package org.tumen.model.documentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;
import org.tumen.model.DateRange;
import org.tumen.model.place.Place;
import org.tumen.model.vocabulary.ActType;

/**
 * The part of the documentation that counting reads, in columns: event records and act records with
 * their codes, dates and places, the people and sources linked to them by number, and nothing else
 * (no testimony, no summary, no identity, no reference beyond what labels the counts). Built from a
 * {@link Documentation} ({@link #of}) or straight from the store by a reader that fetches only
 * these columns, so that counting a million acts need not build the whole graph.
 *
 * <p>Records keep the order they were added in; people and sources are numbered densely ({@code 0
 * .. persons() - 1}) in the order of their keys. Links to records not added are an error at {@link
 * Builder#build()}.
 */
public final class CountingRecords {

  /** The victim key of an act done to a group. */
  public static final long NO_PERSON = Long.MIN_VALUE;

  private final long[] eventKeys;
  private final String[] eventTypes;
  private final DateRange[] eventWhen;
  private final Place[] eventWhere;
  private final int[] chainOffsets;
  private final int[] chainPersons;
  // the event record at the other end of the chain link each chainPersons entry comes from
  private final int[] chainOthers;
  private final int[] toldOffsets;
  private final int[] toldSources;

  private final int[] actEvent;
  private final int[] actPerson;
  private final String[] actGroup;
  private final int[] actCount;
  private final ActType[] actType;
  private final DateRange[] actWhen;
  private final Place[] actWhere;
  private final int[] perpetratorOffsets;
  private final String[] perpetrators;
  private final int[] citedOffsets;
  private final int[] citedSources;

  private final long[] personKeys;
  private final long[] sourceKeys;
  private final LongFunction<String> eventLabel;
  private final LongFunction<String> personLabel;
  private final LongFunction<String> sourceLabel;

  private CountingRecords(Builder b) {
    int n = b.events;
    eventKeys = Arrays.copyOf(b.eventKeys, n);
    eventTypes = Arrays.copyOf(b.eventTypes, n);
    eventWhen = Arrays.copyOf(b.eventWhen, n);
    eventWhere = Arrays.copyOf(b.eventWhere, n);
    Keys events = new Keys(eventKeys);
    int m = b.acts;
    long[] actKeys = Arrays.copyOf(b.actKeys, m);
    Keys acts = new Keys(actKeys);
    actEvent = new int[m];
    for (int a = 0; a < m; a++) {
      actEvent[a] = events.require(b.actEventKeys[a], "event");
    }
    long[] persons = new long[b.chains.size + m];
    int np = 0;
    for (int i = 0; i < b.chains.size; i++) {
      persons[np++] = b.chains.values[i];
    }
    for (int a = 0; a < m; a++) {
      if (b.actPersonKeys[a] != NO_PERSON) {
        persons[np++] = b.actPersonKeys[a];
      }
    }
    personKeys = unique(persons, np);
    long[] sources = new long[b.told.size + b.cited.size];
    System.arraycopy(b.told.values, 0, sources, 0, b.told.size);
    System.arraycopy(b.cited.values, 0, sources, b.told.size, b.cited.size);
    sourceKeys = unique(sources, sources.length);
    actPerson = new int[m];
    DenseKeys personNumber = new DenseKeys(personKeys);
    for (int a = 0; a < m; a++) {
      long p = b.actPersonKeys[a];
      actPerson[a] = p == NO_PERSON ? -1 : personNumber.of(p);
    }
    actGroup = Arrays.copyOf(b.actGroups, m);
    actCount = Arrays.copyOf(b.actCounts, m);
    actType = Arrays.copyOf(b.actTypes, m);
    actWhen = Arrays.copyOf(b.actWhen, m);
    actWhere = Arrays.copyOf(b.actWhere, m);
    chainOffsets = new int[n + 1];
    DenseKeys personNumbers = personNumber;
    DenseKeys sourceNumbers = new DenseKeys(sourceKeys);
    chainOthers = new int[b.chains.size];
    chainPersons = b.chains.group(events, "event", n, chainOffsets, personNumbers, chainOthers);
    toldOffsets = new int[n + 1];
    toldSources = b.told.group(events, "event", n, toldOffsets, sourceNumbers, null);
    citedOffsets = new int[m + 1];
    citedSources = b.cited.group(acts, "act", m, citedOffsets, sourceNumbers, null);
    perpetratorOffsets = new int[m + 1];
    perpetrators = new String[b.perpetratorActs.size];
    int[] at = new int[m + 1];
    for (int i = 0; i < b.perpetratorActs.size; i++) {
      at[acts.require(b.perpetratorActs.keys[i], "act") + 1]++;
    }
    for (int a = 0; a < m; a++) {
      at[a + 1] += at[a];
    }
    System.arraycopy(at, 0, perpetratorOffsets, 0, m + 1);
    for (int i = 0; i < b.perpetratorActs.size; i++) {
      int a = acts.require(b.perpetratorActs.keys[i], "act");
      perpetrators[at[a]++] = b.perpetratorTypes.get(i);
    }
    eventLabel = b.eventLabel;
    personLabel = b.personLabel;
    sourceLabel = b.sourceLabel;
  }

  /** The counting columns of a whole graph; labels are the graph's references. */
  public static CountingRecords of(Documentation d) {
    Builder b = new Builder();
    Names events = new Names();
    Names persons = new Names();
    Names sources = new Names();
    Names acts = new Names();
    Map<String, Long> sourceOfInfo = new HashMap<>();
    for (Event e : d.events()) {
      b.event(events.key(e.id()), e.type().code(), e.when(), e.where().place());
    }
    for (Information i : d.information()) {
      long s = sources.key(i.source());
      sourceOfInfo.put(i.id(), s);
      i.event().ifPresent(e -> b.told(events.key(e), s));
    }
    for (Event e : d.events()) {
      for (ChainLink l : e.chain()) {
        b.chain(events.key(e.id()), events.key(l.next()), persons.key(l.person().id()));
      }
    }
    for (Act a : d.acts()) {
      long id = acts.key(a.id());
      long person = NO_PERSON;
      String group = null;
      int count = 1;
      if (a.victim() instanceof PersonRef p) {
        person = persons.key(p.id());
      } else if (a.victim() instanceof Group g) {
        group = g.id();
        count = g.count();
      }
      b.act(id, events.key(a.event()), person, group, count, a.type(), a.when(), a.where().place());
      for (Involvement i : a.involvements()) {
        b.perpetrator(
            id, i.perpetrator() instanceof Institution inst ? inst.type().code() : "person");
      }
      for (String i : a.information()) {
        b.cited(id, Objects.requireNonNull(sourceOfInfo.get(i), i));
      }
    }
    b.labels(events::name, persons::name, sources::name);
    return b.build();
  }

  /**
   * The part of these records that some sources tell, cut as {@link Documentation#toldBy} cuts a
   * graph (need-to-know: what an account may count): the event records those sources tell, each act
   * record citing at least one of them (its citations cut to theirs), the event records of the acts
   * kept, and the chain links whose two ends are both kept. Records keep their order and their
   * keys, and so their labels; people and sources that no kept record names are left out. One pass
   * over the records, then the Builder's: far cheaper than cutting the graph.
   *
   * @param source whether a source, by its number here ({@code 0 .. sources() - 1}), is one of them
   */
  public CountingRecords toldBy(IntPredicate source) {
    boolean[] keptSource = new boolean[sourceKeys.length];
    for (int s = 0; s < keptSource.length; s++) {
      keptSource[s] = source.test(s);
    }
    int n = events();
    int m = acts();
    boolean[] keptEvent = new boolean[n];
    for (int e = 0; e < n; e++) {
      keptEvent[e] = any(toldSources, toldOffsets[e], toldOffsets[e + 1], keptSource);
    }
    boolean[] keptAct = new boolean[m];
    for (int a = 0; a < m; a++) {
      if (any(citedSources, citedOffsets[a], citedOffsets[a + 1], keptSource)) {
        keptAct[a] = true;
        keptEvent[actEvent[a]] = true;
      }
    }
    Builder b = new Builder();
    for (int e = 0; e < n; e++) {
      if (!keptEvent[e]) {
        continue;
      }
      long key = eventKeys[e];
      b.event(key, eventTypes[e], eventWhen[e], eventWhere[e]);
      for (int i = chainOffsets[e]; i < chainOffsets[e + 1]; i++) {
        int other = chainOthers[i];
        // each link once, from its lower end (a link has an entry at each end; both kept or none)
        if (keptEvent[other] && e < other) {
          b.chain(key, eventKeys[other], personKeys[chainPersons[i]]);
        }
      }
      for (int i = toldOffsets[e]; i < toldOffsets[e + 1]; i++) {
        if (keptSource[toldSources[i]]) {
          b.told(key, sourceKeys[toldSources[i]]);
        }
      }
    }
    for (int a = 0; a < m; a++) {
      if (!keptAct[a]) {
        continue;
      }
      int p = actPerson[a];
      b.act(
          a,
          eventKeys[actEvent[a]],
          p < 0 ? NO_PERSON : personKeys[p],
          actGroup[a],
          actCount[a],
          actType[a],
          actWhen[a],
          actWhere[a]);
      for (int i = perpetratorOffsets[a]; i < perpetratorOffsets[a + 1]; i++) {
        b.perpetrator(a, perpetrators[i]);
      }
      for (int i = citedOffsets[a]; i < citedOffsets[a + 1]; i++) {
        if (keptSource[citedSources[i]]) {
          b.cited(a, sourceKeys[citedSources[i]]);
        }
      }
    }
    b.labels(eventLabel, personLabel, sourceLabel);
    return b.build();
  }

  private static boolean any(int[] values, int from, int to, boolean[] kept) {
    for (int i = from; i < to; i++) {
      if (kept[values[i]]) {
        return true;
      }
    }
    return false;
  }

  /** Strings numbered in the order first seen. */
  private static final class Names {
    final Map<String, Long> keys = new HashMap<>();
    final List<String> names = new ArrayList<>();

    long key(String name) {
      Long k = keys.get(name);
      if (k == null) {
        k = (long) names.size();
        keys.put(name, k);
        names.add(name);
      }
      return k;
    }

    String name(long key) {
      return names.get((int) key);
    }
  }

  public int events() {
    return eventKeys.length;
  }

  public String eventType(int e) {
    return eventTypes[e];
  }

  public DateRange eventWhen(int e) {
    return eventWhen[e];
  }

  public Place eventWhere(int e) {
    return eventWhere[e];
  }

  /** The people whose journey (chain) passes through the event record, in no particular order. */
  public int[] chainPersons(int e) {
    return Arrays.copyOfRange(chainPersons, chainOffsets[e], chainOffsets[e + 1]);
  }

  /** The sources whose information is about the event record. */
  public int[] toldBy(int e) {
    return Arrays.copyOfRange(toldSources, toldOffsets[e], toldOffsets[e + 1]);
  }

  public String eventLabel(int e) {
    return eventLabel.apply(eventKeys[e]);
  }

  public int acts() {
    return actEvent.length;
  }

  /** The event record of an act record (its index). */
  public int actEvent(int a) {
    return actEvent[a];
  }

  /** The victim of an act record, or -1 for a group. */
  public int actPerson(int a) {
    return actPerson[a];
  }

  /** The group of an act record done to a group, else null. */
  public String actGroup(int a) {
    return actGroup[a];
  }

  /** The size of the group (1 for a person). */
  public int actCount(int a) {
    return actCount[a];
  }

  public ActType actType(int a) {
    return actType[a];
  }

  public DateRange actWhen(int a) {
    return actWhen[a];
  }

  public Place actWhere(int a) {
    return actWhere[a];
  }

  /**
   * The perpetrator types of the act record's involvements, in order ({@code person} for a person).
   */
  public List<String> perpetrators(int a) {
    return Arrays.asList(perpetrators).subList(perpetratorOffsets[a], perpetratorOffsets[a + 1]);
  }

  /** The sources of the information the act record cites, in order of citation (may repeat). */
  public int[] citedBy(int a) {
    return Arrays.copyOfRange(citedSources, citedOffsets[a], citedOffsets[a + 1]);
  }

  public int persons() {
    return personKeys.length;
  }

  public String personLabel(int p) {
    return personLabel.apply(personKeys[p]);
  }

  public int sources() {
    return sourceKeys.length;
  }

  /**
   * The key a source was added with (for records read from the store: its row id), so that a caller
   * can tell which sources these are.
   */
  public long sourceKey(int s) {
    return sourceKeys[s];
  }

  public String sourceLabel(int s) {
    return sourceLabel.apply(sourceKeys[s]);
  }

  /**
   * Keys to their positions among sorted unique keys, by an open-addressing hash table: a million
   * people looked up in random order cost a binary search's cache misses each (a quarter of the
   * whole count's samples, with {@link Keys}, in the profile of docs/benchmarks.md "countweb13").
   */
  private static final class DenseKeys {
    private final long[] keys;
    private final int[] positions;
    private final int mask;

    DenseKeys(long[] sortedKeys) {
      int capacity = Integer.highestOneBit(Math.max(4, sortedKeys.length * 2) - 1) << 1;
      keys = new long[capacity];
      positions = new int[capacity];
      Arrays.fill(positions, -1);
      mask = capacity - 1;
      for (int i = 0; i < sortedKeys.length; i++) {
        int at = slot(sortedKeys[i]);
        while (positions[at] >= 0) {
          at = (at + 1) & mask;
        }
        keys[at] = sortedKeys[i];
        positions[at] = i;
      }
    }

    private int slot(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The key's position, or -1 if it is not one of them. */
    int of(long key) {
      for (int at = slot(key); positions[at] >= 0; at = (at + 1) & mask) {
        if (keys[at] == key) {
          return positions[at];
        }
      }
      return -1;
    }
  }

  private static long[] unique(long[] values, int n) {
    long[] v = Arrays.copyOf(values, n);
    Arrays.sort(v);
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (k == 0 || v[k - 1] != v[i]) {
        v[k++] = v[i];
      }
    }
    return Arrays.copyOf(v, k);
  }

  /** Record keys to their positions: by binary search when added in ascending order. */
  private static final class Keys {
    private final long[] sorted;
    private final int[] position;

    Keys(long[] keys) {
      boolean ascending = true;
      for (int i = 1; i < keys.length && ascending; i++) {
        ascending = keys[i - 1] < keys[i];
      }
      if (ascending) {
        sorted = keys;
        position = null;
      } else {
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
          order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(keys[x], keys[y]));
        sorted = new long[keys.length];
        position = new int[keys.length];
        for (int i = 0; i < order.length; i++) {
          sorted[i] = keys[order[i]];
          position[i] = order[i];
          if (i > 0 && sorted[i] == sorted[i - 1]) {
            throw new IllegalArgumentException("a record added twice: " + sorted[i]);
          }
        }
      }
    }

    // the position last found: records and their links mostly come in key order, so the next key
    // is often at it or just after it, and needs no binary search
    private int last;

    int require(long key, String what) {
      int i = last;
      if (i < sorted.length && sorted[i] == key) {
        return position == null ? i : position[i];
      }
      if (++i < sorted.length && sorted[i] == key) {
        last = i;
        return position == null ? i : position[i];
      }
      i = Arrays.binarySearch(sorted, key);
      if (i >= 0) {
        last = i;
      }
      if (i < 0) {
        throw new IllegalArgumentException("a link to an unknown " + what + ": " + key);
      }
      return position == null ? i : position[i];
    }
  }

  /** Pairs (record key, value key) in the order added. */
  private static final class Links {
    long[] keys = new long[16];
    long[] values = new long[16];
    int size;

    void add(long key, long value) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      keys[size] = key;
      values[size++] = value;
    }

    /**
     * The values as dense numbers, grouped by record in the order added; with {@code others}, also
     * the record of each entry's partner (entries added in pairs: a chain link's two ends).
     */
    int[] group(Keys records, String what, int n, int[] offsets, DenseKeys dense, int[] others) {
      int[] record = new int[size];
      for (int i = 0; i < size; i++) {
        record[i] = records.require(keys[i], what);
        offsets[record[i] + 1]++;
      }
      for (int r = 0; r < n; r++) {
        offsets[r + 1] += offsets[r];
      }
      int[] at = Arrays.copyOf(offsets, n);
      int[] out = new int[size];
      for (int i = 0; i < size; i++) {
        int to = at[record[i]]++;
        out[to] = dense.of(values[i]);
        if (others != null) {
          others[to] = record[i ^ 1];
        }
      }
      return out;
    }
  }

  /** Collects records by key (any long, unique per kind) and the links between them. */
  public static final class Builder {
    private int events;
    private long[] eventKeys = new long[16];
    private String[] eventTypes = new String[16];
    private DateRange[] eventWhen = new DateRange[16];
    private Place[] eventWhere = new Place[16];
    private int acts;
    private long[] actKeys = new long[16];
    private long[] actEventKeys = new long[16];
    private long[] actPersonKeys = new long[16];
    private String[] actGroups = new String[16];
    private int[] actCounts = new int[16];
    private ActType[] actTypes = new ActType[16];
    private DateRange[] actWhen = new DateRange[16];
    private Place[] actWhere = new Place[16];
    // in pairs: the link's first end at an even position, its other end just after
    private final Links chains = new Links();
    private final Links told = new Links();
    private final Links cited = new Links();
    private final Links perpetratorActs = new Links();
    private final List<String> perpetratorTypes = new ArrayList<>();
    private LongFunction<String> eventLabel = Long::toString;
    private LongFunction<String> personLabel = Long::toString;
    private LongFunction<String> sourceLabel = Long::toString;

    /** An event record. */
    public Builder event(long key, String type, DateRange when, Place where) {
      if (events == eventKeys.length) {
        int c = events * 2;
        eventKeys = Arrays.copyOf(eventKeys, c);
        eventTypes = Arrays.copyOf(eventTypes, c);
        eventWhen = Arrays.copyOf(eventWhen, c);
        eventWhere = Arrays.copyOf(eventWhere, c);
      }
      eventKeys[events] = key;
      eventTypes[events] = Objects.requireNonNull(type);
      eventWhen[events] = Objects.requireNonNull(when);
      eventWhere[events++] = Objects.requireNonNull(where);
      return this;
    }

    /**
     * A link of a person's journey (chain) from one event record to the next: the person's journey
     * passes through both.
     */
    public Builder chain(long event, long next, long person) {
      chains.add(event, person);
      chains.add(next, person);
      return this;
    }

    /** A source with information about an event record. */
    public Builder told(long event, long source) {
      told.add(event, source);
      return this;
    }

    /**
     * An act record against a person ({@code group} null, {@code count} 1) or a group ({@code
     * person} {@link #NO_PERSON}).
     */
    public Builder act(
        long key,
        long event,
        long person,
        String group,
        int count,
        ActType type,
        DateRange when,
        Place where) {
      if ((person == NO_PERSON) == (group == null)) {
        throw new IllegalArgumentException("an act is done to a person or a group: " + key);
      }
      if (acts == actKeys.length) {
        int c = acts * 2;
        actKeys = Arrays.copyOf(actKeys, c);
        actEventKeys = Arrays.copyOf(actEventKeys, c);
        actPersonKeys = Arrays.copyOf(actPersonKeys, c);
        actGroups = Arrays.copyOf(actGroups, c);
        actCounts = Arrays.copyOf(actCounts, c);
        actTypes = Arrays.copyOf(actTypes, c);
        actWhen = Arrays.copyOf(actWhen, c);
        actWhere = Arrays.copyOf(actWhere, c);
      }
      actKeys[acts] = key;
      actEventKeys[acts] = event;
      actPersonKeys[acts] = person;
      actGroups[acts] = group;
      actCounts[acts] = count;
      actTypes[acts] = Objects.requireNonNull(type);
      actWhen[acts] = Objects.requireNonNull(when);
      actWhere[acts++] = Objects.requireNonNull(where);
      return this;
    }

    /** A perpetrator of an act record: an institution type's code, or {@code person}. */
    public Builder perpetrator(long act, String type) {
      perpetratorActs.add(act, 0);
      perpetratorTypes.add(Objects.requireNonNull(type));
      return this;
    }

    /** A source an act record cites information of. */
    public Builder cited(long act, long source) {
      cited.add(act, source);
      return this;
    }

    /** How to name events, people and sources by their keys (default: the key's digits). */
    public Builder labels(
        LongFunction<String> events, LongFunction<String> persons, LongFunction<String> sources) {
      this.eventLabel = events;
      this.personLabel = persons;
      this.sourceLabel = sources;
      return this;
    }

    public CountingRecords build() {
      return new CountingRecords(this);
    }
  }
}
