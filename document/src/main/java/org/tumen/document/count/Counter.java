package org.tumen.document.count;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.tumen.document.event.EpochDays;
import org.tumen.document.event.EventClusters;
import org.tumen.document.event.IndexedClusters;
import org.tumen.model.DateRange;
import org.tumen.model.documentation.CountingRecords;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;

/**
 * Counts what was documented, saying what each table counts.
 *
 * <p>The rules (after Primero's MRM: a violation is counted per victim; and HURIDOCS: an event has
 * several sources):
 *
 * <ol>
 *   <li>Event records that de-duplication put in one cluster are one event.
 *   <li>The act records of one act type against one linked person in one event are one act, told by
 *       every source any of them cites. Its dates are the most precise any witness gave; its place
 *       the finest; its perpetrator types all that any witness named.
 *   <li>The group victims of one act type in one event are one act: witnesses count a crowd
 *       differently, so it takes the groups of the source that reported the most people, and counts
 *       one act per person in them.
 *   <li>Victims are people: each linked person once, each group (by its id, which one source keeps
 *       across its acts) once at its size. Because every victim in a row suffered at least one act
 *       of the row, a row never has more victims than acts.
 *   <li>An act whose dates or place are coarser than the table's periods or places is not guessed
 *       into one: it gets its own row ("2002 (month not known)", "cn.jilin (district not known)").
 * </ol>
 *
 * <p>The acts are merged once, into columns (numbers for clusters, people, groups and sources);
 * each table then finds every act's rows through the values of its dimensions, worked out once per
 * distinct value, and counts distinct people, events and sources per row by sorting (row, unit)
 * pairs packed in longs (docs/documentation.md, "Counting at scale").
 */
public final class Counter {

  private final Gazetteer gazetteer;
  private final CountingRecords records;
  private final IntFunction<String> clusterLabel;

  // the counted acts, in columns, in the order of their first act record
  private final int size;
  private final int[] first;
  private final int[] cluster;
  private final int[] person;
  private final DateRange[] when;
  private final Place[] where;
  private final List<String>[] perpetrators;
  private final int[][] sources;
  private final int[][] groups;
  private final int[][] groupCounts;
  private final int[] headcount;
  private final List<String> groupNames = new ArrayList<>();

  // what the dimensions' values depend on, numbered per counted act: type, dates, place,
  // perpetrator types; one representative counted act per number
  private final int[] typeNo;
  private final int[] whenNo;
  private final int[] placeNo;
  private final int[] perpetratorNo;
  private final int[][] representative = new int[4][];

  private List<CountedAct> acts;
  private final Map<List<Dimension>, RowIndex> rowIndexes = new LinkedHashMap<>();
  private Units byCluster;
  private Units byPerson;
  private Units bySource;

  /** Merges the documentation's act records by the rules above, once. */
  public Counter(Documentation documentation, EventClusters clusters, Gazetteer gazetteer) {
    this(CountingRecords.of(documentation), clusters, gazetteer);
  }

  private Counter(CountingRecords r, EventClusters clusters, Gazetteer gazetteer) {
    this(r, ClusterNumbers.of(r, clusters), gazetteer);
  }

  private Counter(CountingRecords r, ClusterNumbers clusters, Gazetteer gazetteer) {
    this(r, clusters.numbers(), clusters.labels()::get, gazetteer);
  }

  /** Merges the act records of the counting columns, with their event records' clusters. */
  public Counter(CountingRecords records, IndexedClusters clusters, Gazetteer gazetteer) {
    this(records, clusterArray(clusters), records::eventLabel, gazetteer);
  }

