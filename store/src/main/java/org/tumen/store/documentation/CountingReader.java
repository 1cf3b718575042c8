package org.tumen.store.documentation;

import static org.tumen.store.documentation.DocumentationWriter.partial;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.tumen.model.DateRange;
import org.tumen.model.documentation.CountingRecords;
import org.tumen.model.place.Gazetteer;
import org.tumen.model.place.Place;
import org.tumen.model.vocabulary.ActType;
import org.tumen.model.vocabulary.Vocabularies;

/**
 * Reads what counting needs of the stored documentation, and nothing else: the only class that
 * knows which columns that is (docs/workspace.md, "Documentation"; docs/benchmarks.md, "docdedup").
 *
 * <ul>
 *   <li>{@code doc_event}: id, event_type, start_day, start_precision, end_day, end_precision,
 *       place_code, and its first chain link next_event_id, chain_person_id
 *   <li>{@code doc_chain}: event_id, next_event_id, person_id (the second and further links)
 *   <li>{@code doc_information}: id, source_id, event_id
 *   <li>{@code doc_act}: id, event_id, victim_person_id, victim_group_ref, victim_count, act_type,
 *       start_day, start_precision, end_day, end_precision, place_code, and its first involvement
 *       and citation perpetrator_person_id, institution_type, degree, information_id
 *   <li>{@code doc_involvement}: act_id, perpetrator_person_id, institution_type (the second and
 *       further involvements)
 *   <li>{@code doc_act_information}: act_id, position, information_id (the second and further
 *       citations)
 * </ul>
 *
 * No sealed value, no reference, no free text: people, sources and events are known by their row
 * ids, so that the read needs no key and leaves no audit entry. Each table is read once, in one
 * streaming query (H2 lazily, PostgreSQL with a fetch size), into {@link CountingRecords}' columns;
 * dates and places repeat and are made once per distinct value.
 *
 * <p>Since V5_000 the same values are also stored by each save as one {@link CountingSegment}, and
 * read from there when the segments cover every row ({@link #fromSegments}); the tables are read
 * only when they do not, and then give one segment for all rows ({@link #fromTables}).
 */
final class CountingReader {

  private static final int FETCH = 10_000;

  private final Connection c;
  private final Vocabularies vocabularies;
  private final Gazetteer gazetteer;

  CountingReader(Connection c, Vocabularies vocabularies, Gazetteer gazetteer) {
    this.c = c;
    this.vocabularies = vocabularies;
    this.gazetteer = gazetteer;
  }

  /** What a read of the tables gave, and one segment that covers them. */
  record Result(CountingRecords records, CountingSegment.Encoder rebuilt) {}

  /**
   * The records of the stored segments, or null when they do not cover every row of the six tables.
   * Any isolation: a save that commits meanwhile adds rows and a segment at once, which shows as
   * counts that do not add up (and so as null), or as a segment not in the list first read (and so
   * skipped).
   */
  CountingRecords fromSegments(boolean postgres) throws SQLException {
    return lazily(
        postgres,
        () -> {
          CountingRecords.Builder b = new CountingRecords.Builder();
          return readSegments(b) ? b.build() : null;
        });
  }

  /**
   * Reads the tables, in the caller's transaction, which must see one snapshot of the database
   * (autocommit off, for PostgreSQL's cursors), and returns one segment that covers them.
   */
  Result fromTables(boolean postgres) throws SQLException {
    return lazily(
        postgres,
        () -> {
          CountingRecords.Builder b = new CountingRecords.Builder();
          CountingSegment.Encoder rebuilt = new CountingSegment.Encoder(0);
          readTables(new Both(new Replay(b), rebuilt), rebuilt);
          return new Result(b.build(), rebuilt);
        });
  }

  private interface Read<T> {
    T run() throws SQLException;
  }

  private <T> T lazily(boolean postgres, Read<T> read) throws SQLException {
    if (!postgres) {
      try (Statement s = c.createStatement()) {
        s.execute("SET LAZY_QUERY_EXECUTION TRUE");
      }
    }
    try {
      return read.run();
    } finally {
      if (!postgres) {
        try (Statement s = c.createStatement()) {
          s.execute("SET LAZY_QUERY_EXECUTION FALSE");
        }
      }
    }
  }

