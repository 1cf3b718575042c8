package org.tumen.store.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.tumen.model.BadInputException;
import org.tumen.store.Database;
import org.tumen.store.Ids;
import org.tumen.store.identity.FieldSealer;
import org.tumen.store.identity.IdentityCodec;

/**
 * The linkage review queue and its decisions (docs/linkage.md, "Review in the workspace"). The
 * queue holds the pairs of the uncertain band with what a reviewer compares, sealed; decisions are
 * appended, never changed, and the latest per pair counts. Plain JDBC; each call is one
 * transaction.
 */
public final class ReviewQueue {

  static final String TABLE = "review_pair";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database database;

  public ReviewQueue(Database database) {
    this.database = database;
  }

  /** A person row's key, as the codec needs it; personId 0 and no key = the workspace key. */
  private record Key(Long personId, byte[] wrapped) {
    static final Key WORKSPACE = new Key(null, null);

    FieldSealer sealer(IdentityCodec codec) {
      return personId == null ? codec.sealerFor(0, null) : codec.sealerFor(personId, wrapped);
    }
  }

  /** A record of a stored list: its person, and whether that person was forgotten. */
  private record Owner(Key key, boolean forgotten) {}

  /**
   * Adds pairs to the queue, sealing their values; a pair already queued is left as it is, and a
   * pair naming a forgotten person is not queued (its values must not be stored again).
   *
   * @return how many pairs were added
   */
  public int enqueue(List<QueuedPair> pairs) {
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      try {
        IdentityCodec codec = database.codecForWriting(c);
        Ids ids = database.ids(c);
        Set<String> lists = new TreeSet<>();
        for (QueuedPair p : pairs) {
          lists.add(p.pair().sourceA());
          lists.add(p.pair().sourceB());
        }
        Map<String, Map<String, Owner>> owners = owners(c, lists);
        Set<PairRef> queued = queuedPairs(c);
        OffsetDateTime now = Database.now();
        int added = 0;
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO review_pair (id, source_a, record_a, source_b, record_b,"
                    + " probability, person_a, person_b, values_a, values_b, comparison,"
                    + " queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          for (QueuedPair p : pairs) {
            PairRef r = p.pair();
            Owner a = owner(owners, r.sourceA(), r.recordA());
            Owner b = owner(owners, r.sourceB(), r.recordB());
            if (a.forgotten() || b.forgotten() || !queued.add(r)) {
              continue;
            }
            long id = ids.next();
            ps.setLong(1, id);
            ps.setString(2, r.sourceA());
            ps.setString(3, r.recordA());
            ps.setString(4, r.sourceB());
            ps.setString(5, r.recordB());
            ps.setDouble(6, p.probability());
            ps.setObject(7, a.key().personId(), Types.BIGINT);
            ps.setObject(8, b.key().personId(), Types.BIGINT);
            List<String> va = new ArrayList<>();
            List<String> vb = new ArrayList<>();
            List<Map<String, Object>> cmp = new ArrayList<>();
            for (FieldComparison f : p.fields()) {
              va.add(f.valueA());
              vb.add(f.valueB());
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("field", f.field());
              m.put("level", f.level());
              m.put("weight", f.weight());
              cmp.add(m);
            }
            ps.setBytes(9, a.key().sealer(codec).seal(TABLE, id, "values_a", json(va)));
            ps.setBytes(10, b.key().sealer(codec).seal(TABLE, id, "values_b", json(vb)));
            byte[] inner = a.key().sealer(codec).seal(TABLE, id, "comparison", json(cmp));
            ps.setBytes(
                11,
                b.key()
                    .sealer(codec)
                    .seal(TABLE, id, "comparison", Base64.getEncoder().encodeToString(inner)));
            ps.setObject(12, now);
            ps.addBatch();
            added++;
          }
          ps.executeBatch();
        }
        c.commit();
        return added;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the review queue: " + e.getMessage(), e);
    }
  }

  private static Owner owner(Map<String, Map<String, Owner>> owners, String list, String record) {
    Map<String, Owner> m = owners.get(list);
    Owner o = m == null ? null : m.get(record);
    return o == null ? new Owner(Key.WORKSPACE, false) : o;
  }

  /** The persons of the stored records of the given lists, by list name and record id. */
  private static Map<String, Map<String, Owner>> owners(Connection c, Set<String> lists)
      throws SQLException {
    Map<String, Map<String, Owner>> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.source_record_id, r.person_id, p.wrapped_key, p.forgotten_at FROM record r"
                + " JOIN source s ON s.id = r.source_id JOIN person p ON p.id = r.person_id"
                + " WHERE s.name = ?")) {
      for (String list : lists) {
        ps.setString(1, list);
        Map<String, Owner> m = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            m.put(
                rs.getString(1),
                new Owner(new Key(rs.getLong(2), rs.getBytes(3)), rs.getObject(4) != null));
          }
        }
        out.put(list, m);
      }
    }
    return out;
  }

  private static Set<PairRef> queuedPairs(Connection c) throws SQLException {
    Set<PairRef> out = new java.util.HashSet<>();
    for (Row r : rows(c)) {
      out.add(r.pair());
    }
    return out;
  }

  /** A queue entry without its sealed values. */
  private record Row(long id, PairRef pair, double probability) {}

  private static List<Row> rows(Connection c) throws SQLException {
    List<Row> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, source_a, record_a, source_b, record_b, probability FROM review_pair"
                    + " ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Row(
                rs.getLong(1),
                new PairRef(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                rs.getDouble(6)));
      }
    }
    return out;
  }

  /** The two records of a queued pair, without opening anything; empty for an unknown id. */
  public Optional<PairRef> pair(long id) {
    try (Connection c = database.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT source_a, record_a, source_b, record_b FROM review_pair WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(
                new PairRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the review queue: " + e.getMessage(), e);
    }
  }

  /**
   * Records a decision about a pair (queued or not).
   *
   * @param by who decided: the signed-in account, or the user on the command line
   */
  public void decide(PairRef pair, Decision decision, String by) {
    decideAll(Map.of(pair, decision), by);
  }

  /**
   * Records decisions about several pairs in one transaction (an imported file's), in the map's
   * order.
   */
  public void decideAll(Map<PairRef, Decision> decisions, String by) {
    if (by == null || by.isBlank() || by.length() > 200) {
      throw new BadInputException("decided by", "name who decided, in 1 to 200 characters");
    }
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      try {
        Ids ids = database.ids(c);
        OffsetDateTime now = Database.now();
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO link_decision (id, source_a, record_a, source_b, record_b, decision,"
                    + " decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
          for (Map.Entry<PairRef, Decision> e : decisions.entrySet()) {
            PairRef p = e.getKey();
            ps.setLong(1, ids.next());
            ps.setString(2, p.sourceA());
            ps.setString(3, p.recordA());
            ps.setString(4, p.sourceB());
            ps.setString(5, p.recordB());
            ps.setString(6, e.getValue().code());
            ps.setString(7, by);
            ps.setObject(8, now);
            ps.addBatch();
          }
          ps.executeBatch();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the decision: " + e.getMessage(), e);
    }
  }

  /** The latest decision about every pair ever decided, queued or not. */
  public Map<PairRef, DecidedPair> latestDecisions() {
    try (Connection c = database.connect()) {
      return latest(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the decisions: " + e.getMessage(), e);
    }
  }

  /**
   * The pairs whose latest decision is "same" or "different": the labelled pairs the next linkage
   * run takes as constraints. Sorted, so that a run does not depend on storage order.
   */
  public List<DecidedPair> labels() {
    return latestDecisions().values().stream()
        .filter(d -> d.decision() != Decision.NOT_SURE)
        .sorted(
            Comparator.comparing((DecidedPair d) -> d.pair().sourceA())
                .thenComparing(d -> d.pair().recordA())
                .thenComparing(d -> d.pair().sourceB())
                .thenComparing(d -> d.pair().recordB()))
        .toList();
  }

  private static Map<PairRef, DecidedPair> latest(Connection c) throws SQLException {
    Map<PairRef, DecidedPair> out = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT source_a, record_a, source_b, record_b, decision, decided_by, decided_at"
                    + " FROM link_decision ORDER BY decided_at, id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        PairRef p = new PairRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
        out.put(
            p,
            new DecidedPair(
                p,
                Decision.parse(rs.getString(5)).orElseThrow(),
                rs.getString(6),
                rs.getObject(7, OffsetDateTime.class)));
      }
    }
    return out;
  }

  /** How far the review of the queue has got. */
  public QueueStatus status() {
    return status(p -> true);
  }

  /**
   * How far the review of the pairs a user may see has got (the web: pairs of lists shared with
   * them).
   */
  public QueueStatus status(Predicate<PairRef> visible) {
    try (Connection c = database.connect()) {
      Map<PairRef, DecidedPair> latest = latest(c);
      int same = 0;
      int different = 0;
      int notSure = 0;
      int undecided = 0;
      List<Row> rows = rows(c).stream().filter(r -> visible.test(r.pair())).toList();
      for (Row r : rows) {
        DecidedPair d = latest.get(r.pair());
        if (d == null) {
          undecided++;
        } else {
          switch (d.decision()) {
            case SAME -> same++;
            case DIFFERENT -> different++;
            case NOT_SURE -> notSure++;
          }
        }
      }
      return new QueueStatus(rows.size(), same, different, notSure, undecided);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the review queue: " + e.getMessage(), e);
    }
  }

  /**
   * The id of the pair to review next: the undecided pair closest to a coin toss, then the pairs
   * marked "not sure", the longest ago first.
   */
  public Optional<Long> nextId() {
    return nextId(p -> true);
  }

  /** As {@link #nextId()}, among the pairs a user may see. */
  public Optional<Long> nextId(Predicate<PairRef> visible) {
    try (Connection c = database.connect()) {
      Map<PairRef, DecidedPair> latest = latest(c);
      List<Row> rows = rows(c).stream().filter(r -> visible.test(r.pair())).toList();
      Row best = null;
      for (Row r : rows) {
        if (!latest.containsKey(r.pair())
            && (best == null
                || Math.abs(r.probability() - 0.5) < Math.abs(best.probability() - 0.5))) {
          best = r;
        }
      }
      if (best != null) {
        return Optional.of(best.id());
      }
      Row oldest = null;
      OffsetDateTime when = null;
      for (Row r : rows) {
        DecidedPair d = latest.get(r.pair());
        if (d != null
            && d.decision() == Decision.NOT_SURE
            && (when == null || d.at().isBefore(when))) {
          oldest = r;
          when = d.at();
        }
      }
      return oldest == null ? Optional.empty() : Optional.of(oldest.id());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the review queue: " + e.getMessage(), e);
    }
  }

  /**
   * One queued pair with its values opened; the read is audited before any value opens. A value of
   * a forgotten person reads as absent (null), and then so does the comparison.
   *
   * @param purpose why, for the audit trail (written by the program)
   */
  public Optional<QueuedPair> open(long id, String purpose) {
    return open(id, () -> database.identityReads().beforeOne(TABLE, id, purpose));
  }

  /**
   * One queued pair with its values opened, after {@code beforeOpening} has recorded the read (the
   * web application records a showing with its account and fields); if it throws, nothing opens.
   */
  public Optional<QueuedPair> open(long id, Runnable beforeOpening) {
    java.util.Objects.requireNonNull(beforeOpening, "beforeOpening");
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      try {
        Optional<QueuedPair> out = read(c, id, beforeOpening);
        c.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the review queue: " + e.getMessage(), e);
    }
  }

  private Optional<QueuedPair> read(Connection c, long id, Runnable beforeOpening)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT q.source_a, q.record_a, q.source_b, q.record_b, q.probability,"
                + " q.person_a, pa.wrapped_key, pa.forgotten_at,"
                + " q.person_b, pb.wrapped_key, pb.forgotten_at,"
                + " q.values_a, q.values_b, q.comparison FROM review_pair q"
                + " LEFT JOIN person pa ON pa.id = q.person_a"
                + " LEFT JOIN person pb ON pb.id = q.person_b WHERE q.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        beforeOpening.run();
        IdentityCodec codec = database.codecForReading(c);
        PairRef pair =
            new PairRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
        Key ka = key(rs, 6);
        Key kb = key(rs, 9);
        List<String> va = ka == null ? null : strings(open(codec, ka, id, "values_a", rs, 12));
        List<String> vb = kb == null ? null : strings(open(codec, kb, id, "values_b", rs, 13));
        List<Map<String, Object>> cmp = null;
        if (ka != null && kb != null) {
          String outer = open(codec, kb, id, "comparison", rs, 14);
          byte[] inner = Base64.getDecoder().decode(outer);
          cmp =
              parse(
                  ka.sealer(codec).open(TABLE, id, "comparison", inner),
                  new TypeReference<List<Map<String, Object>>>() {});
        }
        List<FieldComparison> fields = new ArrayList<>();
        int n = cmp != null ? cmp.size() : va != null ? va.size() : vb != null ? vb.size() : 0;
        for (int i = 0; i < n; i++) {
          Map<String, Object> m = cmp == null ? Map.of() : cmp.get(i);
          fields.add(
              new FieldComparison(
                  (String) m.getOrDefault("field", "field " + (i + 1)),
                  va == null ? null : va.get(i),
                  vb == null ? null : vb.get(i),
                  (String) m.get("level"),
                  m.get("weight") instanceof Number w ? w.doubleValue() : Double.NaN));
        }
        return Optional.of(new QueuedPair(id, pair, rs.getDouble(5), fields));
      }
    }
  }

  /**
   * The key of side whose person id is in column {@code at}; null when that person is forgotten.
   */
  private static Key key(ResultSet rs, int at) throws SQLException {
    long person = rs.getLong(at);
    if (rs.wasNull()) {
      return Key.WORKSPACE;
    }
    if (rs.getObject(at + 2) != null) {
      return null;
    }
    return new Key(person, rs.getBytes(at + 1));
  }

  private static String open(
      IdentityCodec codec, Key key, long id, String field, ResultSet rs, int column)
      throws SQLException {
    return key.sealer(codec).open(TABLE, id, field, rs.getBytes(column));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> strings(String json) {
    return parse(json, new TypeReference<List<String>>() {});
  }

  private static <T> T parse(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json.getBytes(StandardCharsets.UTF_8), type);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a sealed review value is not what was stored", e);
    }
  }
}