  @SuppressWarnings("unchecked")
  private Counter(
      CountingRecords r, int[] clusterOfEvent, IntFunction<?> label, Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.records = r;
    this.clusterLabel = c -> label.apply(c).toString();
    int n = r.acts();
    Map<String, Integer> typeNumbers = new HashMap<>();
    TripleIndex keys = new TripleIndex(n);
    int[] groupOf = new int[n];
    for (int a = 0; a < n; a++) {
      int type = typeNumbers.computeIfAbsent(r.actType(a).code(), k -> typeNumbers.size());
      groupOf[a] = keys.add(clusterOfEvent[r.actEvent(a)], type, r.actPerson(a) + 1);
    }
    size = keys.size();
    int[] offsets = new int[size + 1];
    for (int a = 0; a < n; a++) {
      offsets[groupOf[a] + 1]++;
    }
    for (int m = 0; m < size; m++) {
      offsets[m + 1] += offsets[m];
    }
    int[] members = new int[n];
    int[] at = Arrays.copyOf(offsets, size);
    for (int a = 0; a < n; a++) {
      members[at[groupOf[a]]++] = a;
    }
    first = new int[size];
    cluster = new int[size];
    person = new int[size];
    when = new DateRange[size];
    where = new Place[size];
    perpetrators = new List[size];
    sources = new int[size][];
    groups = new int[size][];
    groupCounts = new int[size][];
    headcount = new int[size];
    Map<String, Integer> groupNumbers = new HashMap<>();
    Map<List<String>, List<String>> perpetratorSets = new HashMap<>();
    for (int m = 0; m < size; m++) {
      merge(m, members, offsets[m], offsets[m + 1], clusterOfEvent, groupNumbers, perpetratorSets);
    }
    typeNo = new int[size];
    whenNo = new int[size];
    placeNo = new int[size];
    perpetratorNo = new int[size];
    Map<String, Integer> types = new HashMap<>();
    Map<DateRange, Integer> whenSame = new java.util.IdentityHashMap<>();
    Map<Long, Integer> whenEqual = new HashMap<>();
    Map<Place, Integer> places = new java.util.IdentityHashMap<>();
    Map<String, Integer> placeCodes = new HashMap<>();
    Map<List<String>, Integer> perps = new java.util.IdentityHashMap<>();
    for (int m = 0; m < size; m++) {
      typeNo[m] = number(types, r.actType(first[m]).code(), m, 0);
      Integer w = whenSame.get(when[m]);
      if (w == null) {
        // the periods depend on the first and last day only; mixed, as Long's hash of two
        // nearby days collides
        long days =
            (EpochDays.earliest(when[m]) << 32 ^ (EpochDays.latest(when[m]) & 0xFFFFFFFFL))
                * 0x9E3779B97F4A7C15L;
        w = number(whenEqual, days, m, 1);
        whenSame.put(when[m], w);
      }
      whenNo[m] = w;
      Integer pl = places.get(where[m]);
      if (pl == null) {
        pl = number(placeCodes, where[m].code(), m, 2);
        places.put(where[m], pl);
      }
      placeNo[m] = pl;
      perpetratorNo[m] = number(perps, perpetrators[m], m, 3);
    }
  }

  /** The number of an attribute value, numbered in the order first seen, with its first act. */
  private <K> int number(Map<K, Integer> numbers, K key, int m, int attribute) {
    Integer n = numbers.get(key);
    if (n == null) {
      n = numbers.size();
      numbers.put(key, n);
      int[] rep = representative[attribute];
      if (rep == null || n >= rep.length) {
        rep = Arrays.copyOf(rep == null ? new int[16] : rep, Math.max(16, n * 2));
        representative[attribute] = rep;
      }
      rep[n] = m;
    }
    return n;
  }

