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
 * <p>Rows go out in bulk, one {@link TableRows} per table: {@value MultiRowInsert#ROWS} at a time
 * in multi-row INSERTs on H2, by COPY on PostgreSQL ({@link CopyRows}). The documentation tables
 * have no foreign keys (V4_500), so the tables' rows may be sent in any order; an act carries its
 * first involvement and its first citation in its own row, so most acts are one row
 * (docs/benchmarks.md, "Import of documentation, branch docimport").
 */
final class DocumentationWriter implements AutoCloseable {

  /** The identity_field names of the sealed values. */
  static final String TEXT = "text";

  static final String SUMMARY = "summary";

  private static final int BIGINT = Types.BIGINT;
  private static final int INT = Types.INTEGER;
  private static final int TEXTUAL = Types.VARCHAR;
  private static final int CHAR = Types.CHAR;
  private static final int DATE = Types.DATE;
  private static final int BOOL = Types.BOOLEAN;
  private static final int BYTES = Types.VARBINARY;
  private static final int TIME = Types.TIMESTAMP_WITH_TIMEZONE;

  private final Connection c;
  private final IdentityCodec codec;
  private final Ids ids;

  /** Runs the rows' statements while this thread seals and encodes the next ones. */
  private final Sender sender = new Sender();

  /**
   * The row ids of this save, drawn before the first row goes to the sender (which then has the
   * connection to itself): {@link Ids} draws a block by a query.
   */
  private long[] pool;

  private int drawn;
  private final OffsetDateTime now = Database.now();

  /** A person row: its id and wrapped data key (null under a codec without keys). */
  private record Key(long personId, byte[] wrapped) {}

  private final Map<String, Key> persons = new HashMap<>();
  private final Map<String, Key> sourceKeys = new HashMap<>();

  /** The row id of each source, event and information (sized in {@link #write}). */
  private Map<String, Long> rows = new HashMap<>();

  private final TableRows personRow;
  private final TableRows docPerson;
  private final TableRows sourceRow;
  private final TableRows consentRow;
  private final TableRows sealedRow;
  private final TableRows eventRow;
  private final TableRows chainRow;
  private final TableRows informationRow;
  private final TableRows actRow;
  private final TableRows involvementRow;
  private final TableRows actInformationRow;
  private final List<TableRows> all;

  /** What counting reads of this save (V5_000), stored with its rows. */
  private CountingSegment.Encoder counting;

  private final Map<String, Long> sourceOfInformation = new HashMap<>();

  /**
   * @param postgres whether {@code c} is PostgreSQL's: rows then go by {@code COPY}
   */
  DocumentationWriter(Connection c, boolean postgres, IdentityCodec codec, Ids ids)
      throws SQLException {
    this.c = c;
    this.codec = codec;
    this.ids = ids;
    personRow =
        TableRows.of(
            c,
            sender,
            postgres,
            "person",
            "id, wrapped_key, forgotten_at, created_at",
            BIGINT,
            BYTES,
            TIME,
            TIME);
    docPerson = TableRows.of(c, sender, postgres, "doc_person", "person_id, ref", BIGINT, TEXTUAL);
    sourceRow =
        TableRows.of(
            c,
            sender,
            postgres,
            "doc_source",
            "id, ref, kind, interviewer, source_day, source_precision, language, place_code,"
                + " place_approximate, holder, reliability, has_text, key_person_id, created_at",
            BIGINT,
            TEXTUAL,
            TEXTUAL,
            TEXTUAL,
            DATE,
            CHAR,
            TEXTUAL,
            TEXTUAL,
            BOOL,
            TEXTUAL,
            TEXTUAL,
            BOOL,
            BIGINT,
            TIME);
    consentRow =
        TableRows.of(
            c,
            sender,
            postgres,
            "doc_consent",
            "source_id, position, consent_use, given_on, withdrawn_on, partners",
            BIGINT,
            INT,
            TEXTUAL,
            DATE,
            DATE,
            TEXTUAL);
    sealedRow =
        TableRows.of(
            c,
            sender,
            postgres,
            "identity_field",
            "owner_id, field, owner_table, person_id, sealed",
            BIGINT,
            TEXTUAL,
            TEXTUAL,
            BIGINT,
            BYTES);
    eventRow =
        TableRows.of(
            c,
            sender,
            postgres,
            "doc_event",
            "id, ref, event_type, start_day, start_precision, end_day, end_precision, place_code,"
                + " place_approximate, has_summary, next_event_id, chain_person_id, created_at",
            BIGINT,
            TEXTUAL,
            TEXTUAL,
            DATE,
            CHAR,
            DATE,
            CHAR,
            TEXTUAL,
            BOOL,
            BOOL,
            BIGINT,
            BIGINT,
            TIME);
    chainRow =
        TableRows.of(
            c,
            sender,
            postgres,
            "doc_chain",
            "event_id, position, next_event_id, person_id",
            BIGINT,
            INT,
            BIGINT,
            BIGINT);
    informationRow =
        TableRows.of(
            c,
            sender,
            postgres,
            "doc_information",
            "id, ref, source_id, event_id, passage_kind, passage_start, passage_end, reliability,"
                + " observation",
            BIGINT,
            TEXTUAL,
            BIGINT,
            BIGINT,
            CHAR,
            BIGINT,
            BIGINT,
            TEXTUAL,
            TEXTUAL);
    actRow =
        TableRows.of(
            c,
            sender,
            postgres,
            "doc_act",
            "id, ref, event_id, victim_person_id, victim_group_ref, victim_count, act_type,"
                + " start_day, start_precision, end_day, end_precision, place_code,"
                + " place_approximate, perpetrator_person_id, institution_type, institution_state,"
                + " institution_unit, degree, information_id, created_at",
            BIGINT,
            TEXTUAL,
            BIGINT,
            BIGINT,
            TEXTUAL,
            INT,
            TEXTUAL,
            DATE,
            CHAR,
            DATE,
            CHAR,
            TEXTUAL,
            BOOL,
            BIGINT,
            TEXTUAL,
            CHAR,
            TEXTUAL,
            TEXTUAL,
            BIGINT,
            TIME);
    involvementRow =
        TableRows.of(
            c,
            sender,
            postgres,
            "doc_involvement",
            "act_id, position, perpetrator_person_id, institution_type, institution_state,"
                + " institution_unit, degree",
            BIGINT,
            INT,
            BIGINT,
            TEXTUAL,
            CHAR,
            TEXTUAL,
            TEXTUAL);
    actInformationRow =
        TableRows.of(
            c,
            sender,
            postgres,
            "doc_act_information",
            "act_id, position, information_id",
            BIGINT,
            INT,
            BIGINT);
    all =
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

  /**
   * Returns the number of values sealed.
   *
   * <p>Sources, events, information and acts are written, and given their row ids, in the order of
   * their references, new people likewise: each table's unique {@code ref} index then takes one
   * save's references in order, close to each other in its tree, instead of at random places (H2
   * copies a page of its tree for each insert that lands on it; docs/benchmarks.md, "import13").
   */
  int write(Documentation d) throws SQLException {
    // the largest list sorted on another core meanwhile (the sender is idle until the first rows)
    var informationById =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> byId(d.information(), Information::id));
    List<Source> sources = byId(d.sources(), Source::id);
    List<Event> events = byId(d.events(), Event::id);
    List<Act> acts = byId(d.acts(), Act::id);
    List<Information> information = informationById.join();
    Set<String> people = personRefs(d);
    loadPersons(people);
    firstOfEachEvent(d);
    // a source and its key holder, each new person, event, information and act, the segment
    pool =
        new long
            [2 * sources.size()
                + people.size()
                + events.size()
                + information.size()
                + acts.size()
                + 1];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = ids.next();
    }
    rows = new HashMap<>(2 * (sources.size() + events.size() + information.size()));
    int sealed = 0;
    counting = new CountingSegment.Encoder(nextId());
    for (Source s : sources) {
      sealed += source(s);
    }
    newPersons(people);
    for (Event e : events) {
      rows.put(e.id(), nextId());
    }
    for (Information i : information) {
      rows.put(i.id(), nextId());
    }
    for (Event e : events) {
      sealed += event(e);
      chain(e);
    }
    for (Information i : information) {
      information(i);
    }
    for (Act a : acts) {
      act(a);
    }
    for (TableRows m : all) {
      m.flush();
    }
    sender.finish();
    if (!counting.isEmpty()) {
      CountingReader.append(c, counting, ids.next());
    }
    return sealed;
  }

  /** An item with its id and the id's first characters after the prefix all ids share. */
  private record Keyed<T>(long head, String id, T item) {}

  /**
   * The items in the order of their ids (as {@link String#compareTo} orders them). Sorting a
   * hundred thousand references that come in no order by comparing the strings was a tenth of the
   * saving thread's time (docs/benchmarks.md, "import13d"): each comparison read two strings from
   * anywhere in the heap. Here most comparisons read a number from records made one after another:
   * four characters (16 bits each, so that the numbers order as the strings do) past the prefix
   * every id shares; only ids equal in those compare their strings.
   */
  static <T> List<T> byId(List<T> items, java.util.function.Function<T, String> id) {
    int n = items.size();
    if (n == 0) {
      return List.of();
    }
    String first = id.apply(items.get(0));
    int shared = first.length();
    for (T item : items) {
      String other = id.apply(item);
      int k = 0;
      int max = Math.min(shared, other.length());
      while (k < max && other.charAt(k) == first.charAt(k)) {
        k++;
      }
      shared = k;
    }
    @SuppressWarnings("unchecked")
    Keyed<T>[] keyed = new Keyed[n];
    for (int i = 0; i < n; i++) {
      T item = items.get(i);
      String key = id.apply(item);
      long head = 0;
      for (int k = shared; k < shared + 4; k++) {
        // a shorter id orders first: its missing characters count as 0, below any character, and
        // a tie (e.g. "a" against "a\0") falls to compareTo
        head = (head << 16) | (k < key.length() ? key.charAt(k) : 0);
      }
      keyed[i] = new Keyed<>(head, key, item);
    }
    java.util.Arrays.sort(
        keyed,
        (a, b) -> {
          int c = Long.compareUnsigned(a.head(), b.head());
          return c != 0 ? c : a.id().compareTo(b.id());
        });
    List<T> sorted = new ArrayList<>(n);
    for (Keyed<T> k : keyed) {
      sorted.add(k.item());
    }
    return sorted;
  }

  /** The person rows of the people this graph names for the first time, in reference order. */
  private void newPersons(Set<String> people) throws SQLException {
    for (String ref : new TreeSet<>(people)) {
      if (!persons.containsKey(ref)) {
        person(new PersonRef(ref));
      }
    }
  }

  private static Set<String> personRefs(Documentation d) {
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
    return refs;
  }

  /** A row id of this save's pool. */
  private long nextId() {
    return pool[drawn++];
  }

  @Override
  public void close() throws SQLException {
    sender.close();
    SQLException first = null;
    for (TableRows m : all) {
      try {
        m.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * The person rows stored already under the references this graph uses: one query per thousand
   * references instead of one per reference.
   */
  private void loadPersons(Set<String> refs) throws SQLException {
    if (refs.isEmpty() || !anyPersonStored()) {
      return;
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

  /** False for a workspace whose documentation names no person yet (a first import). */
  private boolean anyPersonStored() throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT 1 FROM doc_person FETCH FIRST 1 ROWS ONLY");
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private int source(Source s) throws SQLException {
    long id = nextId();
    rows.put(s.id(), id);
    Key key = newPerson();
    sourceKeys.put(s.id(), key);
    sourceRow.add(
        id,
        s.id(),
        code(s.kind()),
        s.interviewer().orElse(null),
        s.date().map(PartialDate::earliest).orElse(null),
        s.date().map(DocumentationWriter::precision).orElse(null),
        s.language().orElse(null),
        s.place().map(l -> l.place().code()).orElse(null),
        s.place().map(Location::approximate).orElse(null),
        s.holder(),
        code(s.reliability()),
        s.text().isPresent(),
        key.personId(),
        now);
    int position = 0;
    for (ConsentGrant g : s.consent().grants()) {
      consentRow.add(
          id,
          ++position,
          code(g.use()),
          g.given(),
          g.withdrawn().orElse(null),
          String.join("\n", new TreeSet<>(g.partners())));
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
    DateRange when = e.when();
    ChainLink first = e.chain().isEmpty() ? null : e.chain().get(0);
    Long next = first == null ? null : rows.get(first.next());
    Long chainPerson = first == null ? null : person(first.person()).personId();
    counting.event(
        id,
        e.type().code(),
        when.start().earliest().toEpochDay(),
        precisionNumber(when.start()),
        when.end().latest().toEpochDay(),
        precisionNumber(when.end()),
        e.where().place().code(),
        next == null ? CountingSegment.NONE : next,
        chainPerson == null ? CountingSegment.NONE : chainPerson);
    eventRow.add(
        id,
        e.id(),
        e.type().code(),
        when.start().earliest(),
        precision(when.start()),
        when.end().latest(),
        precision(when.end()),
        e.where().place().code(),
        e.where().approximate(),
        e.summary().isPresent(),
        next,
        chainPerson,
        now);
    if (e.summary().isEmpty()) {
      return 0;
    }
    seal("doc_event", id, SUMMARY, summaryKey, e.summary().get());
    return 1;
  }

  /**
   * The second and further links of an event's chain (the first is in the event's row). Every event
   * has its row id before the first link is written: a link may point forward.
   */
  private void chain(Event e) throws SQLException {
    for (int k = 1; k < e.chain().size(); k++) {
      ChainLink link = e.chain().get(k);
      long event = rows.get(e.id());
      long next = rows.get(link.next());
      long person = person(link.person()).personId();
      chainRow.add(event, k + 1, next, person);
      counting.chain(event, next, person);
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
    String kind = null;
    Long start = null;
    Long end = null;
    Passage p = i.passage().orElse(null);
    if (p instanceof Passage.TextSpan t) {
      kind = "T";
      start = (long) t.start();
      end = (long) t.end();
    } else if (p instanceof Passage.TimeSpan t) {
      kind = "R";
      start = t.start().toNanos();
      end = t.end().toNanos();
    }
    long id = rows.get(i.id());
    long source = rows.get(i.source());
    Long event = i.event().map(rows::get).orElse(null);
    sourceOfInformation.put(i.id(), source);
    counting.information(id);
    if (event != null) {
      counting.told(event, source);
    }
    informationRow.add(
        id, i.id(), source, event, kind, start, end, code(i.reliability()), code(i.observation()));
  }

  private void act(Act a) throws SQLException {
    long id = nextId();
    Long victim = a.victim() instanceof PersonRef p ? person(p).personId() : null;
    String group = a.victim() instanceof Group g ? g.id() : null;
    int count = a.victim() instanceof Group g ? g.count() : 1;
    Object[] first = involvement(a.involvements().isEmpty() ? null : a.involvements().get(0));
    DateRange when = a.when();
    long event = rows.get(a.event());
    counting.act(
        id,
        event,
        victim == null ? CountingSegment.NONE : victim,
        group,
        count,
        a.type().code(),
        when.start().earliest().toEpochDay(),
        precisionNumber(when.start()),
        when.end().latest().toEpochDay(),
        precisionNumber(when.end()),
        a.where().place().code(),
        first[4] == null ? null : first[0] != null ? PERSON : (String) first[1],
        sourceOfInformation.get(a.information().get(0)));
    actRow.add(
        id,
        a.id(),
        event,
        victim,
        group,
        count,
        a.type().code(),
        when.start().earliest(),
        precision(when.start()),
        when.end().latest(),
        precision(when.end()),
        a.where().place().code(),
        a.where().approximate(),
        first[0],
        first[1],
        first[2],
        first[3],
        first[4],
        rows.get(a.information().get(0)),
        now);
    for (int k = 1; k < a.involvements().size(); k++) {
      Object[] v = involvement(a.involvements().get(k));
      involvementRow.add(id, k + 1, v[0], v[1], v[2], v[3], v[4]);
      counting.perpetrator(id, v[0] != null ? PERSON : (String) v[1]);
    }
    for (int k = 1; k < a.information().size(); k++) {
      actInformationRow.add(id, k + 1, rows.get(a.information().get(k)));
      counting.cited(id, sourceOfInformation.get(a.information().get(k)));
    }
  }

  /** Perpetrator person, institution type, state, unit, degree; all null for none. */
  private Object[] involvement(Involvement v) throws SQLException {
    if (v == null) {
      return new Object[5];
    }
    if (v.perpetrator() instanceof PersonRef p) {
      return new Object[] {person(p).personId(), null, null, null, code(v.degree())};
    }
    Institution i = (Institution) v.perpetrator();
    return new Object[] {
      null, i.type().code(), i.state().orElse(null), i.unit().orElse(null), code(v.degree())
    };
  }

  /** The person row of a reference: the one stored before, else a new one with its own key. */
  private Key person(PersonRef ref) throws SQLException {
    Key known = persons.get(ref.id());
    if (known != null) {
      return known;
    }
    known = newPerson();
    docPerson.add(known.personId(), ref.id());
    persons.put(ref.id(), known);
    return known;
  }

  private Key newPerson() throws SQLException {
    long id = nextId();
    byte[] wrapped = codec.newPersonKey(id);
    personRow.add(id, wrapped, null, now);
    return new Key(id, wrapped);
  }

  private void seal(String table, long owner, String field, Key key, String value)
      throws SQLException {
    byte[] sealed =
        key == null
            ? codec.sealerFor(0, null).seal(table, owner, field, value)
            : codec.sealerFor(key.personId(), key.wrapped()).seal(table, owner, field, value);
    sealedRow.add(owner, field, table, key == null ? null : key.personId(), sealed);
  }

  /** The perpetrator type counting gives a person (an institution's is its type's code). */
  private static final String PERSON = "person";

  /** A date end's precision as the counting segment numbers it: 1 year, 2 month, 3 day. */
  static int precisionNumber(PartialDate d) {
    return switch (d.precision()) {
      case YEAR -> 1;
      case MONTH -> 2;
      case DAY -> 3;
    };
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
    return CODES.computeIfAbsent(
        constant, k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  private static final Map<Enum<?>, String> CODES = new java.util.concurrent.ConcurrentHashMap<>();

  static <E extends Enum<E>> E constant(Class<E> type, String code) {
    return Enum.valueOf(type, code.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