  /** The six tables' rows, in the order of the segment's sections. */
  private static final String[] TABLES = {
    "doc_event", "doc_chain", "doc_information", "doc_act", "doc_involvement", "doc_act_information"
  };

  /**
   * Replays the stored segments into {@code sink} if they cover the tables exactly: their row
   * counts add up to each table's, and their id ranges follow each other (so that records come in
   * the order of their ids, as from the tables). Rows are never deleted nor their counted columns
   * changed, so a row written without a segment (by a version before V5_000, or by hand) shows as a
   * count that does not add up.
   *
   * @return false, having replayed nothing, when they do not
   */
  private boolean readSegments(CountingRecords.Builder b) throws SQLException {
    // the list first: a segment stored after it is not read, and its rows make the counts differ
    long[] totals = new long[TABLES.length];
    java.util.List<Long> segments = new java.util.ArrayList<>();
    try (PreparedStatement ps =
            statement(
                "SELECT id, min_id, max_id, events, chains, information, acts, involvements,"
                    + " citations FROM doc_count_segment ORDER BY min_id");
        ResultSet rs = ps.executeQuery()) {
      long last = Long.MIN_VALUE;
      while (rs.next()) {
        if (rs.getLong(2) <= last) {
          return false; // interleaved ids (saves that overlapped in time): read the tables
        }
        last = rs.getLong(3);
        segments.add(rs.getLong(1));
        for (int t = 0; t < TABLES.length; t++) {
          totals[t] += rs.getLong(4 + t);
        }
      }
    }
    for (int t = 0; t < TABLES.length; t++) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLES[t])) {
        rs.next();
        if (rs.getLong(1) != totals[t]) {
          return false;
        }
      }
    }
    if (segments.isEmpty()) {
      return true;
    }
    java.util.Set<Long> listed = new java.util.HashSet<>(segments);
    // each segment's parts as read, joined once at their total size (a growing buffer copied a
    // million-act segment's 84 MB about four times over: a tenth of a cold count's allocation)
    java.util.Map<Long, java.util.List<byte[]>> data = new HashMap<>();
    try (PreparedStatement ps =
            statement(
                "SELECT p.segment_id, p.data FROM doc_count_part p JOIN doc_count_segment s"
                    + " ON s.id = p.segment_id ORDER BY s.min_id, p.part");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long segment = rs.getLong(1);
        if (listed.contains(segment)) {
          data.computeIfAbsent(segment, k -> new java.util.ArrayList<>()).add(rs.getBytes(2));
        }
      }
    }
    for (long segment : segments) {
      if (!data.containsKey(segment)) {
        return false; // deleted meanwhile by a count that stored one for all rows
      }
    }
    java.util.List<byte[]> all = new java.util.ArrayList<>();
    for (long segment : segments) {
      all.add(joined(data.remove(segment)));
    }
    replay(all, b);
    return true;
  }

  /**
   * Replays the segments into {@code b}: their event sections on a thread of their own, their act
   * sections on this one, each half into its own part of the builder (which keeps the two apart)
   * through a {@link Replay} of its own, in segment order. The calls each part receives, and so the
   * records, are those of one thread replaying every segment whole; on two cores the read takes
   * about the longer half's time (docs/benchmarks.md, "cold13").
   */
  private void replay(java.util.List<byte[]> segments, CountingRecords.Builder b) {
    java.util.concurrent.FutureTask<Void> events =
        new java.util.concurrent.FutureTask<>(
            () -> {
              Replay r = new Replay(b);
              for (byte[] s : segments) {
                CountingSegment.decodeEvents(s, r);
              }
              return null;
            });
    Thread helper = new Thread(events, "tumen-count-events");
    helper.setDaemon(true);
    helper.start();
    try {
      Replay r = new Replay(b);
      for (byte[] s : segments) {
        CountingSegment.decodeActs(s, r);
      }
    } finally {
      try {
        events.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the counting segments", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  private static byte[] joined(java.util.List<byte[]> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    int length = 0;
    for (byte[] p : parts) {
      length = Math.addExact(length, p.length);
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  /** Replaces every stored segment with {@code segment}, in the caller's transaction. */
  static void store(Connection c, CountingSegment.Encoder segment, long id) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM doc_count_part");
      s.executeUpdate("DELETE FROM doc_count_segment");
    }
    if (!segment.isEmpty()) {
      append(c, segment, id);
    }
  }

  /** The largest part of a segment's value stored in one row. */
  static final int PART = 1 << 20;

  /** Adds {@code segment} to the stored ones, in the caller's transaction. */
  static void append(Connection c, CountingSegment.Encoder segment, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO doc_count_segment (id, min_id, max_id, events, chains, information, acts,"
                + " involvements, citations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setLong(2, segment.minId());
      ps.setLong(3, segment.maxId());
      ps.setLong(4, segment.events());
      ps.setLong(5, segment.chains());
      ps.setLong(6, segment.information());
      ps.setLong(7, segment.acts());
      ps.setLong(8, segment.involvements());
      ps.setLong(9, segment.citations());
      ps.executeUpdate();
    }
    byte[] data = segment.bytes();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO doc_count_part (segment_id, part, data) VALUES (?, ?, ?)")) {
      for (int from = 0, part = 1; from < data.length; from += PART, part++) {
        ps.setLong(1, id);
        ps.setInt(2, part);
        ps.setBytes(3, Arrays.copyOfRange(data, from, Math.min(data.length, from + PART)));
        ps.executeUpdate();
      }
    }
  }

  private void readTables(CountingSegment.Sink b, CountingSegment.Encoder counts)
      throws SQLException {
    try (PreparedStatement ps =
            statement(
                "SELECT id, event_type, start_day, start_precision, end_day, end_precision,"
                    + " place_code, next_event_id, chain_person_id FROM doc_event ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long event = rs.getLong(1);
        String type = rs.getString(2);
        long start = rs.getObject(3, LocalDate.class).toEpochDay();
        int startPrecision = precision(rs.getString(4));
        long end = rs.getObject(5, LocalDate.class).toEpochDay();
        int endPrecision = precision(rs.getString(6));
        String place = rs.getString(7);
        long next = rs.getLong(8);
        long person = CountingSegment.NONE;
        if (rs.wasNull()) {
          next = CountingSegment.NONE;
        } else {
          person = rs.getLong(9);
        }
        b.event(event, type, start, startPrecision, end, endPrecision, place, next, person);
      }
    }
    try (PreparedStatement ps =
            statement("SELECT event_id, next_event_id, person_id FROM doc_chain");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        b.chain(rs.getLong(1), rs.getLong(2), rs.getLong(3));
      }
    }
    long[] infoIds = new long[1024];
    long[] infoSources = new long[1024];
    int infos = 0;
    try (PreparedStatement ps =
            statement("SELECT id, source_id, event_id FROM doc_information ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (infos == infoIds.length) {
          infoIds = Arrays.copyOf(infoIds, infos * 2);
          infoSources = Arrays.copyOf(infoSources, infos * 2);
        }
        infoIds[infos] = rs.getLong(1);
        counts.information(infoIds[infos]);
        long source = rs.getLong(2);
        infoSources[infos++] = source;
        long event = rs.getLong(3);
        if (!rs.wasNull()) {
          b.told(event, source);
        }
      }
    }
    try (PreparedStatement ps =
            statement(
                "SELECT id, event_id, victim_person_id, victim_group_ref, victim_count, act_type,"
                    + " start_day, start_precision, end_day, end_precision, place_code,"
                    + " perpetrator_person_id, institution_type, degree, information_id"
                    + " FROM doc_act ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long act = rs.getLong(1);
        long person = rs.getLong(3);
        boolean group = rs.wasNull();
        rs.getLong(12);
        boolean byInstitution = rs.wasNull();
        String institution = rs.getString(13);
        String perpetrator = rs.getString(14) == null ? null : byInstitution ? institution : PERSON;
        long information = rs.getLong(15);
        long cited =
            rs.wasNull()
                ? CountingSegment.NONE
                : sourceOf(information, infoIds, infoSources, infos);
        b.act(
            act,
            rs.getLong(2),
            group ? CountingSegment.NONE : person,
            group ? rs.getString(4) : null,
            rs.getInt(5),
            rs.getString(6),
            rs.getObject(7, LocalDate.class).toEpochDay(),
            precision(rs.getString(8)),
            rs.getObject(9, LocalDate.class).toEpochDay(),
            precision(rs.getString(10)),
            rs.getString(11),
            perpetrator,
            cited);
      }
    }
    try (PreparedStatement ps =
            statement(
                "SELECT act_id, perpetrator_person_id, institution_type FROM doc_involvement");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long act = rs.getLong(1);
        rs.getLong(2);
        b.perpetrator(act, rs.wasNull() ? rs.getString(3) : PERSON);
      }
    }
    citations(b, Arrays.copyOf(infoIds, infos), Arrays.copyOf(infoSources, infos));
  }

  /** The perpetrator type of a person. */
  private static final String PERSON = "person";

  /**
   * The sources each act cites, in the order of its citations: rows come in the order they were
   * written (act by act, position by position); should they not, they are sorted here rather than
   * asking the database to sort two million rows.
   */
  private void citations(CountingSegment.Sink b, long[] infoIds, long[] infoSources)
      throws SQLException {
    long[] acts = new long[1024];
    int[] positions = new int[1024];
    long[] infos = new long[1024];
    int n = 0;
    boolean ordered = true;
    try (PreparedStatement ps =
            statement("SELECT act_id, position, information_id FROM doc_act_information");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (n == acts.length) {
          acts = Arrays.copyOf(acts, n * 2);
          positions = Arrays.copyOf(positions, n * 2);
          infos = Arrays.copyOf(infos, n * 2);
        }
        acts[n] = rs.getLong(1);
        positions[n] = rs.getInt(2);
        infos[n] = rs.getLong(3);
        if (n > 0
            && (acts[n] < acts[n - 1]
                || acts[n] == acts[n - 1] && positions[n] < positions[n - 1])) {
          ordered = false;
        }
        n++;
      }
    }
    int[] order = null;
    if (!ordered) {
      long[] a = acts;
      int[] p = positions;
      order =
          java.util.stream.IntStream.range(0, n)
              .boxed()
              .sorted(
                  (x, y) -> a[x] != a[y] ? Long.compare(a[x], a[y]) : Integer.compare(p[x], p[y]))
              .mapToInt(Integer::intValue)
              .toArray();
    }
    for (int k = 0; k < n; k++) {
      int i = order == null ? k : order[k];
      b.cited(acts[i], sourceOf(infos[i], infoIds, infoSources, infoIds.length));
    }
  }

  /** Feeds two sinks the same values. */
  private record Both(CountingSegment.Sink first, CountingSegment.Sink second)
      implements CountingSegment.Sink {
    @Override
    public void event(
        long id,
        String type,
        long startDay,
        int startPrecision,
        long endDay,
        int endPrecision,
        String place,
        long next,
        long chainPerson) {
      first.event(
          id, type, startDay, startPrecision, endDay, endPrecision, place, next, chainPerson);
      second.event(
          id, type, startDay, startPrecision, endDay, endPrecision, place, next, chainPerson);
    }

    @Override
    public void chain(long event, long next, long person) {
      first.chain(event, next, person);
      second.chain(event, next, person);
    }

    @Override
    public void told(long event, long source) {
      first.told(event, source);
      second.told(event, source);
    }

    @Override
    public void act(
        long id,
        long event,
        long person,
        String group,
        int count,
        String type,
        long startDay,
        int startPrecision,
        long endDay,
        int endPrecision,
        String place,
        String perpetrator,
        long citedSource) {
      first.act(
          id,
          event,
          person,
          group,
          count,
          type,
          startDay,
          startPrecision,
          endDay,
          endPrecision,
          place,
          perpetrator,
          citedSource);
      second.act(
          id,
          event,
          person,
          group,
          count,
          type,
          startDay,
          startPrecision,
          endDay,
          endPrecision,
          place,
          perpetrator,
          citedSource);
    }

    @Override
    public void perpetrator(long act, String type) {
      first.perpetrator(act, type);
      second.perpetrator(act, type);
    }

    @Override
    public void cited(long act, long source) {
      first.cited(act, source);
      second.cited(act, source);
    }
  }

  /**
   * Turns the values of the tables or of the segments into {@link CountingRecords}' records: codes,
   * dates and places made once per distinct value.
   */
  private final class Replay implements CountingSegment.Sink {
    private final CountingRecords.Builder b;
    // each Replay its own: two replay the two halves of the segments at once
    private final Map<String, ActType> actTypes = new HashMap<>();
    private final Map<String, Place> places = new HashMap<>();
    private final Map<String, String> codes = new HashMap<>();
    private final LongMap<DateRange> dates = new LongMap<>();

    Replay(CountingRecords.Builder b) {
      this.b = b;
    }

    @Override
    public void event(
        long id,
        String type,
        long startDay,
        int startPrecision,
        long endDay,
        int endPrecision,
        String place,
        long next,
        long chainPerson) {
      b.event(id, code(type), dates(startDay, startPrecision, endDay, endPrecision), place(place));
      if (next != CountingSegment.NONE) {
        b.chain(id, next, chainPerson);
      }
    }

    @Override
    public void chain(long event, long next, long person) {
      b.chain(event, next, person);
    }

    @Override
    public void told(long event, long source) {
      b.told(event, source);
    }

    @Override
    public void act(
        long id,
        long event,
        long person,
        String group,
        int count,
        String type,
        long startDay,
        int startPrecision,
        long endDay,
        int endPrecision,
        String place,
        String perpetrator,
        long citedSource) {
      ActType t = actTypes.get(type);
      if (t == null) {
        t = vocabularies.actType(type).orElseThrow(() -> unknown("act type", type));
        actTypes.put(type, t);
      }
      b.act(
          id,
          event,
          group != null ? CountingRecords.NO_PERSON : person,
          group,
          count,
          t,
          dates(startDay, startPrecision, endDay, endPrecision),
          place(place));
      if (perpetrator != null) {
        b.perpetrator(id, code(perpetrator));
      }
      if (citedSource != CountingSegment.NONE) {
        // the first citation; the Builder keeps each act's citations in the order given
        b.cited(id, citedSource);
      }
    }

    @Override
    public void perpetrator(long act, String type) {
      b.perpetrator(act, code(type));
    }

    @Override
    public void cited(long act, long source) {
      b.cited(act, source);
    }

    private String code(String s) {
      return codes.computeIfAbsent(s, x -> x);
    }

    private Place place(String code) {
      Place p = places.get(code);
      if (p == null) {
        p = gazetteer.place(code).orElseThrow(() -> unknown("place", code));
        places.put(code, p);
      }
      return p;
    }

    /** The dates of a record: day and precision (1 year, 2 month, 3 day) of each end. */
    private DateRange dates(long start, int startPrecision, long end, int endPrecision) {
      // one long per distinct value, multiplied by an odd constant (a bijection) so that nearby
      // days do not collide in the hash table
      long key =
          ((start * 4 + startPrecision) << 32 ^ ((end * 4 + endPrecision) & 0xFFFFFFFFL))
              * 0x9E3779B97F4A7C15L;
      DateRange d = dates.get(key);
      if (d == null) {
        d =
            new DateRange(
                partial(LocalDate.ofEpochDay(start), PRECISIONS[startPrecision]),
                partial(LocalDate.ofEpochDay(end), PRECISIONS[endPrecision]));
        dates.put(key, d);
      }
      return d;
    }
  }

  private static long sourceOf(long information, long[] infoIds, long[] infoSources, int n) {
    int at = Arrays.binarySearch(infoIds, 0, n, information);
    if (at < 0) {
      throw new IllegalStateException("an act cites unknown information " + information);
    }
    return infoSources[at];
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement ps =
        c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    ps.setFetchSize(FETCH);
    return ps;
  }

  private static final String[] PRECISIONS = {null, "Y", "M", "D"};

  private static int precision(String p) {
    return switch (p) {
      case "Y" -> 1;
      case "M" -> 2;
      case "D" -> 3;
      default -> throw new IllegalStateException("unknown date precision " + p);
    };
  }

  private static IllegalStateException unknown(String what, String code) {
    return new IllegalStateException(
        "the stored documentation names an unknown " + what + " '" + code + "'");
  }
}