  private void merge(
      int m,
      int[] members,
      int from,
      int to,
      int[] clusterOfEvent,
      Map<String, Integer> groupNumbers,
      Map<List<String>, List<String>> perpetratorSets) {
    CountingRecords r = records;
    int a0 = members[from];
    first[m] = a0;
    cluster[m] = clusterOfEvent[r.actEvent(a0)];
    person[m] = r.actPerson(a0);
    if (to - from == 1) {
      mergeOne(m, a0, groupNumbers, perpetratorSets);
      return;
    }
    DateRange w = r.actWhen(a0);
    long length = EpochDays.length(w);
    Place p = r.actWhere(a0);
    Set<String> perps = new LinkedHashSet<>();
    int total = 0;
    for (int i = from; i < to; i++) {
      total += r.citedBy(members[i]).length;
    }
    int[] cited = new int[total];
    int k = 0;
    Map<Integer, Map<String, Integer>> groupsBySource =
        person[m] < 0 ? new LinkedHashMap<>() : null;
    for (int i = from; i < to; i++) {
      int a = members[i];
      DateRange aw = r.actWhen(a);
      if (aw != w) {
        long al = EpochDays.length(aw);
        if (al < length) {
          w = aw;
          length = al;
        }
      }
      if (r.actWhere(a).level().compareTo(p.level()) > 0) {
        p = r.actWhere(a);
      }
      perps.addAll(r.perpetrators(a));
      int[] actSources = r.citedBy(a);
      System.arraycopy(actSources, 0, cited, k, actSources.length);
      k += actSources.length;
      if (groupsBySource != null) {
        for (int s : actSources) {
          groupsBySource
              .computeIfAbsent(s, x -> new LinkedHashMap<>())
              .merge(r.actGroup(a), r.actCount(a), Math::max);
        }
      }
    }
    if (perps.isEmpty()) {
      perps.add("unknown");
    }
    List<String> perpList = List.copyOf(perps);
    perpetrators[m] = perpetratorSets.computeIfAbsent(perpList, x -> x);
    when[m] = w;
    where[m] = p;
    sources[m] = sortedSet(cited);
    if (groupsBySource == null) {
      headcount[m] = 1;
      groups[m] = NONE;
      groupCounts[m] = NONE;
    } else {
      Map<String, Integer> largest = null;
      long most = -1;
      for (Map<String, Integer> g : groupsBySource.values()) {
        long sum = 0;
        for (int c : g.values()) {
          sum += c;
        }
        if (sum > most) {
          most = sum;
          largest = g;
        }
      }
      if (largest == null) {
        throw new java.util.NoSuchElementException("a group act cites no source");
      }
      groups[m] = new int[largest.size()];
      groupCounts[m] = new int[largest.size()];
      int g = 0;
      int sum = 0;
      for (Map.Entry<String, Integer> e : largest.entrySet()) {
        groups[m][g] =
            groupNumbers.computeIfAbsent(
                e.getKey(),
                x -> {
                  groupNames.add(x);
                  return groupNames.size() - 1;
                });
        groupCounts[m][g++] = e.getValue();
        sum += e.getValue();
      }
      headcount[m] = sum;
    }
  }

  private static final int[] NONE = new int[0];

  /**
   * {@link #merge} of a single act record, most of them (an act told once): what the loop over
   * members gives for one, without its sets and maps.
   */
  private void mergeOne(
      int m,
      int a,
      Map<String, Integer> groupNumbers,
      Map<List<String>, List<String>> perpetratorSets) {
    CountingRecords r = records;
    List<String> perps = r.perpetrators(a);
    List<String> perpList;
    if (perps.isEmpty()) {
      perpList = UNKNOWN;
    } else if (perps.size() == 1) {
      perpList = List.of(perps.get(0));
    } else {
      perpList = List.copyOf(new java.util.LinkedHashSet<>(perps));
    }
    perpetrators[m] = perpetratorSets.computeIfAbsent(perpList, x -> x);
    when[m] = r.actWhen(a);
    where[m] = r.actWhere(a);
    int[] cited = r.citedBy(a);
    sources[m] = sortedSet(cited);
    if (person[m] >= 0) {
      headcount[m] = 1;
      groups[m] = NONE;
      groupCounts[m] = NONE;
      return;
    }
    if (cited.length == 0) {
      throw new java.util.NoSuchElementException("a group act cites no source");
    }
    // every source it cites tells the same group: one group, its size
    groups[m] =
        new int[] {
          groupNumbers.computeIfAbsent(
              r.actGroup(a),
              x -> {
                groupNames.add(x);
                return groupNames.size() - 1;
              })
        };
    groupCounts[m] = new int[] {r.actCount(a)};
    headcount[m] = r.actCount(a);
  }

  private static final List<String> UNKNOWN = List.of("unknown");

  /** The clusters of a de-duplication by event id, numbered in the order first seen. */
  private record ClusterNumbers(int[] numbers, List<String> labels) {
    static ClusterNumbers of(CountingRecords r, EventClusters clusters) {
      Map<String, Integer> numbers = new HashMap<>();
      List<String> labels = new ArrayList<>();
      int[] c = new int[r.events()];
      for (int e = 0; e < c.length; e++) {
        c[e] =
            numbers.computeIfAbsent(
                clusters.cluster(r.eventLabel(e)),
                x -> {
                  labels.add(x);
                  return labels.size() - 1;
                });
      }
      return new ClusterNumbers(c, labels);
    }
  }

  private static int[] clusterArray(IndexedClusters clusters) {
    int[] c = new int[clusters.records()];
    for (int e = 0; e < c.length; e++) {
      c[e] = clusters.cluster(e);
    }
    return c;
  }

  /** The acts as counted. */
  public synchronized List<CountedAct> acts() {
    if (acts == null) {
      List<CountedAct> out = new ArrayList<>(size);
      for (int m = 0; m < size; m++) {
        out.add(counted(m));
      }
      acts = List.copyOf(out);
    }
    return acts;
  }

