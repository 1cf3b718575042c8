package org.tumen.store.documentation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.tumen.model.BadInputException;
import org.tumen.model.DateRange;
import org.tumen.model.PartialDate;
import org.tumen.model.documentation.Act;
import org.tumen.model.documentation.ChainLink;
import org.tumen.model.documentation.ConsentGrant;
import org.tumen.model.documentation.Documentation;
import org.tumen.model.documentation.Event;
import org.tumen.model.documentation.Group;
import org.tumen.model.documentation.Information;
import org.tumen.model.documentation.Institution;
import org.tumen.model.documentation.Involvement;
import org.tumen.model.documentation.Location;
import org.tumen.model.documentation.Passage;
import org.tumen.model.documentation.PersonRef;
import org.tumen.model.documentation.Source;
import org.tumen.store.Database;
import org.tumen.store.Ids;
import org.tumen.store.identity.IdentityCodec;

/**
 * Writes one {@link Documentation} graph inside the caller's transaction. Testimony and summaries
 * go to {@code identity_field}, sealed: a source's text under the key of the source's own key
 * holder (a person row), an event's summary under the key of the first person in it, else of the
 * first source that tells it, else the workspace key.
 */
final class DocumentationWriter {

  /** The identity_field names of the sealed values. */
  static final String TEXT = "text";

  static final String SUMMARY = "summary";

  private final Connection c;
  private final IdentityCodec codec;
  private final Ids ids;
  private final OffsetDateTime now = Database.now();

  /** A person row: its id and wrapped data key (null under a codec without keys). */
  private record Key(long personId, byte[] wrapped) {}

  private final Map<String, Key> persons = new HashMap<>();
  private final Map<String, Key> sourceKeys = new HashMap<>();
  private final Map<String, Long> rows = new HashMap<>();

  DocumentationWriter(Connection c, IdentityCodec codec, Ids ids) {
    this.c = c;
    this.codec = codec;
    this.ids = ids;
  }

  /** Returns the number of values sealed. */
  int write(Documentation d) throws SQLException {
    int sealed = 0;
    for (Source s : d.sources()) {
      sealed += source(s);
    }
    for (Event e : d.events()) {
      rows.put(e.id(), ids.next());
    }
    for (Event e : d.events()) {
      sealed += event(d, e);
    }
    for (Event e : d.events()) {
      chain(e);
    }
    for (Information i : d.information()) {
      information(i);
    }
    for (Act a : d.acts()) {
      act(a);
    }
    return sealed;
  }

