package org.tumen.store.documentation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>Rows go out in JDBC batches, one prepared statement per table: a row only ever refers to rows
 * added before it, so flushing every table's batch in the order the tables depend on each other
 * (person first, act information last) keeps every foreign key satisfied (docs/benchmarks.md,
 * "Import of documentation").
 */
final class DocumentationWriter implements AutoCloseable {

  /** The identity_field names of the sealed values. */
  static final String TEXT = "text";

  static final String SUMMARY = "summary";

  /** Rows held in the batches before they are sent. */
  private static final int FLUSH_EVERY = 4096;

  private final Connection c;
  private final IdentityCodec codec;
  private final Ids ids;
  private final OffsetDateTime now = Database.now();

  /** A person row: its id and wrapped data key (null under a codec without keys). */
  private record Key(long personId, byte[] wrapped) {}

  private final Map<String, Key> persons = new HashMap<>();
  private final Map<String, Key> sourceKeys = new HashMap<>();
  private final Map<String, Long> rows = new HashMap<>();

  // One statement per table, in the order their batches must be flushed.
  private final PreparedStatement personRow;
  private final PreparedStatement docPerson;
  private final PreparedStatement sourceRow;
  private final PreparedStatement consentRow;
  private final PreparedStatement sealedRow;
  private final PreparedStatement eventRow;
  private final PreparedStatement chainRow;
  private final PreparedStatement informationRow;
  private final PreparedStatement actRow;
  private final PreparedStatement involvementRow;
  private final PreparedStatement actInformationRow;
  private final List<PreparedStatement> inOrder;
  private int pending;