  /** The number of acts as counted (records merged), without building them. */
  public int size() {
    return size;
  }

  private CountedAct counted(int m) {
    List<CountedAct.GroupCount> g = new ArrayList<>(groups[m].length);
    for (int i = 0; i < groups[m].length; i++) {
      g.add(new CountedAct.GroupCount(groupNames.get(groups[m][i]), groupCounts[m][i]));
    }
    Set<String> s = new LinkedHashSet<>();
    for (int x : sources[m]) {
      s.add(records.sourceLabel(x));
    }
    return new CountedAct(
        clusterLabel.apply(cluster[m]),
        records.actType(first[m]),
        person[m] < 0 ? Optional.empty() : Optional.of(records.personLabel(person[m])),
        g,
        when[m],
        where[m],
        new LinkedHashSet<>(perpetrators[m]),
        s);
  }

  /** A table of {@code unit} split by {@code dimensions} (none: the total alone). */
  public synchronized CountTable table(Unit unit, List<Dimension> dimensions) {
    RowIndex rows = rowIndexes.get(dimensions);
    if (rows == null) {
      if (rowIndexes.size() >= 8) {
        rowIndexes.remove(rowIndexes.keySet().iterator().next());
      }
      rows = new RowIndex(dimensions);
      rowIndexes.put(List.copyOf(dimensions), rows);
    }
    int total = rows.count();
    if (bySource == null) {
      bySource = new Units(sourceCount(), m -> sources[m]);
    }
    if (rows.sources == null) {
      rows.sources = rows.distinct(bySource);
    }
    long[] counts =
        switch (unit) {
          case ACTS -> {
            long[] c = new long[total + 1];
            for (int m = 0; m < size; m++) {
              for (int i = rows.offsets[m]; i < rows.offsets[m + 1]; i++) {
                c[rows.rows[i]] += headcount[m];
              }
              c[total] += headcount[m];
            }
            yield c;
          }
          case VICTIMS -> victims(rows);
          case EVENTS -> {
            if (byCluster == null) {
              byCluster = new Units(records.events(), m -> new int[] {cluster[m]});
            }
            yield rows.distinct(byCluster);
          }
          case SOURCES -> rows.sources;
        };
    List<CountTable.Row> out = new ArrayList<>(total);
    for (int row : rows.sorted()) {
      out.add(new CountTable.Row(rows.key(row), counts[row], rows.sources[row]));
    }
    List<String> names = dimensions.stream().map(Dimension::name).toList();
    return new CountTable(
        unit,
        names,
        unit.description(),
        dimensions.isEmpty()
            ? ""
            : "a unit can fall in several rows (an act with two perpetrator types, a victim of two"
                + " act types), so rows may add up to more than the total",
        out,
        new CountTable.Row(List.of(), counts[total], rows.sources[total]));
  }

  private int sourceCount() {
    int n = 0;
    for (int m = 0; m < size; m++) {
      for (int s : sources[m]) {
        n = Math.max(n, s + 1);
      }
    }
    return n;
  }

  /** Distinct people per row, and each group of a row once at its largest size. */
  private long[] victims(RowIndex rows) {
    int total = rows.count();
    if (byPerson == null) {
      byPerson = new Units(records.persons(), m -> person[m] < 0 ? NONE : new int[] {person[m]});
    }
    long[] c = rows.distinct(byPerson);
    Map<Long, Integer> largest = new HashMap<>();
    for (int m = 0; m < size; m++) {
      for (int g = 0; g < groups[m].length; g++) {
        long group = groups[m][g];
        int n = groupCounts[m][g];
        for (int i = rows.offsets[m]; i <= rows.offsets[m + 1]; i++) {
          long row = i < rows.offsets[m + 1] ? rows.rows[i] : total;
          largest.merge(row << 32 | group, n, Math::max);
        }
      }
    }
    for (Map.Entry<Long, Integer> e : largest.entrySet()) {
      c[(int) (e.getKey() >>> 32)] += e.getValue();
    }
    return c;
  }

  /** For each unit (a cluster, a person, a source), the counted acts it belongs to. */
  private final class Units {
    final int[] offsets;
    final int[] acts;