  private int source(Source s) throws SQLException {
    long id = ids.next();
    rows.put(s.id(), id);
    Key key = newPerson();
    sourceKeys.put(s.id(), key);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO doc_source (id, ref, kind, interviewer, source_day, source_precision,"
                + " language, place_code, place_approximate, holder, reliability, has_text,"
                + " key_person_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, s.id());
      ps.setString(3, code(s.kind()));
      ps.setString(4, s.interviewer().orElse(null));
      ps.setObject(5, s.date().map(PartialDate::earliest).orElse(null), Types.DATE);
      ps.setString(6, s.date().map(DocumentationWriter::precision).orElse(null));
      ps.setString(7, s.language().orElse(null));
      ps.setString(8, s.place().map(l -> l.place().code()).orElse(null));
      ps.setObject(9, s.place().map(Location::approximate).orElse(null), Types.BOOLEAN);
      ps.setString(10, s.holder());
      ps.setString(11, code(s.reliability()));
      ps.setBoolean(12, s.text().isPresent());
      ps.setLong(13, key.personId());
      ps.setObject(14, now);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO doc_consent (source_id, position, consent_use, given_on, withdrawn_on,"
                + " partners) VALUES (?, ?, ?, ?, ?, ?)")) {
      int position = 0;
      for (ConsentGrant g : s.consent().grants()) {
        ps.setLong(1, id);
        ps.setInt(2, ++position);
        ps.setString(3, code(g.use()));
        ps.setObject(4, g.given());
        ps.setObject(5, g.withdrawn().orElse(null), Types.DATE);
        ps.setString(6, String.join("\n", new TreeSet<>(g.partners())));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    if (s.text().isEmpty()) {
      return 0;
    }
    seal("doc_source", id, TEXT, key, s.text().get());
    return 1;
  }

  private int event(Documentation d, Event e) throws SQLException {
    long id = rows.get(e.id());
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO doc_event (id, ref, event_type, start_day, start_precision, end_day,"
                + " end_precision, place_code, place_approximate, has_summary, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, e.id());
      ps.setString(3, e.type().code());
      dates(ps, 4, e.when());
      ps.setString(8, e.where().place().code());
      ps.setBoolean(9, e.where().approximate());
      ps.setBoolean(10, e.summary().isPresent());
      ps.setObject(11, now);
      ps.executeUpdate();
    }
    if (e.summary().isEmpty()) {
      return 0;
    }
    seal("doc_event", id, SUMMARY, summaryKey(d, e), e.summary().get());
    return 1;
  }

  /** After every event row: a link may point to an event written after its own. */
  private void chain(Event e) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO doc_chain (event_id, position, next_event_id, person_id)"
                + " VALUES (?, ?, ?, ?)")) {
      int position = 0;
      for (ChainLink link : e.chain()) {
        ps.setLong(1, rows.get(e.id()));
        ps.setInt(2, ++position);
        ps.setLong(3, rows.get(link.next()));
        ps.setLong(4, person(link.person()).personId());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Whose key seals an event's summary: the first person of its chain or of its acts' victims, so
   * that forgetting them destroys it; else the first source telling it; else none.
   */
  private Key summaryKey(Documentation d, Event e) throws SQLException {
    if (!e.chain().isEmpty()) {
      return person(e.chain().get(0).person());
    }
    for (Act a : d.acts()) {
      if (a.event().equals(e.id()) && a.victim() instanceof PersonRef p) {
        return person(p);
      }
    }
    for (Information i : d.information()) {
      if (i.event().isPresent() && i.event().get().equals(e.id())) {
        return sourceKeys.get(i.source());
      }
    }
    return null;
  }

  private void information(Information i) throws SQLException {
    long id = ids.next();
    rows.put(i.id(), id);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO doc_information (id, ref, source_id, event_id, passage_kind,"
                + " passage_start, passage_end, reliability, observation)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, i.id());
      ps.setLong(3, rows.get(i.source()));
      ps.setObject(4, i.event().map(rows::get).orElse(null), Types.BIGINT);
      Passage p = i.passage().orElse(null);
      if (p instanceof Passage.TextSpan t) {
        ps.setString(5, "T");
        ps.setLong(6, t.start());
        ps.setLong(7, t.end());
      } else if (p instanceof Passage.TimeSpan t) {
        ps.setString(5, "R");
        ps.setLong(6, t.start().toNanos());
        ps.setLong(7, t.end().toNanos());
      } else {
        ps.setNull(5, Types.CHAR);
        ps.setNull(6, Types.BIGINT);
        ps.setNull(7, Types.BIGINT);
      }
      ps.setString(8, code(i.reliability()));
      ps.setString(9, code(i.observation()));
      ps.executeUpdate();
    }
  }

  private void act(Act a) throws SQLException {
    long id = ids.next();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO doc_act (id, ref, event_id, victim_person_id, victim_group_ref,"
                + " victim_count, act_type, start_day, start_precision, end_day, end_precision,"
                + " place_code, place_approximate, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, a.id());
      ps.setLong(3, rows.get(a.event()));
      if (a.victim() instanceof PersonRef p) {
        ps.setLong(4, person(p).personId());
        ps.setNull(5, Types.VARCHAR);
        ps.setInt(6, 1);
      } else {
        Group g = (Group) a.victim();
        ps.setNull(4, Types.BIGINT);
        ps.setString(5, g.id());
        ps.setInt(6, g.count());
      }
      ps.setString(7, a.type().code());
      dates(ps, 8, a.when());
      ps.setString(12, a.where().place().code());
      ps.setBoolean(13, a.where().approximate());
      ps.setObject(14, now);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO doc_involvement (act_id, position, perpetrator_person_id,"
                + " institution_type, institution_state, institution_unit, degree)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int position = 0;
      for (Involvement v : a.involvements()) {
        ps.setLong(1, id);
        ps.setInt(2, ++position);
        if (v.perpetrator() instanceof PersonRef p) {
          ps.setLong(3, person(p).personId());
          ps.setNull(4, Types.VARCHAR);
          ps.setNull(5, Types.CHAR);
          ps.setNull(6, Types.VARCHAR);
        } else {
          Institution i = (Institution) v.perpetrator();
          ps.setNull(3, Types.BIGINT);
          ps.setString(4, i.type().code());
          ps.setString(5, i.state().orElse(null));
          ps.setString(6, i.unit().orElse(null));
        }
        ps.setString(7, code(v.degree()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO doc_act_information (act_id, position, information_id)"
                + " VALUES (?, ?, ?)")) {
      int position = 0;
      for (String info : a.information()) {
        ps.setLong(1, id);
        ps.setInt(2, ++position);
        ps.setLong(3, rows.get(info));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The person row of a reference: the one stored before, else a new one with its own key. */
  private Key person(PersonRef ref) throws SQLException {
    Key known = persons.get(ref.id());
    if (known != null) {
      return known;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.id, p.wrapped_key, p.forgotten_at FROM doc_person d"
                + " JOIN person p ON p.id = d.person_id WHERE d.ref = ?")) {
      ps.setString(1, ref.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          if (rs.getObject(3) != null) {
            // Sealing under a forgotten person's (absent) key would fall back to the workspace key.
            throw new BadInputException(
                "person " + ref.id(), "this person was forgotten; nothing about them is stored");
          }
          known = new Key(rs.getLong(1), rs.getBytes(2));
        }
      }
    }
    if (known == null) {
      known = newPerson();
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO doc_person (person_id, ref) VALUES (?, ?)")) {
        ps.setLong(1, known.personId());
        ps.setString(2, ref.id());
        ps.executeUpdate();
      }
    }
    persons.put(ref.id(), known);
    return known;
  }

  private Key newPerson() throws SQLException {
    long id = ids.next();
    byte[] wrapped = codec.newPersonKey(id);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO person (id, wrapped_key, forgotten_at, created_at)"
                + " VALUES (?, ?, NULL, ?)")) {
      ps.setLong(1, id);
      ps.setBytes(2, wrapped);
      ps.setObject(3, now);
      ps.executeUpdate();
    }
    return new Key(id, wrapped);
  }

  private void seal(String table, long owner, String field, Key key, String value)
      throws SQLException {
    byte[] sealed =
        key == null
            ? codec.sealerFor(0, null).seal(table, owner, field, value)
            : codec.sealerFor(key.personId(), key.wrapped()).seal(table, owner, field, value);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO identity_field (owner_id, field, owner_table, person_id, sealed)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setLong(1, owner);
      ps.setString(2, field);
      ps.setString(3, table);
      ps.setObject(4, key == null ? null : key.personId(), Types.BIGINT);
      ps.setBytes(5, sealed);
      ps.executeUpdate();
    }
  }

  private static void dates(PreparedStatement ps, int at, DateRange r) throws SQLException {
    ps.setObject(at, r.start().earliest());
    ps.setString(at + 1, precision(r.start()));
    ps.setObject(at + 2, r.end().latest());
    ps.setString(at + 3, precision(r.end()));
  }

  static String precision(PartialDate d) {
    return d.precision().name().substring(0, 1);
  }

  static PartialDate partial(LocalDate day, String precision) {
    return switch (precision) {
      case "Y" -> PartialDate.ofYear(day.getYear());
      case "M" -> PartialDate.ofMonth(day.getYear(), day.getMonthValue());
      case "D" -> PartialDate.of(day);
      default -> throw new IllegalStateException("unknown date precision " + precision);
    };
  }

  /** The stored code of a closed-scale constant: lower case, hyphens for underscores. */
  static String code(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static <E extends Enum<E>> E constant(Class<E> type, String code) {
    return Enum.valueOf(type, code.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