  DocumentationWriter(Connection c, IdentityCodec codec, Ids ids) throws SQLException {
    this.c = c;
    this.codec = codec;
    this.ids = ids;
    personRow =
        c.prepareStatement(
            "INSERT INTO person (id, wrapped_key, forgotten_at, created_at)"
                + " VALUES (?, ?, NULL, ?)");
    docPerson = c.prepareStatement("INSERT INTO doc_person (person_id, ref) VALUES (?, ?)");
    sourceRow =
        c.prepareStatement(
            "INSERT INTO doc_source (id, ref, kind, interviewer, source_day, source_precision,"
                + " language, place_code, place_approximate, holder, reliability, has_text,"
                + " key_person_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    consentRow =
        c.prepareStatement(
            "INSERT INTO doc_consent (source_id, position, consent_use, given_on, withdrawn_on,"
                + " partners) VALUES (?, ?, ?, ?, ?, ?)");
    sealedRow =
        c.prepareStatement(
            "INSERT INTO identity_field (owner_id, field, owner_table, person_id, sealed)"
                + " VALUES (?, ?, ?, ?, ?)");
    eventRow =
        c.prepareStatement(
            "INSERT INTO doc_event (id, ref, event_type, start_day, start_precision, end_day,"
                + " end_precision, place_code, place_approximate, has_summary, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    chainRow =
        c.prepareStatement(
            "INSERT INTO doc_chain (event_id, position, next_event_id, person_id)"
                + " VALUES (?, ?, ?, ?)");
    informationRow =
        c.prepareStatement(
            "INSERT INTO doc_information (id, ref, source_id, event_id, passage_kind,"
                + " passage_start, passage_end, reliability, observation)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    actRow =
        c.prepareStatement(
            "INSERT INTO doc_act (id, ref, event_id, victim_person_id, victim_group_ref,"
                + " victim_count, act_type, start_day, start_precision, end_day, end_precision,"
                + " place_code, place_approximate, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    involvementRow =
        c.prepareStatement(
            "INSERT INTO doc_involvement (act_id, position, perpetrator_person_id,"
                + " institution_type, institution_state, institution_unit, degree)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)");
    actInformationRow =
        c.prepareStatement(
            "INSERT INTO doc_act_information (act_id, position, information_id)"
                + " VALUES (?, ?, ?)");
    inOrder =
        List.of(
            personRow,
            docPerson,
            sourceRow,
            consentRow,
            sealedRow,
            eventRow,
            chainRow,
            informationRow,
            actRow,
            involvementRow,
            actInformationRow);
  }

  /** Returns the number of values sealed. */
  int write(Documentation d) throws SQLException {
    loadPersons(d);
    firstOfEachEvent(d);
    int sealed = 0;
    for (Source s : d.sources()) {
      sealed += source(s);
    }
    for (Event e : d.events()) {
      rows.put(e.id(), ids.next());
    }
    for (Event e : d.events()) {
      sealed += event(e);
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
    flush();
    return sealed;
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (PreparedStatement ps : inOrder) {
      try {
        ps.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private void added(PreparedStatement ps) throws SQLException {
    ps.addBatch();
    if (++pending >= FLUSH_EVERY) {
      flush();
    }
  }

  private void flush() throws SQLException {
    for (PreparedStatement ps : inOrder) {
      ps.executeBatch();
    }
    pending = 0;
  }

  /**
   * The person rows stored already under the references this graph uses: one query per thousand
   * references instead of one per reference.
   */
  private void loadPersons(Documentation d) throws SQLException {
    Set<String> refs = new LinkedHashSet<>();
    for (Event e : d.events()) {
      e.chain().forEach(l -> refs.add(l.person().id()));
    }
    for (Act a : d.acts()) {
      if (a.victim() instanceof PersonRef p) {
        refs.add(p.id());
      }
      for (Involvement v : a.involvements()) {
        if (v.perpetrator() instanceof PersonRef p) {
          refs.add(p.id());
        }
      }
    }
    List<String> all = new ArrayList<>(refs);
    for (int from = 0; from < all.size(); from += 1000) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 1000));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT d.ref, p.id, p.wrapped_key, p.forgotten_at FROM doc_person d"
                  + " JOIN person p ON p.id = d.person_id WHERE d.ref IN ("
                  + marks
                  + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (rs.getObject(4) != null) {
              // Sealing under a forgotten person's (absent) key would fall back to the workspace
              // key.
              throw new BadInputException(
                  "person " + rs.getString(1),
                  "this person was forgotten; nothing about them is stored");
            }
            persons.put(rs.getString(1), new Key(rs.getLong(2), rs.getBytes(3)));
          }
        }
      }
    }
  }

  private int source(Source s) throws SQLException {
    long id = ids.next();
    rows.put(s.id(), id);
    Key key = newPerson();
    sourceKeys.put(s.id(), key);
    PreparedStatement ps = sourceRow;
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
    added(ps);
    int position = 0;
    for (ConsentGrant g : s.consent().grants()) {
      consentRow.setLong(1, id);
      consentRow.setInt(2, ++position);
      consentRow.setString(3, code(g.use()));
      consentRow.setObject(4, g.given());
      consentRow.setObject(5, g.withdrawn().orElse(null), Types.DATE);
      consentRow.setString(6, String.join("\n", new TreeSet<>(g.partners())));
      added(consentRow);
    }
    if (s.text().isEmpty()) {
      return 0;
    }
    seal("doc_source", id, TEXT, key, s.text().get());
    return 1;
  }

  private int event(Event e) throws SQLException {
    long id = rows.get(e.id());
    Key summaryKey = e.summary().isPresent() ? summaryKey(e) : null;
    PreparedStatement ps = eventRow;
    ps.setLong(1, id);
    ps.setString(2, e.id());
    ps.setString(3, e.type().code());
    dates(ps, 4, e.when());
    ps.setString(8, e.where().place().code());
    ps.setBoolean(9, e.where().approximate());
    ps.setBoolean(10, e.summary().isPresent());
    ps.setObject(11, now);
    added(ps);
    if (e.summary().isEmpty()) {
      return 0;
    }
    seal("doc_event", id, SUMMARY, summaryKey, e.summary().get());
    return 1;
  }

  /** After every event row: a link may point to an event written after its own. */
  private void chain(Event e) throws SQLException {
    int position = 0;
    for (ChainLink link : e.chain()) {
      long person = person(link.person()).personId();
      chainRow.setLong(1, rows.get(e.id()));
      chainRow.setInt(2, ++position);
      chainRow.setLong(3, rows.get(link.next()));
      chainRow.setLong(4, person);
      added(chainRow);
    }
  }

  /**
   * For each event with a summary, whose key seals it: the first person of its chain or of its
   * acts' victims, so that forgetting them destroys it; else the first source telling it; else
   * none. Found in one pass over the acts and information, not one per event.
   */
  private void firstOfEachEvent(Documentation d) {
    Set<String> wanted = new HashSet<>();
    for (Event e : d.events()) {
      if (e.summary().isPresent() && e.chain().isEmpty()) {
        wanted.add(e.id());
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    for (Act a : d.acts()) {
      if (wanted.contains(a.event()) && a.victim() instanceof PersonRef) {
        wanted.remove(a.event());
        victimFirst.put(a.event(), (PersonRef) a.victim());
      }
    }
    for (Information i : d.information()) {
      if (i.event().isPresent() && wanted.remove(i.event().get())) {
        sourceFirst.put(i.event().get(), i.source());
      }
    }
  }

  private final Map<String, PersonRef> victimFirst = new HashMap<>();
  private final Map<String, String> sourceFirst = new HashMap<>();

  private Key summaryKey(Event e) throws SQLException {
    if (!e.chain().isEmpty()) {
      return person(e.chain().get(0).person());
    }
    PersonRef victim = victimFirst.get(e.id());
    if (victim != null) {
      return person(victim);
    }
    String source = sourceFirst.get(e.id());
    return source == null ? null : sourceKeys.get(source);
  }

  private void information(Information i) throws SQLException {
    long id = ids.next();
    rows.put(i.id(), id);
    PreparedStatement ps = informationRow;
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
    added(ps);
  }

  private void act(Act a) throws SQLException {
    long id = ids.next();
    // Persons first: making one may flush the batches, and a flush leaves the statements holding
    // the parameters of their last batched row (H2), not those set before it.
    long victim = a.victim() instanceof PersonRef p ? person(p).personId() : 0;
    List<Long> perpetrators = new ArrayList<>();
    for (Involvement v : a.involvements()) {
      perpetrators.add(v.perpetrator() instanceof PersonRef p ? person(p).personId() : 0L);
    }
    PreparedStatement ps = actRow;
    ps.setLong(1, id);
    ps.setString(2, a.id());
    ps.setLong(3, rows.get(a.event()));
    if (a.victim() instanceof PersonRef) {
      ps.setLong(4, victim);
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
    added(ps);
    int position = 0;
    for (Involvement v : a.involvements()) {
      PreparedStatement iv = involvementRow;
      iv.setLong(1, id);
      iv.setInt(2, ++position);
      if (v.perpetrator() instanceof PersonRef) {
        iv.setLong(3, perpetrators.get(position - 1));
        iv.setNull(4, Types.VARCHAR);
        iv.setNull(5, Types.CHAR);
        iv.setNull(6, Types.VARCHAR);
      } else {
        Institution i = (Institution) v.perpetrator();
        iv.setNull(3, Types.BIGINT);
        iv.setString(4, i.type().code());
        iv.setString(5, i.state().orElse(null));
        iv.setString(6, i.unit().orElse(null));
      }
      iv.setString(7, code(v.degree()));
      added(iv);
    }
    position = 0;
    for (String info : a.information()) {
      actInformationRow.setLong(1, id);
      actInformationRow.setInt(2, ++position);
      actInformationRow.setLong(3, rows.get(info));
      added(actInformationRow);
    }
  }

  /** The person row of a reference: the one stored before, else a new one with its own key. */
  private Key person(PersonRef ref) throws SQLException {
    Key known = persons.get(ref.id());
    if (known != null) {
      return known;
    }
    known = newPerson();
    docPerson.setLong(1, known.personId());
    docPerson.setString(2, ref.id());
    added(docPerson);
    persons.put(ref.id(), known);
    return known;
  }

  private Key newPerson() throws SQLException {
    long id = ids.next();
    byte[] wrapped = codec.newPersonKey(id);
    personRow.setLong(1, id);
    personRow.setBytes(2, wrapped);
    personRow.setObject(3, now);
    added(personRow);
    return new Key(id, wrapped);
  }

  private void seal(String table, long owner, String field, Key key, String value)
      throws SQLException {
    byte[] sealed =
        key == null
            ? codec.sealerFor(0, null).seal(table, owner, field, value)
            : codec.sealerFor(key.personId(), key.wrapped()).seal(table, owner, field, value);
    sealedRow.setLong(1, owner);
    sealedRow.setString(2, field);
    sealedRow.setString(3, table);
    sealedRow.setObject(4, key == null ? null : key.personId(), Types.BIGINT);
    sealedRow.setBytes(5, sealed);
    added(sealedRow);
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