    Units(int units, IntFunction<int[]> of) {
      offsets = new int[units + 1];
      for (int m = 0; m < size; m++) {
        for (int u : of.apply(m)) {
          offsets[u + 1]++;
        }
      }
      for (int u = 0; u < units; u++) {
        offsets[u + 1] += offsets[u];
      }
      acts = new int[offsets[units]];
      int[] at = Arrays.copyOf(offsets, units);
      for (int m = 0; m < size; m++) {
        for (int u : of.apply(m)) {
          acts[at[u]++] = m;
        }
      }
    }
  }

  /** The rows each counted act falls in, for one list of dimensions; the total is row count(). */
  private final class RowIndex {
    final int[] offsets = new int[size + 1];
    int[] rows;
    long[] sources;
    private final List<int[]> prefixes = new ArrayList<>(); // {parent prefix, value} per prefix
    private final List<List<String>> values = new ArrayList<>(); // per dimension, by value id
    private final int[] rowPrefix;
    private final int dims;

    RowIndex(List<Dimension> dimensions) {
      dims = dimensions.size();
      List<int[][]> byAttribute = new ArrayList<>();
      List<Map<String, Integer>> valueIds = new ArrayList<>();
      for (int d = 0; d < dims; d++) {
        byAttribute.add(new int[representativeCount(dimensions.get(d))][]);
        valueIds.add(new HashMap<>());
        values.add(new ArrayList<>());
      }
      // prefix ids: level by level, (parent prefix, value id) -> prefix id; prefix 0 is the empty
      // key
      List<Map<Long, Integer>> levels = new ArrayList<>();
      for (int d = 0; d < dims; d++) {
        levels.add(new HashMap<>());
      }
      prefixes.add(new int[] {-1, -1});
      int[] rowOfPrefix = new int[16];
      Arrays.fill(rowOfPrefix, -1);
      List<Integer> rowPrefixes = new ArrayList<>();
      int[] buffer = new int[Math.max(16, size)];
      int used = 0;
      int[] one = {0};
      for (int m = 0; m < size; m++) {
        int[] keys = one;
        for (int d = 0; d < dims; d++) {
          int[] vs =
              valuesOf(m, dimensions.get(d), byAttribute.get(d), valueIds.get(d), values.get(d));
          int[] next = new int[keys.length * vs.length];
          int k = 0;
          for (int prefix : keys) {
            for (int v : vs) {
              long key = ((long) prefix << 32 | v) * 0x9E3779B97F4A7C15L;
              Integer id = levels.get(d).get(key);
              if (id == null) {
                id = prefixes.size();
                prefixes.add(new int[] {prefix, v});
                levels.get(d).put(key, id);
              }
              next[k++] = id;
            }
          }
          keys = next;
        }
        if (used + keys.length > buffer.length) {
          buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, used + keys.length));
        }
        for (int prefix : keys) {
          if (prefix >= rowOfPrefix.length) {
            int old = rowOfPrefix.length;
            rowOfPrefix = Arrays.copyOf(rowOfPrefix, Math.max(old * 2, prefix + 1));
            Arrays.fill(rowOfPrefix, old, rowOfPrefix.length, -1);
          }
          if (rowOfPrefix[prefix] < 0) {
            rowOfPrefix[prefix] = rowPrefixes.size();
            rowPrefixes.add(prefix);
          }
          buffer[used++] = rowOfPrefix[prefix];
        }
        offsets[m + 1] = used;
      }
      rows = Arrays.copyOf(buffer, used);
      rowPrefix = rowPrefixes.stream().mapToInt(Integer::intValue).toArray();
    }

    int count() {
      return rowPrefix.length;
    }

    /** The key of a row: one value per dimension. */
    List<String> key(int row) {
      String[] key = new String[dims];
      int prefix = rowPrefix[row];
      for (int d = dims - 1; d >= 0; d--) {
        int[] pv = prefixes.get(prefix);
        key[d] = values.get(d).get(pv[1]);
        prefix = pv[0];
      }
      return List.of(key);
    }

    /** The rows in the order of their keys. */
    int[] sorted() {
      List<List<String>> keys = new ArrayList<>(count());
      for (int r = 0; r < count(); r++) {
        keys.add(key(r));
      }
      return java.util.stream.IntStream.range(0, count())
          .boxed()
          .sorted((x, y) -> compareKeys(keys.get(x), keys.get(y)))
          .mapToInt(Integer::intValue)
          .toArray();
    }

    /**
     * How many distinct units each row has (the last entry: the total): unit by unit, each row
     * marked with the last unit counted in it, so that no pair needs sorting.
     */
    long[] distinct(Units units) {
      int total = count();
      long[] c = new long[total + 1];
      int[] stamp = new int[total];
      Arrays.fill(stamp, -1);
      int n = units.offsets.length - 1;
      for (int u = 0; u < n; u++) {
        if (units.offsets[u] == units.offsets[u + 1]) {
          continue;
        }
        c[total]++;
        for (int k = units.offsets[u]; k < units.offsets[u + 1]; k++) {
          int m = units.acts[k];
          for (int i = offsets[m]; i < offsets[m + 1]; i++) {
            int r = rows[i];
            if (stamp[r] != u) {
              stamp[r] = u;
              c[r]++;
            }
          }
        }
      }
      return c;
    }
  }

  /** How many distinct values the attribute a dimension depends on takes (0: none known). */
  private int representativeCount(Dimension d) {
    int attribute = attributeOf(d);
    if (attribute < 0) {
      return 0;
    }
    int n = 0;
    int[] numbers =
        switch (attribute) {
          case 0 -> typeNo;
          case 1 -> whenNo;
          case 2 -> placeNo;
          default -> perpetratorNo;
        };
    for (int x : numbers) {
      n = Math.max(n, x + 1);
    }
    return n;
  }

  /**
   * Which attribute of a counted act a dimension's values depend on: 0 type, 1 dates, 2 place, 3
   * perpetrator types; -1 for a dimension not known here, asked act by act.
   */
  private static int attributeOf(Dimension d) {
    if (d instanceof Dimension.ActTypeDimension) {
      return 0;
    } else if (d instanceof Dimension.PeriodDimension) {
      return 1;
    } else if (d instanceof Dimension.PlaceDimension) {
      return 2;
    } else if (d instanceof Dimension.PerpetratorDimension) {
      return 3;
    }
    return -1;
  }

  /**
   * The value ids of a counted act in one dimension: each dimension's values depend on one
   * attribute of the act (its type, dates, place or perpetrator types), so they are asked of the
   * dimension once per distinct attribute, of the first act that has it.
   */
  private int[] valuesOf(
      int m, Dimension d, int[][] byAttribute, Map<String, Integer> valueIds, List<String> values) {
    int attribute = attributeOf(d);
    int no =
        switch (attribute) {
          case 0 -> typeNo[m];
          case 1 -> whenNo[m];
          case 2 -> placeNo[m];
          case 3 -> perpetratorNo[m];
          default -> -1;
        };
    if (no >= 0 && byAttribute[no] != null) {
      return byAttribute[no];
    }
    List<String> vs = d.values(counted(no >= 0 ? representative[attribute][no] : m), gazetteer);
    int[] ids = new int[vs.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] =
          valueIds.computeIfAbsent(
              vs.get(i),
              x -> {
                values.add(x);
                return values.size() - 1;
              });
    }
    ids = sortedSet(ids);
    if (no >= 0) {
      byAttribute[no] = ids;
    }
    return ids;
  }

  static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int[] sortedSet(int[] values) {
    if (values.length < 2) {
      return values;
    }
    int[] v = values.clone();
    Arrays.sort(v);
    int k = 1;
    for (int i = 1; i < v.length; i++) {
      if (v[i] != v[k - 1]) {
        v[k++] = v[i];
      }
    }
    return k == v.length ? v : Arrays.copyOf(v, k);
  }

  /** (a, b, c) triples of ints numbered in the order first added: open addressing. */
  private static final class TripleIndex {
    private int[] a;
    private int[] b;
    private int[] c;
    private int[] slot;
    private int size;

    TripleIndex(int expected) {
      int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
      a = new int[expected + 1];
      b = new int[expected + 1];
      c = new int[expected + 1];
      slot = new int[cap];
      Arrays.fill(slot, -1);
    }

    int size() {
      return size;
    }

    int add(int x, int y, int z) {
      int mask = slot.length - 1;
      long h = ((x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL)) + z * 0x165667B19E3779F9L;
      int i = (int) (h ^ (h >>> 29)) & mask;
      while (slot[i] >= 0) {
        int s = slot[i];
        if (a[s] == x && b[s] == y && c[s] == z) {
          return s;
        }
        i = (i + 1) & mask;
      }
      slot[i] = size;
      a[size] = x;
      b[size] = y;
      c[size] = z;
      return size++;
    }
  }
}
