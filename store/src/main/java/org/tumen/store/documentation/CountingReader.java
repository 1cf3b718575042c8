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
 */
final class CountingReader {

  private static final int FETCH = 10_000;

  private final Connection c;
  private final Vocabularies vocabularies;
  private final Gazetteer gazetteer;
  private final Map<String, Place> places = new HashMap<>();
  private final Map<String, String> codes = new HashMap<>();
  private final Map<Long, DateRange> dates = new HashMap<>();

  CountingReader(Connection c, Vocabularies vocabularies, Gazetteer gazetteer) {
    this.c = c;
    this.vocabularies = vocabularies;
    this.gazetteer = gazetteer;
  }

  /** Reads in the caller's transaction (autocommit off, for PostgreSQL's cursors). */
  CountingRecords read(boolean postgres) throws SQLException {
    if (!postgres) {
      try (Statement s = c.createStatement()) {
        s.execute("SET LAZY_QUERY_EXECUTION TRUE");
      }
    }
    try {
      return readTables();
    } finally {
      if (!postgres) {
        try (Statement s = c.createStatement()) {
          s.execute("SET LAZY_QUERY_EXECUTION FALSE");
        }
      }
    }
  }

  private CountingRecords readTables() throws SQLException {
    CountingRecords.Builder b = new CountingRecords.Builder();
    try (PreparedStatement ps =
            statement(
                "SELECT id, event_type, start_day, start_precision, end_day, end_precision,"
                    + " place_code, next_event_id, chain_person_id FROM doc_event ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long event = rs.getLong(1);
        b.event(event, code(rs.getString(2)), dates(rs, 3), place(rs.getString(7)));
        long next = rs.getLong(8);
        if (!rs.wasNull()) {
          long person = rs.getLong(9);
          b.chain(event, person);
          b.chain(next, person);
        }
      }
    }
    try (PreparedStatement ps =
            statement("SELECT event_id, next_event_id, person_id FROM doc_chain");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long person = rs.getLong(3);
        b.chain(rs.getLong(1), person);
        b.chain(rs.getLong(2), person);
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
        long source = rs.getLong(2);
        infoSources[infos++] = source;
        long event = rs.getLong(3);
        if (!rs.wasNull()) {
          b.told(event, source);
        }
      }
    }
    Map<String, ActType> actTypes = new HashMap<>();
    try (PreparedStatement ps =
            statement(
                "SELECT id, event_id, victim_person_id, victim_group_ref, victim_count, act_type,"
                    + " start_day, start_precision, end_day, end_precision, place_code,"
                    + " perpetrator_person_id, institution_type, degree, information_id"
                    + " FROM doc_act ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long person = rs.getLong(3);
        boolean group = rs.wasNull();
        String type = rs.getString(6);
        ActType t = actTypes.get(type);
        if (t == null) {
          t = vocabularies.actType(type).orElseThrow(() -> unknown("act type", type));
          actTypes.put(type, t);
        }
        b.act(
            rs.getLong(1),
            rs.getLong(2),
            group ? CountingRecords.NO_PERSON : person,
            group ? rs.getString(4) : null,
            rs.getInt(5),
            t,
            dates(rs, 7),
            place(rs.getString(11)));
        long act = rs.getLong(1);
        rs.getLong(12);
        boolean byInstitution = rs.wasNull();
        String institution = rs.getString(13);
        if (rs.getString(14) != null) {
          b.perpetrator(act, byInstitution ? code(institution) : "person");
        }
        long information = rs.getLong(15);
        if (!rs.wasNull()) {
          // the first citation; the Builder keeps each act's citations in the order given
          b.cited(act, sourceOf(information, infoIds, infoSources, infos));
        }
      }
    }
    try (PreparedStatement ps =
            statement(
                "SELECT act_id, perpetrator_person_id, institution_type FROM doc_involvement");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long act = rs.getLong(1);
        rs.getLong(2);
        b.perpetrator(act, rs.wasNull() ? code(rs.getString(3)) : "person");
      }
    }
    citations(b, Arrays.copyOf(infoIds, infos), Arrays.copyOf(infoSources, infos));
    return b.build();
  }

  /**
   * The sources each act cites, in the order of its citations: rows come in the order they were
   * written (act by act, position by position); should they not, they are sorted here rather than
   * asking the database to sort two million rows.
   */
  private void citations(CountingRecords.Builder b, long[] infoIds, long[] infoSources)
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

  /** The dates at column {@code at}: start day and precision, end day and precision. */
  private DateRange dates(ResultSet rs, int at) throws SQLException {
    LocalDate start = rs.getObject(at, LocalDate.class);
    String startPrecision = rs.getString(at + 1);
    LocalDate end = rs.getObject(at + 2, LocalDate.class);
    String endPrecision = rs.getString(at + 3);
    // one long per distinct value: day and precision of each end, multiplied by an odd constant
    // (a bijection) so that nearby days do not collide in the hash table
    long key =
        ((start.toEpochDay() * 4 + precision(startPrecision)) << 32
                ^ ((end.toEpochDay() * 4 + precision(endPrecision)) & 0xFFFFFFFFL))
            * 0x9E3779B97F4A7C15L;
    DateRange d = dates.get(key);
    if (d == null) {
      d = new DateRange(partial(start, startPrecision), partial(end, endPrecision));
      dates.put(key, d);
    }
    return d;
  }

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
